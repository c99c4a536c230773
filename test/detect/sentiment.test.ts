// Runs the real wink-nlp English model: the integration that the whole customer side rests on.
import { describe, expect, it } from 'vitest';
import { labelOf, NEUTRAL_BAND, scoreSentences } from '../../src/detect/sentiment.js';
import { createDefaultEngine } from '../../src/detect/engine.js';

const engine = createDefaultEngine();
const sentiment = (text: string) => engine.analyse('customer', text).sentiment!;

describe('customer sentiment (wink-nlp model)', () => {
  it('labels clear complaints negative and clear praise positive', () => {
    expect(sentiment('This is terrible service, I am very angry.').label).toBe('negative');
    expect(sentiment('Thank you so much, that was wonderful help!').label).toBe('positive');
  });

  it('keeps plain questions neutral', () => {
    expect(sentiment('Can you tell me where my order is?')).toEqual({ score: 0, label: 'neutral' });
  });

  it('does not let neutral sentences dilute an angry one', () => {
    const long = 'I ordered on Monday. The order number is 5521. It came by courier on a Tuesday. This is awful.';
    expect(sentiment(long)).toEqual(sentiment('This is awful.'));
    expect(sentiment(long).label).toBe('negative');
  });

  it('scores within -1..1 and labels by the neutral band', () => {
    expect(scoreSentences([0, -0.5, 0])).toEqual({ score: -0.5, label: 'negative' });
    expect(scoreSentences([3])).toEqual({ score: 1, label: 'positive' });
    expect(labelOf(NEUTRAL_BAND / 2)).toBe('neutral');
  });
});
