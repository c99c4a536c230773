import { describe, expect, it } from 'vitest';
import { readHumanLabels } from '../../src/eval/empathy-labels.js';

describe('readHumanLabels', () => {
  it('reads labels under other field names and folds category spellings', () => {
    expect(readHumanLabels({ text: 'x', Is_Empathetic: 'TRUE', 'Lost Temper': 0, Labels: 'Apologies; acknowledge | Positive Regard' })).toEqual({
      ok: true, human: { empathy: true, temper: false, categories: ['acknowledgement', 'apology', 'positive-regard'] }, unknown: [],
    });
  });

  it('reads an empty list, "none" and a hand-written list in brackets', () => {
    const categories = (value: unknown) => {
      const r = readHumanLabels({ categories: value });
      return r.ok ? [r.human.categories, r.unknown] : r.reason;
    };
    expect(categories('[]')).toEqual([[], []]);
    expect(categories('None')).toEqual([[], []]);
    expect(categories("[apology, 'reassurance']")).toEqual([['apology', 'reassurance'], []]);
    expect(categories(['validation', 'ownership'])).toEqual([['validation'], ['ownership']]);
  });

  it('says why a message cannot be read', () => {
    expect(readHumanLabels({ text: 'x' })).toEqual({ ok: false, reason: 'no labels' });
    expect(readHumanLabels({ empathy: 'maybe' })).toEqual({ ok: false, reason: 'empathy or temper is not 0/1' });
    expect(readHumanLabels({ categories: 3 })).toEqual({ ok: false, reason: 'categories is neither a list nor text' });
  });
});
