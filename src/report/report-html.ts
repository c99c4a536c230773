// The HTML report: one self-contained file with no network requests, a strict Content-Security-Policy
// (the one style sheet and one script allowed by their hashes), and every ticket-derived string escaped.
import { createHash } from 'node:crypto';
import type { AgentReport, Report } from '../aggregate/build-report.js';
import { fraction, percent, plural, readingLines, REASON_LABEL, signed } from './format.js';
import { barChart, dumbbellChart, escapeHtml as e, lineChart } from './html-charts.js';

/** Charts show the agents with the most conversations; the table and agent pages show everyone. */
export const CHART_AGENTS = 30;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1100px;margin:0 auto;padding:16px 24px}
header{border-bottom:1px solid #e0e0e0;background:#fff;max-width:none}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h3{font-size:16px;margin:0 0 8px}
.muted{color:#666}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #e0e0e0;border-radius:8px;padding:12px 16px;min-width:150px}
.card b{display:block;font-size:22px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fff;border:1px solid #e0e0e0;border-radius:8px;margin:0;padding:8px}
figcaption{font-weight:600;margin:4px 6px}
table{border-collapse:collapse;background:#fff;width:100%}th,td{padding:6px 8px;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left}th{cursor:pointer;position:sticky;top:0;background:#f2f2f2;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.agent{background:#fff;border:1px solid #e0e0e0;border-radius:8px;padding:14px 18px;margin:14px 0}
.item{border-left:3px solid #c62828;padding:4px 10px;margin:10px 0}.item.best{border-color:#2e7d32}
blockquote{margin:4px 0;padding:4px 10px;background:#f6f6f6;border-radius:4px}
.try{color:#1b5e20}.bad{color:#c62828}
`;

const SCRIPT = `
document.querySelectorAll('table.sortable th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return !r.classList.contains('total'); });
    var total = Array.prototype.slice.call(body.rows).filter(function (r) { return r.classList.contains('total'); });
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute('data-sort'), y = b.cells[column].getAttribute('data-sort');
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (isNaN(nx) || isNaN(ny)) ? String(x).localeCompare(String(y)) : nx - ny;
      return ascending ? c : -c;
    });
    rows.concat(total).forEach(function (r) { body.appendChild(r); });
  });
});
`;

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

export const CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

export function renderHtml(report: Report): string {
  const top = [...report.agents].sort((a, b) => b.conversations - a.conversations || (a.agent < b.agent ? -1 : 1)).slice(0, CHART_AGENTS);
  const note = report.agents.length > CHART_AGENTS ? ` (the ${CHART_AGENTS} of ${report.agents.length} with the most conversations)` : '';
  const ids = new Map(report.agents.map((a, i) => [a.agent, `agent-${i + 1}`]));
  const t = report.team;
  const charts = [
    barChart(`Empathy when needed${note}`, top.map((a) => ({ label: a.agent, value: a.empathyWhenNeeded.rate, note: fraction(a.empathyWhenNeeded) })), 1, '#1565c0'),
    dumbbellChart(`Customer sentiment, first → last customer turn${note}`, top.map((a) => ({ label: a.agent, from: a.sentiment.start, to: a.sentiment.end }))),
    barChart(`Temper incidents${note}`, top.map((a) => ({ label: a.agent, value: a.temper.incidents, note: String(a.temper.incidents) })), Math.max(1, ...top.map((a) => a.temper.incidents)), '#c62828'),
  ];
  if (report.trends.periods.length > 1) {
    const p = report.trends.periods;
    charts.push(lineChart(`Trends by ${report.trends.by}`, p.map((x) => x.period), [
      { name: 'empathy when needed (0..1)', color: '#1565c0', values: p.map((x) => x.empathyWhenNeeded.rate) },
      { name: 'sentiment at start', color: '#9e9e9e', values: p.map((x) => x.sentimentStart) },
      { name: 'sentiment at end', color: '#2e7d32', values: p.map((x) => x.sentimentEnd) },
    ]));
  }
  const skipped = Object.values(report.totals.skipped).reduce((a, b) => a + b, 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>attune report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>attune report</h1>
<div class="muted">${e(plural(report.totals.records, 'record'))} · ${e(plural(report.totals.conversations, 'conversation'))} · ${report.totals.turns.customer} customer and ${report.totals.turns.agent} agent turns · ${skipped} skipped</div>
${report.inputs.map((i) => `<div class="muted">${e(i.file)}: ${e(i.reader)} (${e(i.decided)})</div>`).join('\n')}
${readingLines(report.totals).map(({ line }) => `<div class="muted">${e(line)}</div>`).join('\n')}
</header>
<main>
<h2>Team</h2>
<div class="cards">
<div class="card">Empathy when needed<b>${e(percent(t.empathyWhenNeeded.rate))}</b><span class="muted">${t.empathyWhenNeeded.count} of ${t.empathyWhenNeeded.of} upset customers</span></div>
<div class="card">Empathy in agent turns<b>${e(percent(t.empathy.rate))}</b></div>
<div class="card">Temper incidents<b>${t.temper.incidents}</b></div>
<div class="card">Customer sentiment<b>${e(signed(t.sentiment.start))} → ${e(signed(t.sentiment.end))}</b></div>
<div class="card">Recovered<b>${e(percent(t.sentiment.recovered.rate))}</b><span class="muted">${t.sentiment.recovered.count} of ${t.sentiment.recovered.of} that started upset</span></div>
<div class="card">Hostile customer turns<b>${t.exposure.hostileTurns}</b></div>
</div>
<h2>Charts</h2>
<div class="charts">${charts.join('\n')}</div>
<h2>By ${e(report.by)}</h2>
${agentTable(report, ids)}
<h2>Coaching</h2>
${report.agents.map((a) => agentPage(a, ids.get(a.agent)!)).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function agentTable(report: Report, ids: Map<string, string>): string {
  const head = ['Name', 'Convs', 'Agent turns', 'Empathy', 'When needed', 'Temper', 'Start', 'End', 'Ends negative', 'Upset answered', 'Hostile turns'];
  const cell = (text: string, sort: string | number | null) => `<td data-sort="${e(String(sort ?? ''))}">${text}</td>`;
  const row = (a: AgentReport, total: boolean) => `<tr${total ? ' class="total"' : ''}>${[
    cell(total ? '<b>All</b>' : `<a href="#${ids.get(a.agent)}">${e(a.agent)}</a>`, a.agent),
    cell(String(a.conversations), a.conversations), cell(String(a.agentTurns), a.agentTurns),
    cell(e(percent(a.empathy.rate)), a.empathy.rate ?? -1), cell(e(fraction(a.empathyWhenNeeded)), a.empathyWhenNeeded.rate ?? -1),
    cell(a.temper.incidents > 0 ? `<span class="bad">${a.temper.incidents}</span>` : '0', a.temper.incidents),
    cell(e(signed(a.sentiment.start)), a.sentiment.start ?? -2), cell(e(signed(a.sentiment.end)), a.sentiment.end ?? -2),
    cell(e(percent(a.sentiment.endNegative.rate)), a.sentiment.endNegative.rate ?? -1),
    cell(String(a.exposure.upsetTurns), a.exposure.upsetTurns), cell(String(a.exposure.hostileTurns), a.exposure.hostileTurns),
  ].join('')}</tr>`;
  return `<table class="sortable"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${report.agents.map((a) => row(a, false)).join('')}${row(report.team, true)}</tbody></table>`;
}

function agentPage(a: AgentReport, id: string): string {
  const items = a.coaching.map((item) => `<div class="item"><b>Conversation ${e(item.conversation)}, turn ${item.turn}</b> · ${e(item.reasons.map((r) => REASON_LABEL[r]).join(', '))}${item.rules.length ? ` · <code>${e(item.rules.join(', '))}</code>` : ''}
${item.customer ? `<blockquote>Customer: ${e(item.customer)}</blockquote>` : ''}${item.agent ? `<blockquote>Agent: ${e(item.agent)}</blockquote>` : ''}${item.suggestion ? `<div class="try">Try instead: ${e(item.suggestion)}</div>` : ''}</div>`);
  const best = a.bestMoments.map((m) => `<div class="item best"><b>Conversation ${e(m.conversation)}, turn ${m.turn}</b>${m.customer ? `<blockquote>Customer: ${e(m.customer)}</blockquote>` : ''}${m.agent ? `<blockquote>Agent: ${e(m.agent)}</blockquote>` : ''}</div>`);
  return `<section class="agent" id="${id}"><h3>${e(a.agent)}</h3>
<div class="muted">${a.conversations} conversations · empathy when needed ${e(fraction(a.empathyWhenNeeded))} · ${a.temper.incidents} temper incidents · ${a.exposure.upsetTurns} upset and ${a.exposure.hostileTurns} hostile customer turns answered</div>
${items.length ? `<h4>Worth coaching</h4>${items.join('\n')}` : '<p class="muted">Nothing to coach.</p>'}
${best.length ? `<h4>Best moments</h4>${best.join('\n')}` : ''}</section>`;
}
