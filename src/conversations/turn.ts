// A turn as read from an export, before detection: who wrote what, when, and where it came from.
import type { Role } from '../detect/detector.js';
import { compareText } from '../compare-text.js';

export interface Turn {
  conversation: string;
  role: Role;
  /** The agent's name or id for agent turns; null for customers and when the export does not say. */
  agent: string | null;
  text: string;
  /** Milliseconds since the epoch, or null when the export has no usable time. */
  time: number | null;
  /** The agent's team, from --agent-map; null when unknown. */
  team: string | null;
  /** Where the conversation happened (email, chat, twitter, …), when the export says. */
  channel: string | null;
  file: string;
  line: number;
}

/** What happened to every record: each is used, or counted as skipped with a reason. Notes count
 * records that were used but deserve a word (an unknown role, a conversation split in two). */
export class Accounting {
  readonly skipped = new Map<string, number>();
  /** Where each reason was first met ("export.csv:14", or the file alone), so a user can find it. */
  readonly skippedAt = new Map<string, string>();
  readonly notes = new Map<string, number>();
  skip(reason: string, count = 1, at?: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
    if (at !== undefined && !this.skippedAt.has(reason)) this.skippedAt.set(reason, at);
  }
  note(reason: string, count = 1): void {
    this.notes.set(reason, (this.notes.get(reason) ?? 0) + count);
  }
  skippedTotal(): number {
    let sum = 0;
    for (const n of this.skipped.values()) sum += n;
    return sum;
  }
}

/** A map's entries sorted by key, for deterministic reports. */
export function sortedRecord<T = number>(map: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => compareText(a, b)));
}
