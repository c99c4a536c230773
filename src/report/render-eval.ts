// Renders `attune eval` results as a plain table or as JSON. Pure functions.
import type { EmpathyEval, LabelScore } from '../eval/eval-empathy.js';
import type { SentimentEval } from '../eval/eval-sentiment.js';
import type { Interval } from '../eval/bootstrap.js';
import type { ClassScore } from '../eval/metrics.js';
import { skippedLines } from './format.js';

const f3 = (x: number) => x.toFixed(3);
/** A 95% interval as "0.612–0.790". */
const range = (interval: Interval | undefined) => (interval ? `${f3(interval[0])}–${f3(interval[1])}` : '');
const QUOTE_CHARS = 140;

/** Figures at full precision, so that a reader rounding them to three decimals gets what the table shows
 * (figures rounded twice, to four decimals and then three, could differ: 0.98048 → 0.9805 → 0.981). */
export function renderEvalJson(result: SentimentEval | EmpathyEval): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
}

/** One row per label; with `labeled`, a column of how many messages each label was given on. */
function scoreTable(rows: (ClassScore & { falsePositiveRate?: number; labeled?: number })[], withFpr: boolean, withLabeled = false): string[] {
  const head = ['', 'precision', 'recall', 'F1', 'F1 95% interval', 'human', 'attune', ...(withFpr ? ['false alarms'] : []), ...(withLabeled ? ['labeled'] : [])];
  const body = rows.map((r) => [r.label, f3(r.precision), f3(r.recall), f3(r.f1), range(r.f1Interval), String(r.support), String(r.predicted), ...(withFpr ? [f3(r.falsePositiveRate ?? 0)] : []), ...(withLabeled ? [String(r.labeled ?? 0)] : [])]);
  return columns(head, body);
}

/** The report's lines, then a blank line and its skipped lines when there are any. */
function withSkipped(lines: string[], r: Parameters<typeof skippedLines>[0]): string {
  const skipped = skippedLines(r);
  return `${[...lines, ...(skipped.length ? ['', ...skipped] : [])].join('\n')}\n`;
}

export function renderSentimentEval(r: SentimentEval): string {
  const lines = [
    `attune eval sentiment · ${r.file} · ${r.n} labeled texts`,
    '',
    `accuracy ${f3(r.accuracy)}   macro-F1 ${f3(r.macroF1)} (95% interval ${range(r.macroF1Interval)})   Cohen's kappa ${f3(r.kappa)}`,
    '',
    ...scoreTable(r.classes, false),
    ...unlabeledClasses(r),
    ...(r.by ? ['', `By ${r.by.column} (${count(r.by.groups.length, 'group')}): F1 (texts humans gave the class)`, ...columns(
      ['', 'n', 'accuracy', 'macro-F1', ...r.labels],
      r.by.groups.map((g) => [g.group, String(g.n), f3(g.accuracy), f3(g.macroF1), ...g.classes.map(cell)]),
    )] : []),
    '',
    'confusion (rows: human, columns: attune)',
  ];
  lines.push(...columns(['', ...r.labels], r.labels.map((label, i) => [label, ...r.confusion[i]!.map(String)])));
  lines.push('', `Worst disagreements (${r.worst.length})`);
  for (const d of r.worst) {
    lines.push(`  ${d.id} (line ${d.line}): ${quote(d.text)}`);
    lines.push(`    human: ${d.human} · attune: ${d.attune} (score ${d.score.toFixed(2)})`);
  }
  return withSkipped(lines, r);
}

export function renderEmpathyEval(r: EmpathyEval): string {
  const lines = [
    `attune eval empathy · ${r.file} · ${r.n} labeled messages`,
    '',
    ...empathyTable(r),
    ...byGroup(r),
    '',
    `Findings the labels most often contradict (${r.disputed.length})`,
    ...r.disputed.map((d) => `  ${d.rule}${d.match ? ` '${d.match}'` : ` (${d.category})`}: ${d.disputed} of ${d.found} ${d.found === 1 ? 'message' : 'messages'} not labeled ${d.label}`),
    '',
    `Worst disagreements (${r.worst.length})`,
  ];
  for (const d of r.worst) {
    lines.push(`  ${d.id} (line ${d.line}): ${quote(d.text)}`);
    lines.push(`    human:  ${describe(d.human)}`);
    lines.push(`    attune: ${describe(d.attune)}${d.attune.matches.length ? ` (${d.attune.matches.join('; ')})` : ''}`);
  }
  return withSkipped(lines, r);
}

/** With --by: one row per group, each label's F1 and how many of the group's messages humans gave it. */
function byGroup(r: EmpathyEval): string[] {
  if (!r.by) return [];
  const shown = [r.empathy, r.temper, ...r.categories].map((score, i) => [score.labeled > 0, i] as const).filter(([labeled]) => labeled).map(([, i]) => i);
  const scores = (g: { empathy: LabelScore; temper: LabelScore; categories: LabelScore[] }) => [g.empathy, g.temper, ...g.categories];
  return ['', `By ${r.by.column} (${count(r.by.groups.length, 'group')}): F1 (messages humans gave the label)`, ...columns(
    ['', 'n', ...shown.map((i) => scores(r)[i]!.label)],
    r.by.groups.map((g) => [g.group, String(g.n), ...shown.map((i) => cell(scores(g)[i]!))]),
  )];
}

/** A group's F1 for one label with the humans' count, or "–" where neither side gave the label. */
function cell(score: ClassScore & { labeled?: number }): string {
  return score.labeled === 0 || score.support + score.predicted === 0 ? '–' : `${f3(score.f1)} (${score.support})`;
}

/** Aligned rows under a head, indented as the other tables. */
function columns(head: string[], body: string[][]): string[] {
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i]!.length)));
  return [head, ...body].map((row) => `  ${pad(row, widths)}`);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Classes no human gave, which macro-F1 leaves out (a file labeled negative/positive only). */
function unlabeledClasses(r: SentimentEval): string[] {
  const missing = r.classes.filter((c) => c.support === 0);
  if (missing.length === 0 || missing.length === r.classes.length) return [];
  const said = missing.map((c) => `attune said ${c.label} for ${c.predicted}`).join(', ');
  return ['', `not labeled in this file: ${missing.map((c) => c.label).join(', ')}; macro-F1 averages the other classes (${said}, counted as misses of them)`];
}

/** The figures of the labels the file gives; a column of counts when some messages lack a label. */
function empathyTable(r: EmpathyEval): string[] {
  const rows = [r.empathy, r.temper, ...r.categories];
  const given = rows.filter((row) => row.labeled > 0);
  const unlabeled = rows.filter((row) => row.labeled === 0).map((row) => row.label);
  return [
    ...scoreTable(given, true, given.some((row) => row.labeled < r.n)),
    ...(unlabeled.length ? ['', `not labeled in this file: ${unlabeled.join(', ')}`] : []),
    ...unknownLines(r.unknownCategories),
  ];
}

/** Category names attune does not know, which the figures leave out. */
function unknownLines(unknown: Record<string, number>): string[] {
  const names = Object.entries(unknown).map(([name, n]) => `'${name}' (${n} ${n === 1 ? 'message' : 'messages'})`);
  return names.length ? ['', `categories attune does not know, left out: ${names.join(', ')}`] : [];
}

/** A labeled text on one line, shortened to QUOTE_CHARS. */
function quote(value: string): string {
  const text = value.replace(/\s+/g, ' ');
  return `“${text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text}”`;
}

function describe(labels: { empathy?: boolean; temper?: boolean; categories?: string[] }): string {
  const parts = [labels.empathy === undefined ? 'empathy not labeled' : labels.empathy ? 'empathy' : 'no empathy', ...(labels.temper ? ['temper'] : [])];
  const categories = labels.categories === undefined ? 'categories not labeled' : labels.categories.length ? labels.categories.join(', ') : 'no categories';
  return `${parts.join(', ')}; ${categories}`;
}
