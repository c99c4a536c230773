// Running totals for one agent or the whole team: counts and sums only, never lists of turns.
import { COURTESY_CATEGORIES, EMPATHY_CATEGORIES, TEMPER_CATEGORIES } from '../detect/detector.js';

function zeroes(categories: readonly string[]): Record<string, number> {
  return Object.fromEntries(categories.map((c) => [c, 0]));
}

export class Totals {
  conversations = 0;
  agentTurns = 0;
  empathyTurns = 0;
  courtesyTurns = 0;
  /** Agent turns showing each empathy or courtesy category. */
  categoryTurns = zeroes([...EMPATHY_CATEGORIES, ...COURTESY_CATEGORIES]);
  /** Negative customer turns answered by an agent turn, and how many of those replies showed empathy. */
  needed = 0;
  met = 0;
  temperTurns = 0;
  /** Temper incidents: one per agent turn and temper category. */
  temperIncidents = zeroes(TEMPER_CATEGORIES);
  customerTurns = 0;
  negativeCustomerTurns = 0;
  /** Anger exposure: customer turns with hostile words or shouting that this agent answered, and their length. */
  hostileTurns = 0;
  hostileChars = 0;
  sentimentConversations = 0;
  /** Sums of first and last customer scores, in thousandths (exact integers; see milli()). */
  startSum = 0;
  endSum = 0;
  startNegative = 0;
  endNegative = 0;
  recovered = 0;

}

/** Sentiment sums are kept in whole thousandths (scores have three decimals): integer sums are exact,
 * so any order of adding, and any split into shards, gives the same figures. */
export function milli(score: number): number {
  return Math.round(score * 1000);
}
