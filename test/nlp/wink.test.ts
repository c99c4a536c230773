// wink-nlp instances are recycled to keep memory flat: making many in one process must keep working.
import { describe, expect, it } from 'vitest';
import { createSentenceScorer } from '../../src/nlp/wink.js';

describe('wink-nlp instances', () => {
  it('can be created many times in one process with the same results', () => {
    const scores = Array.from({ length: 30 }, () => createSentenceScorer().scoreSentences('This is terrible. Thanks though!'));
    expect(new Set(scores.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(scores[0]).toHaveLength(2);
  });
});
