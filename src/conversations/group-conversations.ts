// Groups a stream of turns into conversations with bounded memory. Exports are nearly always
// grouped by conversation, so only the most recent conversations stay open; the oldest is closed
// when too many are open, and a conversation that reappears after closing is counted, not merged.
import type { Accounting } from './turn.js';

export interface Groupable {
  conversation: string;
  time: number | null;
}

/** Enough for exports that interleave live chats; small enough that memory never depends on file size. */
export const MAX_OPEN_CONVERSATIONS = 2000;
/** How many closed conversation ids are remembered to notice one coming back; bounded so memory stays flat. */
export const REMEMBERED_CLOSED = 100_000;

export class ConversationGrouper<T extends Groupable> {
  private readonly open = new Map<string, T[]>();
  /** The open ids, oldest first, from `head` on: asking the map for its first entry would step over
   * every entry deleted since it last rehashed, thousands per call on a long export. */
  private order: string[] = [];
  private head = 0;
  private readonly closed = new Set<string>();

  constructor(
    private readonly onClose: (id: string, turns: T[]) => void,
    private readonly tally: Accounting,
    private readonly maxOpen = MAX_OPEN_CONVERSATIONS,
  ) {}

  add(turn: T): void {
    const list = this.open.get(turn.conversation);
    if (list) {
      list.push(turn);
      return;
    }
    if (this.closed.has(turn.conversation)) {
      this.tally.note('conversation reappeared after many others and was scored in parts: sort the export by conversation');
    }
    this.open.set(turn.conversation, [turn]);
    this.order.push(turn.conversation);
    if (this.open.size > this.maxOpen) this.closeOldest();
  }

  /** Closes every open conversation, oldest first (file end). */
  closeAll(): void {
    while (this.open.size > 0) this.closeOldest();
    this.closed.clear();
    this.order = [];
    this.head = 0;
  }

  private closeOldest(): void {
    const id = this.order[this.head++]!;
    if (this.head >= 4096 && this.head * 2 >= this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    const turns = this.open.get(id)!;
    this.open.delete(id);
    if (this.closed.size >= REMEMBERED_CLOSED) this.closed.clear();
    this.closed.add(id);
    this.onClose(id, orderTurns(turns));
  }
}

/** Timestamp order when every turn has a time, else file order; the sort is stable, so ties keep file order. */
export function orderTurns<T extends Groupable>(turns: T[]): T[] {
  if (turns.length < 2 || turns.some((t) => t.time === null)) return turns;
  return turns.slice().sort((a, b) => a.time! - b.time!);
}
