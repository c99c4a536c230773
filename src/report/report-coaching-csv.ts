// The coaching queue as CSV: one row per item, cells safe to open in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../aggregate/build-report.js';

export const COACHING_COLUMNS = ['agent', 'rank', 'conversation', 'turn', 'reasons', 'rules', 'customer', 'agent_reply', 'matched', 'suggestion'] as const;

export function renderCoachingCsv(report: Report): string {
  const rows = report.agents.flatMap((a) =>
    a.coaching.map((item, i) => [a.agent, i + 1, item.conversation, item.turn, item.reasons.join(' '), item.rules.join(' '), item.customer ?? '', item.agent ?? '', item.match ?? '', item.suggestion ?? '']),
  );
  // escape_formulas neutralises cells starting with = + - @ tab or CR: customer text is untrusted.
  return stringify(rows, { header: true, columns: [...COACHING_COLUMNS], escape_formulas: true });
}
