import { describe, expect, it } from 'vitest';
import { createSentenceScorer, steadyText } from '../../src/nlp/wink.js';

describe('wink-nlp sentence scores', () => {
  it('do not depend on the texts the model read before', () => {
    // wink-nlp caches every new word; a word glued to "..." or a dotted abbreviation used to be split
    // one way before it was cached and another way after, which moved the sentence scores.
    const texts = ['Flight UA871 is late again. Awful!', 'Still waiting on UA871... pray it leaves soon. Terrible.', 'Back to the U.K. tonight. Great crew!', 'U.K, here we come', 'Back to the U.K. tonight. Great crew!'];
    const warmed = createSentenceScorer();
    const inOrder = texts.map((t) => warmed.scoreSentences(t));
    const alone = texts.map((t) => createSentenceScorer().scoreSentences(t));
    expect(inOrder).toEqual(alone);
    expect(inOrder[1]!.some((s) => s < 0)).toBe(true);
  });

  it('start a fresh wink-nlp once its word cache has taken the budget of new words, with the same scores', () => {
    const scorer = createSentenceScorer(200);
    const probe = 'This is terrible service, I am so angry.';
    const before = scorer.scoreSentences(probe);
    // Each text brings three words no cache has seen: 400 texts add 1,200.
    for (let i = 0; i < 400; i++) scorer.scoreSentences(`Order ORD${i}x7 for user${i}q@mail${i}z.com is late.`);
    expect(scorer.instances).toBeGreaterThanOrEqual(4);
    expect(scorer.instances).toBeLessThanOrEqual(7);
    expect(scorer.scoreSentences(probe)).toEqual(before);
    expect(before[0]).toBeLessThan(0);
    // Text with no new words keeps one instance.
    const steady = createSentenceScorer(200);
    for (let i = 0; i < 400; i++) steady.scoreSentences(probe);
    expect(steady.instances).toBe(1);
  });

  it('keeps the words and spaces runs of dots and dotted abbreviations', () => {
    expect(steadyText('waiting on UA871... pray')).toBe('waiting on UA871 ... pray');
    expect(steadyText('Why?! Really')).toBe('Why ?! Really');
    expect(steadyText('flights to the U.K. and back')).toBe('flights to the UK and back');
    expect(steadyText('Plain text. Nothing to do.')).toBe('Plain text. Nothing to do.');
  });
});
