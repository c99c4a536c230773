import { describe, expect, it } from 'vitest';
import { agreement, agreementWithIntervals, binaryScore, prf } from '../../src/eval/metrics.js';

describe('agreement', () => {
  // human: n n n p p ; attune: n n p p n
  const pairs = [['n', 'n'], ['n', 'n'], ['p', 'n'], ['p', 'p'], ['n', 'p']] as const;
  const a = agreement(pairs, ['n', 'p']);

  it('counts the confusion matrix with humans on rows', () => {
    expect(a.confusion).toEqual([[2, 1], [1, 1]]);
    expect(a.accuracy).toBeCloseTo(0.6);
  });

  it('computes per-class and macro F1', () => {
    expect(a.classes[0]).toMatchObject({ label: 'n', support: 3, predicted: 3 });
    expect(a.classes[0]!.f1).toBeCloseTo(2 / 3);
    expect(a.classes[1]!.f1).toBeCloseTo(0.5);
    expect(a.macroF1).toBeCloseTo((2 / 3 + 0.5) / 2);
  });

  it("computes Cohen's kappa against chance agreement", () => {
    // chance = (3/5)(3/5) + (2/5)(2/5) = 0.52; kappa = (0.6 - 0.52) / 0.48
    expect(a.kappa).toBeCloseTo(0.08 / 0.48);
  });

  it('scores yes/no labels with the false-alarm rate', () => {
    const s = binaryScore('temper', [[true, true], [true, false], [false, false], [false, false]]);
    expect(s).toMatchObject({ precision: 0.5, recall: 1, support: 1, predicted: 2 });
    expect(s.falsePositiveRate).toBeCloseTo(1 / 3);
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('averages macro-F1 over the classes the humans gave, counting answers of another class as misses', () => {
    // human: n n p p ; attune: n u p p (u, a class no human gave)
    const binary = agreementWithIntervals([['n', 'n'], ['u', 'n'], ['p', 'p'], ['p', 'p']], ['n', 'u', 'p']);
    expect(binary.classes[1]).toMatchObject({ label: 'u', support: 0, predicted: 1, f1: 0 });
    // n: precision 1, recall 1/2, F1 2/3; p: F1 1. Averaging u's 0 in would give 5/9.
    expect(binary.macroF1).toBeCloseTo((2 / 3 + 1) / 2);
    expect(binary.macroF1Interval![1]).toBeLessThanOrEqual(1);
    expect(binary.macroF1Interval![0]).toBeGreaterThan(0.3);
  });
});
