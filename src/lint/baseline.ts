// A lint baseline: the findings a team accepts for now, so that CI fails only on new ones while the
// library is cleaned up. A finding is known by its rule, file, response title and message, not its line,
// which moves whenever a response above it is edited; each baseline entry excuses one finding.
import { AttuneError } from '../errors.js';
import { readJsonFile } from '../parse-json.js';
import type { LintFinding } from './lint-library.js';
import { compareText } from '../compare-text.js';

export const BASELINE_VERSION = 1;

type Entry = Pick<LintFinding, 'rule' | 'file' | 'response' | 'message'>;

const keyOf = (f: Entry): string => JSON.stringify([f.rule, f.file, f.response, f.message]);

/** The baseline file's text for these findings: sorted, so that it diffs well in review. */
export function renderBaseline(findings: readonly LintFinding[]): string {
  const entries = findings.map(({ rule, file, response, message }) => ({ rule, file, response, message }));
  entries.sort((a, b) => compareText(keyOf(a), keyOf(b)));
  return `${JSON.stringify({ attuneLintBaseline: BASELINE_VERSION, findings: entries }, null, 2)}\n`;
}

export function readBaseline(file: string, display: string): Entry[] {
  const doc = readJsonFile(file, display, 'the baseline', 'write one with --write-baseline');
  const findings = (doc as { attuneLintBaseline?: unknown; findings?: unknown } | null)?.findings;
  if ((doc as { attuneLintBaseline?: unknown } | null)?.attuneLintBaseline !== BASELINE_VERSION || !Array.isArray(findings)) {
    throw new AttuneError(`${display}: not an attune lint baseline (write one with --write-baseline).`);
  }
  findings.forEach((f, i) => {
    const ok = f && typeof f === 'object' && ['rule', 'file', 'response', 'message'].every((k) => typeof (f as Record<string, unknown>)[k] === 'string');
    if (!ok) throw new AttuneError(`${display}: findings[${i}] needs rule, file, response and message strings.`);
  });
  return findings as Entry[];
}

/** Which findings the baseline excuses (one entry each), and how many entries no finding matched any more. */
export function applyBaseline(findings: readonly Entry[], baseline: readonly Entry[]): { excused: boolean[]; stale: number } {
  const left = new Map<string, number>();
  for (const entry of baseline) left.set(keyOf(entry), (left.get(keyOf(entry)) ?? 0) + 1);
  const excused = findings.map((finding) => {
    const count = left.get(keyOf(finding)) ?? 0;
    if (count > 0) left.set(keyOf(finding), count - 1);
    return count > 0;
  });
  return { excused, stale: [...left.values()].reduce((n, c) => n + c, 0) };
}
