// Agreement figures between attune's labels and human labels: confusion matrix, accuracy,
// precision / recall / F1 per class, macro-F1 and Cohen's kappa, with 95% intervals for the F1s.
import { bootstrapIntervals, type Interval } from './bootstrap.js';

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many items humans gave this label. */
  support: number;
  /** How many items attune gave this label. */
  predicted: number;
  /** F1's 95% interval (bootstrap): how far the figure could move on another sample of the same size. */
  f1Interval?: Interval;
}

export interface Agreement {
  n: number;
  accuracy: number;
  macroF1: number;
  /** macro-F1's 95% interval, from `agreementWithIntervals`. */
  macroF1Interval?: Interval;
  kappa: number;
  classes: ClassScore[];
  /** confusion[human][attune] = count, in the order of `labels`. */
  confusion: number[][];
  labels: string[];
}

export function agreement(pairs: readonly (readonly [predicted: string, gold: string])[], labels: readonly string[]): Agreement {
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  for (const [p, g] of pairs) {
    const gi = index.get(g);
    const pi = index.get(p);
    if (gi !== undefined && pi !== undefined) confusion[gi]![pi]! += 1;
  }
  const n = confusion.flat().reduce((a, b) => a + b, 0);
  const diagonal = labels.reduce((sum, _, i) => sum + confusion[i]![i]!, 0);
  const classes = labels.map((label, i) => {
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((sum, row) => sum + row[i]!, 0);
    return { label, support, predicted, ...prf(confusion[i]![i]!, predicted, support) };
  });
  const expected = classes.reduce((sum, c) => sum + (c.support * c.predicted) / (n * n || 1), 0);
  const accuracy = n === 0 ? 0 : diagonal / n;
  return {
    n,
    accuracy,
    macroF1: macroAverage(classes.map((c) => c.f1), classes.map((c) => c.support)),
    kappa: expected === 1 ? 0 : (accuracy - expected) / (1 - expected),
    classes,
    confusion,
    labels: [...labels],
  };
}

/** The agreement with the 95% intervals of each class's F1 and of macro-F1: what `attune eval` reports.
 * (A search over training settings, which only compares point figures, calls `agreement` alone.) */
export function agreementWithIntervals(pairs: readonly (readonly [predicted: string, gold: string])[], labels: readonly string[]): Agreement {
  const result = agreement(pairs, labels);
  const intervals = agreementIntervals(pairs, labels);
  return { ...result, macroF1Interval: intervals[labels.length]!, classes: result.classes.map((c, i) => ({ ...c, f1Interval: intervals[i]! })) };
}

/** The 95% intervals of each class's F1 and, last, of macro-F1. A draw's confusion matrix is held in
 * `counts[human * k + attune]`; a class neither side gave in a draw has no F1 there and is left out. */
function agreementIntervals(pairs: readonly (readonly [predicted: string, gold: string])[], labels: readonly string[]): Interval[] {
  const k = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));
  const kinds = pairs.flatMap(([p, g]) => (index.has(p) && index.has(g) ? [index.get(g)! * k + index.get(p)!] : []));
  const f1 = (counts: Float64Array, c: number) => {
    let predicted = 0;
    let actual = 0;
    for (let j = 0; j < k; j++) {
      predicted += counts[j * k + c]!;
      actual += counts[c * k + j]!;
    }
    return predicted + actual === 0 ? Number.NaN : prf(counts[c * k + c]!, predicted, actual).f1;
  };
  const perClass = labels.map((_, c) => (counts: Float64Array) => f1(counts, c));
  // Macro-F1 of a draw: over the classes the humans gave in the whole file, less any the draw left out.
  const support = labels.map((_, c) => kinds.filter((kind) => Math.floor(kind / k) === c).length);
  const macro = (counts: Float64Array) => macroAverage(perClass.map((s) => s(counts)), support);
  return bootstrapIntervals(kinds, k * k, [...perClass, macro]);
}

/** F1's 95% interval for several yes/no labels judged on the same items, drawn together: `items[i][l]`
 * is [attune, human] for label l, or undefined where item i was not labeled for it. A draw in which
 * neither attune nor the humans said yes has no F1 and is left out of that label's interval. */
export function binaryF1Intervals(items: readonly (readonly (readonly [predicted: boolean, gold: boolean] | undefined)[])[], labelCount: number): Interval[] {
  // An item's kind is its cells for every label (0 not labeled, 1 + 2 × attune + human), numbered as met.
  const kindOf = new Map<string, number>();
  const cells: number[][] = [];
  const kinds = items.map((item) => {
    const row = Array.from({ length: labelCount }, (_, l) => (item[l] ? 1 + 2 * Number(item[l]![0]) + Number(item[l]![1]) : 0));
    const key = row.join('');
    if (!kindOf.has(key)) {
      kindOf.set(key, cells.length);
      cells.push(row);
    }
    return kindOf.get(key)!;
  });
  const statistics = Array.from({ length: labelCount }, (_, l) => (counts: Float64Array) => {
    let tp = 0;
    let falseNegatives = 0;
    let falsePositives = 0;
    for (let kind = 0; kind < cells.length; kind++) {
      const cell = cells[kind]![l]!;
      if (cell === 4) tp += counts[kind]!;
      else if (cell === 2) falseNegatives += counts[kind]!;
      else if (cell === 3) falsePositives += counts[kind]!;
    }
    return tp + falseNegatives + falsePositives === 0 ? Number.NaN : prf(tp, tp + falsePositives, tp + falseNegatives).f1;
  });
  return bootstrapIntervals(kinds, cells.length, statistics);
}

/** Macro-F1: the mean F1 of the classes the humans gave. A class no human gave has no F1 to average
 * (a file labeled negative/positive only says nothing of neutral); attune's answers of that class still
 * count, as misses of the classes the humans gave. An F1 that is NaN (a class a bootstrap draw left
 * out) is left out too. With no class given, the mean of all. */
function macroAverage(f1s: readonly number[], support: readonly number[]): number {
  const given = support.some((n) => n > 0) ? f1s.filter((_, i) => support[i]! > 0) : f1s;
  const scored = given.filter((f1) => !Number.isNaN(f1));
  return scored.length ? scored.reduce((sum, f1) => sum + f1, 0) / scored.length : given.length ? Number.NaN : 0;
}

/** Precision, recall and F1 from true positives, predicted positives and actual positives. */
export function prf(truePositives: number, predicted: number, actual: number): { precision: number; recall: number; f1: number } {
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = actual === 0 ? 0 : truePositives / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Binary agreement for one yes/no label, e.g. "empathy" or "apology". */
export function binaryScore(label: string, pairs: readonly (readonly [predicted: boolean, gold: boolean])[]): ClassScore & { falsePositiveRate: number } {
  let tp = 0;
  let predicted = 0;
  let support = 0;
  let negatives = 0;
  let falsePositives = 0;
  for (const [p, g] of pairs) {
    if (p) predicted += 1;
    if (g) support += 1;
    else negatives += 1;
    if (p && g) tp += 1;
    if (p && !g) falsePositives += 1;
  }
  return { label, support, predicted, ...prf(tp, predicted, support), falsePositiveRate: negatives === 0 ? 0 : falsePositives / negatives };
}

/** The most disagreements an eval quotes. */
export const WORST_SHOWN = 20;

/** Adds `item` to `list`, which keeps the WORST_SHOWN items that sort first under `order`: a large
 * labeled file never holds more than that many quotes. */
export function keepWorst<T>(list: T[], item: T, order: (a: T, b: T) => number): void {
  list.push(item);
  list.sort(order);
  if (list.length > WORST_SHOWN) list.length = WORST_SHOWN;
}
