// `attune eval empathy`: attune's empathy, courtesy and temper findings against labeled agent messages
// (fields id, text, empathy 0/1, categories [...], temper 0/1), with the worst disagreements quoted.
import { sortedRecord } from '../conversations/turn.js';
import { parseFlag } from '../conversations/roles.js';
import { COURTESY_CATEGORIES, EMPATHY_CATEGORIES, type Finding } from '../detect/detector.js';
import type { DetectionEngine } from '../detect/engine.js';
import { AttuneError } from '../errors.js';
import type { LabeledFile } from './labeled-records.js';
import { binaryScore, type ClassScore } from './metrics.js';

export const WORST_SHOWN = 20;
const CATEGORIES = [...EMPATHY_CATEGORIES, ...COURTESY_CATEGORIES];

export interface Disagreement {
  id: string;
  line: number;
  text: string;
  human: { empathy: boolean; temper: boolean; categories: string[] };
  attune: { empathy: boolean; temper: boolean; categories: string[]; matches: string[] };
  /** Empathy and temper disagreements count double; each category once. */
  cost: number;
}

export interface EmpathyEval {
  file: string;
  n: number;
  empathy: ClassScore & { falsePositiveRate: number };
  temper: ClassScore & { falsePositiveRate: number };
  categories: (ClassScore & { falsePositiveRate: number })[];
  worst: Disagreement[];
  skipped: Record<string, number>;
}

interface Row {
  human: Disagreement['human'];
  attune: Disagreement['attune'];
}

export async function evalEmpathy(file: LabeledFile, engine: DetectionEngine): Promise<EmpathyEval> {
  const rows: Row[] = [];
  const worst: Disagreement[] = [];
  const skipped = new Map<string, number>();
  for await (const record of file.records) {
    const f = record.fields;
    const text = typeof f.text === 'string' ? f.text.trim() : '';
    const empathy = parseFlag(f.empathy);
    const temper = parseFlag(f.temper);
    if (text === '' || empathy === undefined || temper === undefined) {
      const reason = text === '' ? 'empty text' : 'empathy or temper is not 0/1';
      skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
      continue;
    }
    const human = { empathy, temper, categories: categoriesOf(f.categories) };
    const findings: Finding[] = engine.analyse('agent', text).findings;
    const attune = {
      empathy: findings.some((x) => x.kind === 'empathy'),
      temper: findings.some((x) => x.kind === 'temper'),
      categories: [...new Set(findings.filter((x) => x.kind !== 'temper').map((x) => x.category))].sort(),
      matches: findings.map((x) => `${x.rule}: '${x.match}'`),
    };
    rows.push({ human, attune });
    const cost = 2 * Number(human.empathy !== attune.empathy) + 2 * Number(human.temper !== attune.temper) +
      CATEGORIES.filter((c) => human.categories.includes(c) !== attune.categories.includes(c)).length;
    if (cost > 0) {
      worst.push({ id: String(f.id ?? record.line), line: record.line, text, human, attune, cost });
      worst.sort((a, b) => b.cost - a.cost || a.line - b.line);
      if (worst.length > WORST_SHOWN) worst.length = WORST_SHOWN;
    }
  }
  if (rows.length === 0) throw new AttuneError(`${file.display}: no labeled messages to compare.`);
  const score = (label: string, pick: (r: Row['human'] | Row['attune']) => boolean) => binaryScore(label, rows.map((r) => [pick(r.attune), pick(r.human)] as const));
  return {
    file: file.display,
    n: rows.length,
    empathy: score('empathy', (r) => r.empathy),
    temper: score('temper', (r) => r.temper),
    categories: CATEGORIES.map((c) => score(c, (r) => r.categories.includes(c))),
    worst,
    skipped: sortedRecord(skipped),
  };
}

function categoriesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).sort();
  if (typeof value === 'string' && value.trim() !== '') return value.split(/[,;|]/).map((s) => s.trim()).filter(Boolean).sort();
  return [];
}
