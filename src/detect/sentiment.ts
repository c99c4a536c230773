// Customer sentiment: a score in -1..1 and a label, from a linear model over words, support-domain
// cues, emoji, shape and wink-nlp's sentence-by-sentence lexicon scores (see scripts/train-sentiment.mjs).
import type { SentenceScorer } from '../nlp/wink.js';
import type { Detector, DetectionSink, Sentiment, SentimentLabel, TurnText } from './detector.js';
import { compileModel, softmax, type LinearModel } from './linear-model.js';
import { visitFeatures, type FeatureContext } from './sentiment-features.js';

export function createSentimentDetector(scorer: SentenceScorer, linear: LinearModel, context: FeatureContext): Detector {
  const model = compileModel(linear);
  const labels = model.labels as SentimentLabel[];
  const k = labels.length;
  const negative = labels.indexOf('negative');
  const positive = labels.indexOf('positive');
  return {
    id: 'sentiment',
    roles: ['customer'],
    detect(turn: TurnText, sink: DetectionSink): void {
      const scores = model.bias.slice();
      visitFeatures(turn.text, scorer.scoreSentences(turn.text), context, (name, value) => {
        const w = model.weights.get(name);
        if (w) for (let c = 0; c < k; c++) scores[c]! += w[c]! * value;
      }, turn.tokens);
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
