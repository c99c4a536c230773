// `attune eval sentiment`: attune's customer-sentiment labels against a file of human labels, with the
// worst disagreements quoted.
import type { SentimentLabel } from '../detect/detector.js';
import type { DetectionEngine } from '../detect/engine.js';
import { AttuneError } from '../errors.js';
import { Accounting, sortedRecord } from '../conversations/turn.js';
import type { LabeledFile } from './labeled-records.js';
import { GroupColumn, groupRows, idOf, LABELED_TEXT_ALIASES, pickColumn } from './labeled-records.js';
import { agreementWithIntervals, keepWorst, type Agreement } from './metrics.js';

export const SENTIMENT_LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const LABEL_ALIASES = ['label', 'sentiment', 'airline_sentiment', 'polarity', 'class', 'gold', 'gold_label', 'human_label', 'sentiment_label', 'label_text', 'rating', 'stars', 'star_rating', 'overall', 'score', 'mean'];
const WORDS: Record<string, SentimentLabel> = {
  negative: 'negative', neg: 'negative', '-1': 'negative', bad: 'negative',
  neutral: 'neutral', neu: 'neutral', '0': 'neutral', none: 'neutral',
  positive: 'positive', pos: 'positive', '1': 'positive', '+1': 'positive', good: 'positive',
  // Five-point sets (SST, review ratings in words) folded to three classes.
  'very negative': 'negative', 'strongly negative': 'negative', 'somewhat negative': 'negative',
  'very positive': 'positive', 'strongly positive': 'positive', 'somewhat positive': 'positive',
};

export interface Scale {
  min: number;
  max: number;
  /** Ratings within this distance of the scale's middle are neutral, in the rating's own units. */
  neutralBand: number;
}

export interface SentimentEvalOptions {
  text?: string;
  label?: string;
  scale?: Scale;
  /** A column whose values group the rows: each group gets the same figures. */
  by?: string;
}

export interface SentimentDisagreement {
  id: string;
  line: number;
  text: string;
  human: SentimentLabel;
  attune: SentimentLabel;
  /** attune's score, -1 to 1. */
  score: number;
  /** 2 when the labels are opposite (negative against positive), 1 when one of them is neutral. */
  cost: number;
}

export interface SentimentEval extends Agreement {
  file: string;
  /** Opposite labels first, then the ones attune scored furthest from neutral. */
  worst: SentimentDisagreement[];
  skipped: Record<string, number>;
  /** Where each reason of `skipped` was first met ("file:line"). */
  skippedAt: Record<string, string>;
  /** With `--by COLUMN`: the same figures for each value of that column, largest group first. */
  by?: { column: string; groups: (Agreement & { group: string })[] };
}

/** Parses `-4:4`; the neutral band defaults to a sixteenth of the range (0.5 on -4..4). */
export function parseScale(value: string, band?: string): Scale {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*:\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (!match || !(max > min)) throw new AttuneError(`--scale: '${value}' is not MIN:MAX with MIN below MAX (for example -4:4).`);
  const neutralBand = band === undefined ? (max - min) / 16 : Number(band);
  if (!(neutralBand >= 0) || neutralBand >= (max - min) / 2) throw new AttuneError(`--neutral-band: '${band}' must be a number from 0 to half the scale.`);
  return { min, max, neutralBand };
}

export function goldLabel(value: unknown, scale: Scale | undefined): SentimentLabel | undefined {
  if (scale) {
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    if (String(value).trim() === '' || !Number.isFinite(n) || n < scale.min || n > scale.max) return undefined;
    const middle = (scale.min + scale.max) / 2;
    return n < middle - scale.neutralBand ? 'negative' : n > middle + scale.neutralBand ? 'positive' : 'neutral';
  }
  return WORDS[String(value).trim().toLowerCase().replace(/(?<=[a-z])[\s_-]+(?=[a-z])/g, ' ')];
}

export async function evalSentiment(file: LabeledFile, engine: DetectionEngine, options: SentimentEvalOptions): Promise<SentimentEval> {
  const pairs: [string, string][] = [];
  const worst: SentimentDisagreement[] = [];
  const tally = new Accounting();
  let columns: { text: string; label: string } | undefined;
  const byColumn = options.by === undefined ? undefined : new GroupColumn(options.by);
  const groups: string[] = [];
  /** Numeric labels seen without --scale: "1" reads as positive, unless the file holds ratings. */
  const numbers = new Set<number>();
  for await (const record of file.records) {
    columns ??= {
      text: pickColumn(record.fields, options.text, LABELED_TEXT_ALIASES, 'text', file.display),
      label: pickColumn(record.fields, options.label, LABEL_ALIASES, 'label', file.display),
    };
    const text = String(record.fields[columns.text] ?? '').trim();
    const gold = goldLabel(record.fields[columns.label], options.scale);
    const value = String(record.fields[columns.label] ?? '').trim();
    if (!options.scale && value !== '' && Number.isFinite(Number(value))) numbers.add(Number(value));
    const at = `${file.display}:${record.line}`;
    if (text === '') tally.skip('empty text', 1, at);
    else if (!gold) tally.skip(options.scale ? 'label is not a number on the scale' : `unknown label ${JSON.stringify(String(record.fields[columns.label] ?? ''))}`, 1, at);
    else {
      const { label, score } = engine.analyse('customer', text).sentiment!;
      pairs.push([label, gold]);
      if (byColumn) groups.push(byColumn.of(record.fields));
      const cost = Math.abs(SENTIMENT_LABELS.indexOf(label) - SENTIMENT_LABELS.indexOf(gold));
      const id = idOf(record.fields, record.line);
      if (cost > 0) keepWorst(worst, { id, line: record.line, text, human: gold, attune: label, score, cost }, byWorst);
    }
  }
  checkNumericLabels(numbers, file.display);
  if (pairs.length === 0) {
    const reasons = [...tally.skipped].map(([reason, n]) => `${n} ${reason} (${n === 1 ? 'at' : 'first at'} ${tally.skippedAt.get(reason)})`);
    const why = reasons.length > 3 ? `${reasons.slice(0, 3).join(', ')} and ${reasons.length - 3} more` : reasons.join(', ');
    const labels = options.scale ? `numbers from ${options.scale.min} to ${options.scale.max}` : 'negative, neutral or positive (neg/neu/pos, -1/0/1), or ratings with --scale';
    throw new AttuneError(`${file.display}: no labeled rows to compare${why ? ` (skipped: ${why})` : ''}. Labels are ${labels}.`);
  }
  const by = byColumn
    ? { column: byColumn.check(file.display), groups: groupRows(pairs.map((pair, i) => ({ pair, group: groups[i]! }))).map(([group, members]) => ({ group, ...agreementWithIntervals(members.map((m) => m.pair), SENTIMENT_LABELS) })) }
    : undefined;
  return { file: file.display, ...agreementWithIntervals(pairs, SENTIMENT_LABELS), worst, skipped: sortedRecord(tally.skipped), skippedAt: sortedRecord(tally.skippedAt), ...(by ? { by } : {}) };
}

/** Numeric labels without --scale are read as -1/0/1. Other numbers are ratings, and 0 and 1 alone are
 * most often a two-class set (0 negative, 1 positive), which -1/0/1 would read as neutral and positive:
 * both need --scale to say what they mean. */
function checkNumericLabels(numbers: ReadonlySet<number>, file: string): void {
  const ratings = [...numbers].sort((a, b) => a - b);
  if (ratings.some((n) => n !== -1 && n !== 0 && n !== 1)) {
    throw new AttuneError(`${file}: the labels look like ratings (${ratings.slice(0, 10).join(', ')}${ratings.length > 10 ? ', …' : ''}), not -1/0/1: give their range with --scale, for example --scale ${ratings[0]}:${ratings.at(-1)}.`);
  }
  if (ratings.join() === '0,1') {
    throw new AttuneError(`${file}: the labels are 0 and 1 only, which may mean negative and positive: say so with --scale 0:1 (as -1/0/1 they would read as neutral and positive).`);
  }
}

function byWorst(a: SentimentDisagreement, b: SentimentDisagreement): number {
  return b.cost - a.cost || Math.abs(b.score) - Math.abs(a.score) || a.line - b.line;
}
