// `attune eval empathy`: attune's empathy, courtesy and temper findings against labeled agent messages
// (fields id, text, empathy 0/1, categories [...], temper 0/1), with the worst disagreements quoted.
// A team may label only some of these: a field a message lacks is not labeled there, and each figure
// counts only the messages labeled for it.
import { evidenceText } from '../conversations/evidence-text.js';
import { Accounting, sortedRecord } from '../conversations/turn.js';
import type { Finding } from '../detect/detector.js';
import type { DetectionEngine } from '../detect/engine.js';
import { AttuneError } from '../errors.js';
import { LABEL_FIELDS, LABELED_CATEGORIES as CATEGORIES, readHumanLabels, type HumanLabels, type LabelColumns } from './empathy-labels.js';
import { GroupColumn, groupRows, idOf, LABELED_TEXT_ALIASES, pickColumn, type LabeledFile } from './labeled-records.js';
import { DisputedFindings, type DisputedFinding } from './disputed-findings.js';
import { binaryF1Intervals, binaryScore, keepWorst, type ClassScore } from './metrics.js';

export type { HumanLabels } from './empathy-labels.js';

export interface Disagreement {
  id: string;
  line: number;
  text: string;
  human: HumanLabels;
  attune: { empathy: boolean; temper: boolean; categories: string[]; matches: string[] };
  /** Empathy and temper disagreements count double; each category once. */
  cost: number;
}

/** A figure with the number of messages labeled for it. */
export type LabelScore = ClassScore & { falsePositiveRate: number; labeled: number };

export interface EmpathyEval {
  file: string;
  n: number;
  empathy: LabelScore;
  temper: LabelScore;
  categories: LabelScore[];
  worst: Disagreement[];
  /** The phrases (and learned categories) the labels most often contradict. */
  disputed: DisputedFinding[];
  skipped: Record<string, number>;
  /** Where each reason of `skipped` was first met ("file:line"). */
  skippedAt: Record<string, string>;
  /** Category names attune does not know, with the number of messages that gave each: left out of the figures. */
  unknownCategories: Record<string, number>;
  /** With `--by COLUMN`: the same figures for each value of that column, largest group first. */
  by?: { column: string; groups: EmpathyGroup[] };
}

export interface EmpathyGroup {
  group: string;
  n: number;
  empathy: LabelScore;
  temper: LabelScore;
  categories: LabelScore[];
}

interface Row {
  id: string;
  group: string;
  line: number;
  text: string;
  human: HumanLabels;
  attune: Disagreement['attune'];
}

export interface EmpathyEvalOptions {
  text?: string;
  by?: string;
  /** Label columns named by the user, read instead of the usual names. */
  columns?: LabelColumns;
}

export async function evalEmpathy(file: LabeledFile, engine: DetectionEngine, options: EmpathyEvalOptions = {}): Promise<EmpathyEval> {
  const rows: Row[] = [];
  const tally = new Accounting();
  const disputed = new DisputedFindings();
  let textColumn: string | undefined;
  let named: LabelColumns | undefined;
  const byColumn = options.by === undefined ? undefined : new GroupColumn(options.by);
  const unknownCategories = new Map<string, number>();
  for await (const record of file.records) {
    const f = record.fields;
    textColumn ??= pickColumn(f, options.text, LABELED_TEXT_ALIASES, 'text', file.display);
    // Named label columns must exist; they are checked on the first row, as the text column is.
    named ??= Object.fromEntries(Object.entries(options.columns ?? {}).map(([label, wanted]) => [label, pickColumn(f, wanted, [], label, file.display)]));
    const value = f[textColumn];
    const text = typeof value === 'string' ? value.trim() : '';
    const reading = readHumanLabels(f, named);
    if (text === '' || !reading.ok) {
      const reason = reading.ok || text === '' ? 'empty text' : reading.reason;
      tally.skip(reason, 1, `${file.display}:${record.line}`);
      continue;
    }
    const { human } = reading;
    for (const name of new Set(reading.unknown)) unknownCategories.set(name, (unknownCategories.get(name) ?? 0) + 1);
    // Read as an audit reads an agent turn: without placeholders and the sign-off.
    const findings: Finding[] = engine.analyse('agent', evidenceText(text)).findings;
    const attune = {
      empathy: findings.some((x) => x.kind === 'empathy'),
      temper: findings.some((x) => x.kind === 'temper'),
      categories: [...new Set(findings.filter((x) => x.kind !== 'temper').map((x) => x.category))].sort(),
      matches: findings.map((x) => `${x.rule}: '${x.match}'`),
    };
    rows.push({ id: idOf(f, record.line), group: byColumn?.of(f) ?? '', line: record.line, text, human, attune });
    disputed.add(findings, (label) => (label === 'temper' ? human.temper : human.categories?.includes(label)));
  }
  if (rows.length === 0) {
    const why = [...tally.skipped].map(([reason, n]) => `${n} ${reason}`).join(', ');
    throw new AttuneError(`${file.display}: no labeled messages to compare${why ? ` (skipped: ${why})` : ''}. A message needs a text and at least one of ${LABEL_FIELDS.empathy[0]} (0/1), ${LABEL_FIELDS.temper[0]} (0/1) or ${LABEL_FIELDS.categories[0]}.`);
  }
  // A category no message gives is not labeled in this file (a file of empathy categories alone says
  // nothing of gratitude), so attune's findings of it are neither scored nor counted as disagreements.
  const given: string[] = CATEGORIES.filter((c) => rows.some((r) => r.human.categories?.includes(c)));
  const labels: Label[] = [
    ['empathy', (r) => r.empathy],
    ['temper', (r) => r.temper],
    ...CATEGORIES.map((c): Label => [c, (r) => (given.includes(c) ? r.categories?.includes(c) : undefined)]),
  ];
  const worst: Disagreement[] = [];
  for (const { human, attune, ...row } of rows) {
    const cost = 2 * differs(human.empathy, attune.empathy) + 2 * differs(human.temper, attune.temper) +
      (human.categories ? given.filter((c) => human.categories!.includes(c) !== attune.categories.includes(c)).length : 0);
    if (cost > 0) keepWorst(worst, { ...row, human, attune, cost }, (a, b) => b.cost - a.cost || a.line - b.line);
  }
  const scores = scoreLabels(rows, labels);
  const byName = byColumn?.check(file.display);
  const groups = byColumn ? groupRows(rows).map(([group, members]): EmpathyGroup => {
    const groupScores = scoreLabels(members, labels);
    return { group, n: members.length, empathy: groupScores[0]!, temper: groupScores[1]!, categories: groupScores.slice(2) };
  }) : [];
  return {
    file: file.display,
    n: rows.length,
    empathy: scores[0]!,
    temper: scores[1]!,
    categories: scores.slice(2),
    worst,
    disputed: disputed.worst((label) => label === 'temper' || given.includes(label)),
    skipped: sortedRecord(tally.skipped),
    skippedAt: sortedRecord(tally.skippedAt),
    unknownCategories: sortedRecord(unknownCategories),
    ...(byName ? { by: { column: byName, groups } } : {}),
  };
}

type Label = [string, (r: HumanLabels | Row['attune']) => boolean | undefined];

/** Each label's figures over the rows labeled for it, with F1's 95% interval. */
function scoreLabels(rows: readonly Row[], labels: readonly Label[]): LabelScore[] {
  /** Per message and label: [attune, human], or undefined where the humans did not give the label. */
  const items = rows.map((r) => labels.map(([, pick]) => {
    const human = pick(r.human);
    return human === undefined ? undefined : ([pick(r.attune)!, human] as const);
  }));
  const intervals = binaryF1Intervals(items, labels.length);
  return labels.map(([label], l): LabelScore => {
    const pairs = items.flatMap((item) => (item[l] ? [item[l]!] : []));
    return { ...binaryScore(label, pairs), f1Interval: intervals[l]!, labeled: pairs.length };
  });
}

/** 1 when a human label was given and attune disagrees with it. */
function differs(human: boolean | undefined, attune: boolean): number {
  return Number(human !== undefined && human !== attune);
}
