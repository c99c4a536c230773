// The conversations most worth a coach's time, per agent, each with the quoted evidence.
// A bounded queue: only the top items are ever held, whatever the number of conversations.

export type CoachingReason = 'temper' | 'no-empathy-when-needed' | 'sentiment-fell';

/** One conversation worth review for one agent, told by its most serious moment. */
export interface CoachingItem {
  agentName: string;
  conversation: string;
  /** The agent turn the item is about (or the last customer turn, for a fall in sentiment). */
  turn: number;
  reason: CoachingReason;
  rule: string | null;
  /** Every reason this conversation gave, most serious first, each once. */
  reasons: CoachingReason[];
  /** Every rule that fired against the agent in it. */
  rules: string[];
  /** What the customer wrote just before, quoted. */
  customer: string | null;
  /** What the agent wrote, quoted. */
  agent: string | null;
  /** The words that fired the rule, when one did. */
  match: string | null;
  /** Higher is more worth review: the sum of REASON_WEIGHT over every moment in the conversation. */
  weight: number;
  /** Order of arrival, the final tie-breaker, so that the queue is deterministic. */
  order: number;
}

export const REASON_WEIGHT: Record<CoachingReason, number> = { temper: 3, 'no-empathy-when-needed': 2, 'sentiment-fell': 1 };

/** A fall in customer sentiment this large (on the -1..1 scale) between first and last customer turn is worth a look. */
export const SENTIMENT_FALL = 0.3;

export class CoachingQueue {
  private items: CoachingItem[] = [];

  constructor(private readonly size: number) {}

  /** Whether an item of this weight, arriving now, would be kept (ties go to the earlier item). */
  accepts(weight: number): boolean {
    const items = this.items;
    return items.length < this.size || (this.size > 0 && weight > items[items.length - 1]!.weight);
  }

  offer(item: CoachingItem): void {
    const items = this.items;
    // Full and no better than the last: nothing to do (the common case on large exports).
    if (items.length >= this.size && (this.size === 0 || compareItems(item, items[items.length - 1]!) >= 0)) return;
    let at = items.length;
    while (at > 0 && compareItems(item, items[at - 1]!) < 0) at -= 1;
    items.splice(at, 0, item);
    if (items.length > this.size) items.length = this.size;
  }

  list(): CoachingItem[] {
    return this.items.slice();
  }
}

function compareItems(a: CoachingItem, b: CoachingItem): number {
  return b.weight - a.weight || a.order - b.order;
}
