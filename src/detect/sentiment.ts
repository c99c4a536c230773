// Customer sentiment: a score in -1..1 and a label, built sentence by sentence so that one angry
// sentence in a long message is not averaged away by neutral ones.
import type { SentenceScorer } from '../nlp/wink.js';
import type { Detector, DetectionSink, Sentiment, SentimentLabel, TurnText } from './detector.js';

/** Scores within this distance of zero are neutral: wink-nlp gives small non-zero scores to plain requests. */
export const NEUTRAL_BAND = 0.05;

export function createSentimentDetector(scorer: SentenceScorer): Detector {
  return {
    id: 'sentiment',
    roles: ['customer'],
    detect(turn: TurnText, sink: DetectionSink): void {
      sink.setSentiment(scoreSentences(scorer.scoreSentences(turn.text)));
    },
  };
}

/** The mean of the sentences that carry any sentiment; neutral sentences do not dilute it. */
export function scoreSentences(scores: number[]): Sentiment {
  const voiced = scores.filter((s) => s !== 0);
  const mean = voiced.length === 0 ? 0 : voiced.reduce((a, b) => a + b, 0) / voiced.length;
  const score = Math.round(Math.max(-1, Math.min(1, mean)) * 1000) / 1000;
  return { score, label: labelOf(score) };
}

export function labelOf(score: number): SentimentLabel {
  if (score <= -NEUTRAL_BAND) return 'negative';
  if (score >= NEUTRAL_BAND) return 'positive';
  return 'neutral';
}
