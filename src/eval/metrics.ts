// Agreement figures between attune's labels and human labels: confusion matrix, accuracy,
// precision / recall / F1 per class, macro-F1 and Cohen's kappa.

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many items humans gave this label. */
  support: number;
  /** How many items attune gave this label. */
  predicted: number;
}

export interface Agreement {
  n: number;
  accuracy: number;
  macroF1: number;
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
    macroF1: classes.reduce((sum, c) => sum + c.f1, 0) / (labels.length || 1),
    kappa: expected === 1 ? 0 : (accuracy - expected) / (1 - expected),
    classes,
    confusion,
    labels: [...labels],
  };
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
