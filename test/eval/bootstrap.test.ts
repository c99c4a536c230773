import { describe, expect, it } from 'vitest';
import { bootstrapIntervals } from '../../src/eval/bootstrap.js';
import { agreement, agreementWithIntervals, binaryF1Intervals } from '../../src/eval/metrics.js';

const share = (counts: Float64Array) => counts[1]! / (counts[0]! + counts[1]!);
const kinds = (zeros: number, ones: number) => [...Array<number>(zeros).fill(0), ...Array<number>(ones).fill(1)];

describe('bootstrapIntervals', () => {
  it("gives a proportion's interval close to the normal approximation", () => {
    // 300 of 1000: 0.3 ± 1.96 × sqrt(0.3 × 0.7 / 1000) = 0.3 ± 0.028
    const [[low, high]] = bootstrapIntervals(kinds(700, 300), 2, [share]) as [[number, number]];
    expect(low).toBeGreaterThan(0.265);
    expect(low).toBeLessThan(0.28);
    expect(high).toBeGreaterThan(0.32);
    expect(high).toBeLessThan(0.335);
  });

  it('narrows as the sample grows, and is the same on every run', () => {
    const small = bootstrapIntervals(kinds(70, 30), 2, [share])[0]!;
    const large = bootstrapIntervals(kinds(7000, 3000), 2, [share])[0]!;
    expect(small[1] - small[0]).toBeGreaterThan(3 * (large[1] - large[0]));
    expect(bootstrapIntervals(kinds(70, 30), 2, [share])).toEqual([small]);
  });

  it('gives a single point when every item is alike, and [0, 0] for no items', () => {
    expect(bootstrapIntervals(kinds(0, 50), 2, [share])).toEqual([[1, 1]]);
    expect(bootstrapIntervals([], 2, [share])).toEqual([[0, 0]]);
  });
});

describe('F1 intervals', () => {
  it('hold the F1 of the sample, and are wide when few items carry the label', () => {
    // 3 of 5 found, 4 false alarms, among 175 messages: F1 0.5.
    const items = [
      ...Array.from({ length: 3 }, () => [[true, true]] as const),
      ...Array.from({ length: 2 }, () => [[false, true]] as const),
      ...Array.from({ length: 4 }, () => [[true, false]] as const),
      ...Array.from({ length: 166 }, () => [[false, false]] as const),
    ];
    const [[low, high]] = binaryF1Intervals(items, 1) as [[number, number]];
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
    expect(high - low).toBeGreaterThan(0.4);
  });

  it('leave out the items not labeled for a label, and draw the labels together', () => {
    const items = [
      [[true, true], undefined],
      [[true, true], [false, true]],
      [[false, false], [false, true]],
    ] as const;
    const [first, second] = binaryF1Intervals(items, 2);
    expect(first).toEqual([1, 1]);
    expect(second).toEqual([0, 0]);
  });

  it('come with each class and with macro-F1 in an agreement with intervals, its figures those of the agreement', () => {
    const pairs = [...Array(40).fill(['n', 'n']), ...Array(10).fill(['p', 'n']), ...Array(30).fill(['p', 'p']), ...Array(20).fill(['n', 'p'])] as [string, string][];
    const a = agreementWithIntervals(pairs, ['n', 'p']);
    expect({ ...a, macroF1Interval: undefined, classes: a.classes.map((c) => ({ ...c, f1Interval: undefined })) }).toEqual({ ...agreement(pairs, ['n', 'p']), macroF1Interval: undefined, classes: agreement(pairs, ['n', 'p']).classes.map((c) => ({ ...c, f1Interval: undefined })) });
    for (const [figure, interval] of [[a.macroF1, a.macroF1Interval!], ...a.classes.map((c) => [c.f1, c.f1Interval!] as const)] as const) {
      expect(interval[0]).toBeLessThan(figure);
      expect(interval[1]).toBeGreaterThan(figure);
    }
  });
});
