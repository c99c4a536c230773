// `attune diff old.json new.json`: what changed per agent and for the team between two JSON reports,
// with --fail-on-drop METRIC=POINTS to fail CI when the team gets worse.
import path from 'node:path';
import type { AgentReport, Report } from '../aggregate/build-report.js';
import { AttuneError, EXIT } from '../errors.js';
import { readJsonFile } from '../parse-json.js';
import type { Io } from './io.js';
import { compareText } from '../compare-text.js';

/** Each metric on a 0..100 scale (rates in percentage points, sentiment ×100), and which way is better. */
export const METRICS: Record<string, { read: (a: AgentReport) => number | null; higherIsBetter: boolean; label: string }> = {
  'empathy': { read: (a) => pct(a.empathy.rate), higherIsBetter: true, label: 'empathy in agent turns (%)' },
  'empathy-when-needed': { read: (a) => pct(a.empathyWhenNeeded.rate), higherIsBetter: true, label: 'empathy when needed (%)' },
  'temper': { read: (a) => pct(a.temper.rate), higherIsBetter: false, label: 'agent turns with temper (%)' },
  'sentiment-end': { read: (a) => pct(a.sentiment.end), higherIsBetter: true, label: 'customer sentiment at the end (×100)' },
  'sentiment-change': { read: (a) => pct(a.sentiment.change), higherIsBetter: true, label: 'customer sentiment change (×100)' },
  'ends-negative': { read: (a) => pct(a.sentiment.endNegative.rate), higherIsBetter: false, label: 'conversations ending negative (%)' },
  'recovered': { read: (a) => pct(a.sentiment.recovered.rate), higherIsBetter: true, label: 'upset conversations recovered (%)' },
};

function pct(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 10;
}

export interface DiffFlags {
  failOnDrop?: string[];
  format: 'table' | 'json';
}

export function diffCommand(oldFile: string, newFile: string, flags: DiffFlags, io: Io): number {
  const before = readReport(oldFile, io);
  const after = readReport(newFile, io);
  const gates = (flags.failOnDrop ?? []).map(parseGate);
  const names = [...new Set([...before.agents, ...after.agents].map((a) => a.agent))].sort(compareText);
  const rows = [...names.map((name) => compare(name, before.agents.find((a) => a.agent === name), after.agents.find((a) => a.agent === name))), compare('(team)', before.team, after.team)];
  const failures = gates.flatMap(({ metric, points }) => {
    const change = rows[rows.length - 1]!.changes[metric];
    const drop = change === null || change === undefined ? 0 : METRICS[metric]!.higherIsBetter ? -change : change;
    return drop > points ? [`team ${metric} dropped by ${drop.toFixed(1)} points (more than ${points})`] : [];
  });
  if (flags.format === 'json') io.stdout(`${JSON.stringify({ metrics: Object.keys(METRICS), rows, failures }, null, 2)}\n`);
  else io.stdout(renderDiff(rows));
  for (const f of failures) io.stderr(`attune: ${f}\n`);
  return failures.length > 0 ? EXIT.findings : EXIT.ok;
}

interface DiffRow {
  agent: string;
  status: 'both' | 'new' | 'gone';
  before: Record<string, number | null>;
  after: Record<string, number | null>;
  changes: Record<string, number | null>;
}

function compare(agent: string, a: AgentReport | undefined, b: AgentReport | undefined): DiffRow {
  const row: DiffRow = { agent, status: a && b ? 'both' : b ? 'new' : 'gone', before: {}, after: {}, changes: {} };
  for (const [metric, m] of Object.entries(METRICS)) {
    const x = a ? m.read(a) : null;
    const y = b ? m.read(b) : null;
    row.before[metric] = x;
    row.after[metric] = y;
    row.changes[metric] = x === null || y === null ? null : Math.round((y - x) * 10) / 10;
  }
  return row;
}

function renderDiff(rows: DiffRow[]): string {
  const metrics = Object.keys(METRICS);
  const fmt = (x: number | null) => (x === null ? '–' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);
  const body = rows.map((r) => [r.agent === '(team)' ? 'Team' : r.agent + (r.status === 'new' ? ' (new)' : r.status === 'gone' ? ' (gone)' : ''), ...metrics.map((m) => fmt(r.changes[m] ?? null))]);
  const head = ['Agent', ...metrics];
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `Change from the old report to the new one (percentage points; sentiment ×100)\n\n${[line(head), ...body.map(line)].join('\n')}\n`;
}

function parseGate(value: string): { metric: string; points: number } {
  const [metric, points] = value.split('=');
  const n = Number(points);
  if (!metric || !(metric in METRICS) || points === undefined || !(n >= 0)) {
    throw new AttuneError(`--fail-on-drop: '${value}' is not METRIC=POINTS with METRIC one of ${Object.keys(METRICS).join(', ')}.`);
  }
  return { metric, points: n };
}

function readReport(file: string, io: Io): Report {
  const report = readJsonFile(path.resolve(io.cwd, file), file, 'the report', 'write one with attune audit --format json') as Report;
  if (report?.schemaVersion !== 1 || !Array.isArray(report.agents) || !report.team) throw new AttuneError(`${file}: not an attune JSON report (schemaVersion 1).`);
  return report;
}
