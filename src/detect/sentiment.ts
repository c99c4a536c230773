// Customer sentiment: a score in -1..1 and a label, from a linear model over words, support-domain
// cues, emoji, shape and wink-nlp's sentence-by-sentence lexicon scores (see scripts/train-sentiment.mjs).
import type { SentenceScorer } from '../nlp/wink.js';
import type { Detector, DetectionSink, Sentiment, SentimentLabel, TurnText } from './detector.js';
import { softmax, type LinearModel } from './linear-model.js';
import { addCues, featureTokens, markNegation, shapeOf, winkFeatures, type FeatureContext } from './sentiment-features.js';

/** The model's weights arranged for scoring without building feature names: one entry per word with
 * its own weights and the pairs it starts, plus the named features (cues, shape, wink). */
interface WordEntry {
  w?: number[];
  pairs?: Map<string, number[]>;
}

interface WeightTables {
  words: Map<string, WordEntry>;
  named: Map<string, number[]>;
}

function tablesOf(model: LinearModel): WeightTables {
  const tables: WeightTables = { words: new Map(), named: new Map() };
  const entry = (word: string): WordEntry => {
    let found = tables.words.get(word);
    if (!found) tables.words.set(word, (found = {}));
    return found;
  };
  for (const [name, w] of Object.entries(model.weights)) {
    if (name.startsWith('w:')) entry(name.slice(2)).w = w;
    else if (name.startsWith('b:')) {
      // A pair is "b:<first>_<second>", and negated words hold "_" too ("not_happy"): the vector is
      // filed under every split, which finds exactly the pairs whose joined name is this one.
      const body = name.slice(2);
      for (let cut = body.indexOf('_'); cut > 0; cut = body.indexOf('_', cut + 1)) {
        (entry(body.slice(0, cut)).pairs ??= new Map()).set(body.slice(cut + 1), w);
      }
    } else tables.named.set(name, w);
  }
  return tables;
}

export function createSentimentDetector(scorer: SentenceScorer, linear: LinearModel, context: FeatureContext): Detector {
  const tables = tablesOf(linear);
  const labels = linear.labels as SentimentLabel[];
  const k = labels.length;
  const negative = labels.indexOf('negative');
  const positive = labels.indexOf('positive');
  return {
    id: 'sentiment',
    roles: ['customer'],
    detect(turn: TurnText, sink: DetectionSink): void {
      const scores = linear.bias.slice();
      const add = (w: number[] | undefined, value: number) => {
        if (w) for (let c = 0; c < k; c++) scores[c]! += w[c]! * value;
      };
      const { clean, tokens } = featureTokens(turn.text, turn.tokens);
      const words = markNegation(tokens, context.negators);
      // Each distinct word and pair counts once; every feature has its own weight vector.
      const seen = new Set<number[]>();
      const once = (w: number[] | undefined) => {
        if (!w || seen.has(w)) return;
        seen.add(w);
        add(w, 1);
      };
      let previous: WordEntry | undefined;
      for (const word of words) {
        const entry = tables.words.get(word);
        once(entry?.w);
        once(previous?.pairs?.get(word));
        previous = entry;
      }
      addCues(tokens, context, (name) => add(tables.named.get(name), 1));
      for (const [name, value] of shapeOf(clean)) add(tables.named.get(name), value);
      winkFeatures(scorer.scoreSentences(turn.text), (name, value) => add(tables.named.get(name), value));
      sink.setSentiment(toSentiment(softmax(scores), labels, negative, positive));
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
