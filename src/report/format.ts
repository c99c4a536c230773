// Small number formats shared by the human-readable reporters.
import type { Rate, Report } from '../aggregate/build-report.js';

export function percent(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

export function signed(value: number | null): string {
  if (value === null) return '–';
  const fixed = value.toFixed(2);
  return value > 0 ? `+${fixed}` : fixed === '-0.00' ? '0.00' : fixed;
}

export function fraction(r: Rate): string {
  return r.of === 0 ? '–' : `${r.count}/${r.of} ${percent(r.rate)}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export const REASON_LABEL = {
  temper: 'temper',
  'no-empathy-when-needed': 'no empathy for an upset customer',
  'sentiment-fell': 'customer sentiment fell',
} as const;

/** What reading left out and what it decided, one line each ("skipped 25: empty text (first at
 * export.csv:14)", "note 2: …"), for every human-readable report: a report shared as Markdown or HTML
 * says why, and where to look, too. */
export function readingLines(totals: Report['totals']): { kind: 'skipped' | 'note'; line: string }[] {
  return [
    ...skippedLines(totals).map((line) => ({ kind: 'skipped' as const, line })),
    ...Object.entries(totals.notes).map(([note, n]) => ({ kind: 'note' as const, line: `note ${n}: ${note}` })),
  ];
}

/** "skipped 25: empty text (first at export.csv:14)", one line per reason: in audit and eval reports alike. */
export function skippedLines(from: { skipped: Record<string, number>; skippedAt?: Record<string, string> }): string[] {
  return Object.entries(from.skipped).map(([reason, n]) => `skipped ${n}: ${reason}${firstAt(from, reason)}`);
}

/** " (first at export.csv:14)" for a reason of `skipped`, or nothing when the report does not say. */
export function firstAt(from: { skippedAt?: Record<string, string> }, reason: string): string {
  const at = from.skippedAt?.[reason];
  return at ? ` (first at ${at})` : '';
}

/** What an empty coaching queue says: nothing was read, or nothing stood out. */
export function nothingToCoach(report: Report): string {
  return report.team.agentTurns === 0 ? 'No agent turns were read: nothing to review.' : 'Nothing stood out: no temper, and every upset customer was met with empathy.';
}
