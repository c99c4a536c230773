// The CSV report: one row per agent, then the team row; cells are safe to open in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { AgentReport, Report } from '../aggregate/build-report.js';

export const CSV_COLUMNS = [
  'agent', 'conversations', 'agent_turns',
  'empathy_rate', 'empathy_turns',
  'empathy_when_needed_rate', 'empathy_when_needed_met', 'empathy_when_needed_of',
  'apology_rate', 'acknowledgement_rate', 'validation_rate', 'reassurance_rate',
  'courtesy_rate', 'gratitude_rate', 'positive_regard_rate',
  'temper_rate', 'temper_turns', 'temper_incidents', 'blame', 'dismissal', 'condescension', 'shouting', 'profanity',
  'sentiment_conversations', 'sentiment_start', 'sentiment_end', 'sentiment_change',
  'ends_negative_share', 'recovered_share', 'recovered', 'started_negative',
] as const;

function row(a: AgentReport): (string | number | null)[] {
  const e = a.empathy.byCategory;
  const c = a.courtesy.byCategory;
  const t = a.temper.byCategory;
  return [
    a.agent, a.conversations, a.agentTurns,
    a.empathy.rate, a.empathy.count,
    a.empathyWhenNeeded.rate, a.empathyWhenNeeded.count, a.empathyWhenNeeded.of,
    e.apology!.rate, e.acknowledgement!.rate, e.validation!.rate, e.reassurance!.rate,
    a.courtesy.rate, c.gratitude!.rate, c['positive-regard']!.rate,
    a.temper.rate, a.temper.count, a.temper.incidents, t.blame!.count, t.dismissal!.count, t.condescension!.count, t.shouting!.count, t.profanity!.count,
    a.sentiment.conversations, a.sentiment.start, a.sentiment.end, a.sentiment.change,
    a.sentiment.endNegative.rate, a.sentiment.recovered.rate, a.sentiment.recovered.count, a.sentiment.recovered.of,
  ];
}

export function renderCsv(report: Report): string {
  const rows = [...report.agents, report.team].map(row);
  // escape_formulas neutralises cells starting with = + - @ (agent names come from the export).
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], escape_formulas: true });
}
