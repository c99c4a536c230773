// Customer sentiment: a score in -1..1 and a label, from a linear model over words, support-domain
// cues, emoji, shape and wink-nlp's sentence-by-sentence lexicon scores (see scripts/train-sentiment.mjs).
import type { SentenceScorer } from '../nlp/wink.js';
import type { Detector, DetectionSink, Sentiment, SentimentLabel, TurnText } from './detector.js';
import { softmax, type LinearModel } from './linear-model.js';
import { addCues, featureTokens, markNegation, shapeOf, winkFeatures, type FeatureContext } from './sentiment-features.js';

/** The model's weights arranged for scoring without building feature names, in flat arrays (a model
 * has some 61,000 features: one object per weight cost about 12 MB more on every thread holding it).
 * Each feature is a row of `rows`, one weight per class; `stamps` holds the last turn that counted a
 * row, so each distinct word and pair counts once per turn. */
interface WordEntry {
  /** The row of the word's own weights, or -1. */
  row: number;
  /** The rows of the pairs this word starts, by their second word. */
  pairs?: Map<string, number>;
}

interface WeightTables {
  words: Map<string, WordEntry>;
  named: Map<string, number>;
  rows: Float64Array;
  stamps: Int32Array;
  classes: number;
}

/** A linear model with its weights in one flat array, row by row in the order of `names`: what the
 * build's snapshot holds (sentiment-snapshot.ts), read far faster than the JSON's object of arrays. */
export interface FlatModel {
  labels: string[];
  bias: number[];
  names: string[];
  rows: Float64Array;
}

export function flatten(model: LinearModel): FlatModel {
  const names = Object.keys(model.weights);
  const k = model.labels.length;
  const rows = new Float64Array(names.length * k);
  names.forEach((name, row) => rows.set(model.weights[name]!, row * k));
  return { labels: model.labels, bias: model.bias, names, rows };
}

function tablesOf({ names, rows, labels }: FlatModel): WeightTables {
  const classes = labels.length;
  const tables: WeightTables = { words: new Map(), named: new Map(), rows, stamps: new Int32Array(names.length), classes };
  const entry = (word: string): WordEntry => {
    let found = tables.words.get(word);
    if (!found) tables.words.set(word, (found = { row: -1 }));
    return found;
  };
  names.forEach((name, row) => {
    if (name.startsWith('w:')) entry(name.slice(2)).row = row;
    else if (name.startsWith('b:')) {
      // A pair is "b:<first>_<second>", and negated words hold "_" too ("not_happy"): the row is filed
      // under every split, which finds exactly the pairs whose joined name is this one.
      const body = name.slice(2);
      for (let cut = body.indexOf('_'); cut > 0; cut = body.indexOf('_', cut + 1)) {
        (entry(body.slice(0, cut)).pairs ??= new Map()).set(body.slice(cut + 1), row);
      }
    } else tables.named.set(name, row);
  });
  return tables;
}

function addTo(scores: number[], tables: WeightTables, row: number | undefined, value: number): void {
  if (row === undefined || row < 0) return;
  const base = row * tables.classes;
  for (let c = 0; c < scores.length; c++) scores[c]! += tables.rows[base + c]! * value;
}

/** Adds a named feature (a cue, the text's shape, wink-nlp's scores) with its value. */
function addNamed(scores: number[], tables: WeightTables, name: string, value: number): void {
  addTo(scores, tables, tables.named.get(name), value);
}

/** Adds a word's or pair's row once per turn. */
function addOnce(scores: number[], tables: WeightTables, row: number | undefined, stamp: number): void {
  if (row === undefined || row < 0 || tables.stamps[row] === stamp) return;
  tables.stamps[row] = stamp;
  addTo(scores, tables, row, 1);
}

/** The sentiment model in two steps, so that the sentence scores can come from elsewhere (a worker
 * thread running wink-nlp): `partial` sums the weights of a turn's own features, `complete` adds
 * wink-nlp's sentence scores and gives the sentiment. */
export interface SentimentModel {
  /** The sum of the turn's own features; empty for a typo correction, which carries no feeling. */
  partial(turn: TurnText): number[];
  complete(partial: number[], sentenceScores: readonly number[]): Sentiment;
}

/** A chat line that corrects a typo in the line before ("default*", "*their"): one to three words
 * with an asterisk before or after them. Its words are the previous line's, not a feeling. */
const CORRECTION = /^\s*(?:\*\s*[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,2}|[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,2}\s*\*)\s*$/u;

export function createSentimentModel(model: LinearModel | FlatModel, context: FeatureContext): SentimentModel {
  const linear = 'names' in model ? model : flatten(model);
  const tables = tablesOf(linear);
  // Only the tables are kept: the model object itself (61,000 named weights) can be collected.
  const bias = linear.bias;
  const labels = linear.labels as SentimentLabel[];
  const negative = labels.indexOf('negative');
  const positive = labels.indexOf('positive');
  let turnCount = 0;
  return {
    partial(turn: TurnText): number[] {
      if (turnCount === 0x7fffffff) {
        tables.stamps.fill(0);
        turnCount = 0;
      }
      if (turn.text.includes('*') && CORRECTION.test(turn.text)) return [];
      const stamp = ++turnCount;
      const scores = bias.slice();
      const { clean, tokens } = featureTokens(turn.text, turn.tokens);
      const masked = addCues(tokens, context, (name) => addNamed(scores, tables, name, 1));
      let previous: WordEntry | undefined;
      for (const word of markNegation(tokens, context.negators, masked)) {
        const entry = tables.words.get(word);
        addOnce(scores, tables, entry?.row, stamp);
        addOnce(scores, tables, previous?.pairs?.get(word), stamp);
        previous = entry;
      }
      for (const [name, value] of shapeOf(clean)) addNamed(scores, tables, name, value);
      return scores;
    },
    complete(partial: number[], sentenceScores: readonly number[]): Sentiment {
      if (partial.length === 0) return { score: 0, label: 'neutral' };
      const scores = partial.slice();
      winkFeatures(sentenceScores, (name, value) => addNamed(scores, tables, name, value));
      return toSentiment(softmax(scores), labels, negative, positive);
    },
  };
}

export function createSentimentDetector(scorer: SentenceScorer, model: SentimentModel): Detector {
  return {
    id: 'sentiment',
    roles: ['customer'],
    detect(turn: TurnText, sink: DetectionSink): void {
      sink.setSentiment(model.complete(model.partial(turn), scorer.scoreSentences(turn.text)));
    },
  };
}

/** The label is the most likely class; the score is P(positive) - P(negative), so it runs -1..1. */
export function toSentiment(p: number[], labels: SentimentLabel[], negative: number, positive: number): Sentiment {
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const score = Math.round((p[positive]! - p[negative]!) * 1000) / 1000;
  return { score: score === 0 ? 0 : score, label: labels[best]! };
}
