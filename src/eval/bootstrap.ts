// Confidence intervals for agreement figures by the percentile bootstrap: the labeled items are drawn
// again with replacement many times, the figure is computed on each draw, and the middle 95% of those
// figures is the interval. Seeded, so the same labels always give the same interval.
import { seededRandom } from '../seeded-random.js';

export const REPLICATES = 1000;
const SEED = 20261202;

/** A figure's 95% interval, [low, high]. */
export type Interval = [low: number, high: number];

/**
 * Intervals for several figures over the same items. `kinds[i]` is item i's kind, a number below
 * `kindCount` (for a yes/no label: which of attune and the human said yes); each statistic computes its
 * figure from how many items of each kind one draw holds, or NaN where the figure does not exist in that
 * draw (an F1 on a draw without a single yes), which leaves the draw out of that figure's interval. All
 * statistics share the draws, so the cost is one pass over the items per draw, whatever their number.
 */
export function bootstrapIntervals(kinds: ArrayLike<number>, kindCount: number, statistics: readonly ((counts: Float64Array) => number)[], replicates = REPLICATES): Interval[] {
  const n = kinds.length;
  if (n === 0) return statistics.map(() => [0, 0]);
  const random = seededRandom(SEED);
  const counts = new Float64Array(kindCount);
  const values = statistics.map(() => new Float64Array(replicates));
  for (let r = 0; r < replicates; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[kinds[Math.floor(random() * n)]!]! += 1;
    for (let s = 0; s < statistics.length; s++) values[s]![r] = statistics[s]!(counts);
  }
  return values.map((all) => {
    const v = all.filter((x) => !Number.isNaN(x)).sort();
    return v.length === 0 ? [0, 0] : [v[Math.floor(0.025 * (v.length - 1))]!, v[Math.ceil(0.975 * (v.length - 1))]!];
  });
}
