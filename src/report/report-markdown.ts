// The report in Markdown, for coaching documents and pull-request comments. Ticket text is escaped so
// that it can neither format nor inject HTML.
import type { AgentReport, Report } from '../aggregate/build-report.js';
import { COURTESY_CATEGORIES, EMPATHY_CATEGORIES, TEMPER_CATEGORIES } from '../detect/detector.js';
import { fraction, nothingToCoach, percent, plural, readingLines, REASON_LABEL, signed } from './format.js';

export function mdEscape(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c)).join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

const LABEL: Record<string, string> = { agent: 'Agent', team: 'Team', channel: 'Channel', month: 'Month' };

export function renderMarkdown(report: Report): string {
  const rows = [...report.agents, report.team];
  const name = (a: AgentReport) => (a === report.team ? '**All**' : mdEscape(a.agent));
  const label = LABEL[report.by] ?? 'Agent';
  const { totals } = report;
  const skipped = Object.values(totals.skipped).reduce((a, b) => a + b, 0);
  const out = [
    '# attune audit',
    '',
    `${plural(totals.records, 'record')}, ${plural(totals.conversations, 'conversation')}: ${totals.turns.customer} customer, ${totals.turns.agent} agent and ${totals.turns.other} other turns; ${skipped} skipped.`,
    '',
    ...report.inputs.map((i) => `- ${mdEscape(i.file)}: read as ${i.reader} (${mdEscape(i.decided)})`),
    ...readingLines(totals).map(({ line }) => `- ${mdEscape(line)}`),
    '',
    `## By ${report.by}`,
    '',
    table([label, 'Convs', 'Turns', 'Empathy', 'When needed', 'Temper', 'Sentiment start → end', 'Ends negative', 'Recovered'],
      rows.map((a) => [name(a), a.conversations, a.agentTurns, percent(a.empathy.rate), fraction(a.empathyWhenNeeded), a.temper.incidents,
        `${signed(a.sentiment.start)} → ${signed(a.sentiment.end)}`, percent(a.sentiment.endNegative.rate), fraction(a.sentiment.recovered)])),
    '',
    '## Empathy and courtesy by category',
    '',
    table([label, ...EMPATHY_CATEGORIES, ...COURTESY_CATEGORIES], rows.map((a) => [name(a), ...EMPATHY_CATEGORIES.map((c) => percent(a.empathy.byCategory[c]!.rate)), ...COURTESY_CATEGORIES.map((c) => percent(a.courtesy.byCategory[c]!.rate))])),
    '',
    '## Temper and anger exposure',
    '',
    table([label, ...TEMPER_CATEGORIES, 'Upset customers answered', 'Hostile customer turns', 'Hostile characters read'],
      rows.map((a) => [name(a), ...TEMPER_CATEGORIES.map((c) => a.temper.byCategory[c]!.count), a.exposure.upsetTurns, a.exposure.hostileTurns, a.exposure.hostileChars])),
    '',
  ];
  if (report.trends.periods.length > 1) {
    out.push(`## Trends by ${report.trends.by}`, '', table(['Period', 'Convs', 'When needed', 'Temper', 'Sentiment start → end'],
      report.trends.periods.map((p) => [p.period, p.conversations, fraction(p.empathyWhenNeeded), p.temperIncidents, `${signed(p.sentimentStart)} → ${signed(p.sentimentEnd)}`])), '');
  }
  out.push(renderCoachingMarkdown(report, false));
  return `${out.join('\n').trimEnd()}\n`;
}

/** The coaching queue: per agent, the conversations worth review, with quotes and a better phrasing. */
export function renderCoachingMarkdown(report: Report, standalone = true): string {
  const out = standalone ? ['# attune coaching queue', ''] : [];
  out.push('## Worth coaching', '');
  const agents = report.agents.filter((a) => a.coaching.length > 0 || a.bestMoments.length > 0);
  if (agents.length === 0) out.push(nothingToCoach(report), '');
  for (const a of agents) {
    out.push(`### ${mdEscape(a.agent)}`, '');
    if (a.coaching.length === 0) out.push('Nothing to coach.');
    a.coaching.forEach((item, i) => {
      const why = item.reasons.map((r) => REASON_LABEL[r]).join(', ');
      out.push(`${i + 1}. **Conversation ${mdEscape(item.conversation)}, turn ${item.turn}**: ${why}${item.rules.length ? ` (${item.rules.map((r) => `\`${r}\``).join(', ')})` : ''}`);
      if (item.customer) out.push(`   - Customer: “${mdEscape(item.customer)}”`);
      if (item.agent) out.push(`   - Agent: “${mdEscape(item.agent)}”`);
      if (item.suggestion) out.push(`   - Try instead: *${mdEscape(item.suggestion)}*`);
    });
    if (a.bestMoments.length > 0) {
      out.push('', 'Best moments:');
      for (const m of a.bestMoments) out.push(`- Conversation ${mdEscape(m.conversation)}, turn ${m.turn}: “${mdEscape(m.agent ?? '')}”`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
