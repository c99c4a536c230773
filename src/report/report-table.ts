// The terminal report: the per-agent table, categories, temper, and the coaching queue with quotes.
// The only module that imports chalk; colour is decided by the caller and passed in.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { AgentReport, Report } from '../aggregate/build-report.js';
import { COURTESY_CATEGORIES, EMPATHY_CATEGORIES, TEMPER_CATEGORIES } from '../detect/detector.js';
import { fraction, nothingToCoach, percent, plural, readingLines, REASON_LABEL, signed } from './format.js';

export interface TableOptions {
  color: boolean;
}

/** Agents whose empathy-when-needed falls below this are highlighted: fewer than half of upset customers met. */
const LOW_EMPATHY_WHEN_NEEDED = 0.5;
const QUOTE_CHARS = 160;

export function renderTable(report: Report, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { totals } = report;
  const skipped = Object.values(totals.skipped).reduce((a, b) => a + b, 0);
  const lines: string[] = [];
  lines.push(c.bold('attune audit') + c.dim(` · ${plural(totals.records, 'record')} · ${plural(totals.conversations, 'conversation')} · ` +
    `${totals.turns.customer} customer, ${totals.turns.agent} agent, ${totals.turns.other} other turns · ${skipped} skipped`));
  for (const input of report.inputs) lines.push(c.dim(`read ${input.file} as ${input.reader}${input.encoding ? ` (${input.encoding})` : ''}: ${input.decided}`));
  lines.push('', agentTable(report, c), '');
  lines.push(c.bold('Empathy and courtesy by category') + c.dim(' (share of agent turns)'), categoryTable(report, c), '');
  lines.push(c.bold('Temper incidents'), temperTable(report, c), '');
  lines.push(...coaching(report, c));
  for (const { kind, line } of readingLines(totals)) lines.push(kind === 'skipped' ? c.yellow(line) : c.dim(line));
  return `${lines.join('\n').trimEnd()}\n`;
}

function newTable(head: string[], c: ChalkInstance): Table.Table {
  return new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: head.map((_, i) => (i === 0 ? 'left' : 'right')),
  });
}

function rows(report: Report): AgentReport[] {
  return [...report.agents, report.team];
}

const ROW_LABEL: Record<string, string> = { agent: 'Agent', team: 'Team', channel: 'Channel', month: 'Month' };

function rowLabel(report: Report): string {
  return ROW_LABEL[report.by] ?? 'Agent';
}

function agentTable(report: Report, c: ChalkInstance): string {
  const table = newTable([rowLabel(report), 'Convs', 'Turns', 'Empathy', 'When needed', 'Temper', 'Sentiment start → end', 'Change', 'Ends negative', 'Recovered'], c);
  for (const a of rows(report)) {
    const needed = a.empathyWhenNeeded;
    const low = needed.rate !== null && needed.rate < LOW_EMPATHY_WHEN_NEEDED;
    table.push([
      a === report.team ? c.bold('All') : a.agent,
      a.conversations, a.agentTurns,
      percent(a.empathy.rate),
      low ? c.red(fraction(needed)) : fraction(needed),
      a.temper.incidents > 0 ? c.red(String(a.temper.incidents)) : '0',
      `${signed(a.sentiment.start)} → ${signed(a.sentiment.end)}`,
      signed(a.sentiment.change),
      percent(a.sentiment.endNegative.rate),
      fraction(a.sentiment.recovered),
    ]);
  }
  return table.toString();
}

function categoryTable(report: Report, c: ChalkInstance): string {
  const categories = [...EMPATHY_CATEGORIES, ...COURTESY_CATEGORIES];
  const table = newTable([rowLabel(report), ...categories], c);
  for (const a of rows(report)) {
    const rates = { ...a.empathy.byCategory, ...a.courtesy.byCategory };
    table.push([a === report.team ? c.bold('All') : a.agent, ...categories.map((k) => percent(rates[k]!.rate))]);
  }
  return table.toString();
}

function temperTable(report: Report, c: ChalkInstance): string {
  const table = newTable([rowLabel(report), ...TEMPER_CATEGORIES, 'share of turns'], c);
  for (const a of rows(report)) {
    table.push([a === report.team ? c.bold('All') : a.agent, ...TEMPER_CATEGORIES.map((k) => a.temper.byCategory[k]!.count), percent(a.temper.rate)]);
  }
  return table.toString();
}

function coaching(report: Report, c: ChalkInstance): string[] {
  const lines = [c.bold('Worth coaching')];
  const agents = report.agents.filter((a) => a.coaching.length > 0);
  if (agents.length === 0) return [...lines, c.dim(`  ${nothingToCoach(report)}`), ''];
  for (const a of agents) {
    lines.push(`  ${c.bold(a.agent)}`);
    for (const item of a.coaching) {
      const labels = item.reasons.map((r) => REASON_LABEL[r]).join(', ');
      const what = item.rules.length > 0 ? `${labels}: ${item.rules.join(', ')}` : labels;
      lines.push(`    ${c.cyan(`conversation ${item.conversation}, turn ${item.turn}`)} · ${item.reason === 'temper' ? c.red(what) : c.yellow(what)}`);
      if (item.customer) lines.push(`      customer: ${quote(item.customer)}`);
      if (item.agent) lines.push(`      agent:    ${quote(item.agent)}`);
    }
  }
  return [...lines, ''];
}

function quote(text: string): string {
  const short = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1).trimEnd()}…` : text;
  return `“${short}”`;
}
