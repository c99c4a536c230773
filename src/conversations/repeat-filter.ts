// Drops what an export holds twice, before it is scored: a conversation that repeats an earlier one turn
// for turn (the same id, and the same speakers, agents, times, channels and texts in the same order), and
// within a conversation a message that repeats an earlier one at the same time. Exports repeat rows (an
// airline export repeats 748 threads byte for byte), API pages overlap, one export is passed twice; read
// as new, a repeat counts its turns twice and can list one coaching item twice. A message without a time
// is kept however often it recurs: "Hello?" may well be sent twice, and a customer ask the same again.
import * as crypto from 'node:crypto';
import { DigestSet } from './digest-set.js';
import type { Accounting, Turn } from './turn.js';

export const REPEAT_REASON = 'conversation repeats an earlier one turn for turn (same id, speakers, times and text)';
export const REPEAT_MESSAGE_REASON = 'message repeats an earlier one of its conversation (same speaker, time and text)';
export const REPEAT_MESSAGE_NOTE = 'message repeated inside one record (same speaker, time and text): read once';

/** Conversations remembered in each of two generations: a repeat is found when it comes within the last
 * 500,000 to 1,000,000 conversations read (an airline export repeats its threads up to 34,000 rows
 * later), and memory stays bounded: at most 16 MB, 4 MB for a million-turn export. */
export const REMEMBERED = 500_000;

export class RepeatFilter {
  /** 52 bits of each conversation's digest: a false match between two different conversations about
   * once in 4 × 10^15 pairs. The older generation is dropped when the newer fills. */
  private seen = new DigestSet();
  private older = new DigestSet();

  constructor(
    private readonly tally: Accounting,
    private readonly remembered = REMEMBERED,
  ) {}

  /** The conversations not seen before, in order, each without its repeated messages; what is dropped is
   * counted as skipped by its records (a record that keeps another turn is noted instead). */
  keep(conversations: Turn[][]): Turn[][] {
    const kept: Turn[][] = [];
    for (const read of conversations) {
      const turns = sharesATime(read) ? dropSameTimeRepeats(read) : read;
      if (turns.length < read.length) this.account(dropped(read, turns), turns, REPEAT_MESSAGE_REASON);
      const key = digest(turns);
      if (this.seen.has(key) || this.older.has(key)) {
        this.account(turns, [], REPEAT_REASON);
        continue;
      }
      if (this.seen.size >= this.remembered) [this.older, this.seen] = [this.seen, new DigestSet()];
      this.seen.add(key);
      kept.push(turns);
    }
    return kept;
  }

  /** A dropped turn whose record keeps another turn is noted; the others are skipped, once per record, at
   * the lowest line (a conversation's turns come from one file, in time order). */
  private account(dropped: Turn[], kept: Turn[], reason: string): void {
    const keptLines = new Set(kept.map(where));
    const lines = new Set<string>();
    let first: Turn | undefined;
    let inKept = 0;
    for (const t of dropped) {
      const at = where(t);
      if (keptLines.has(at)) inKept += 1;
      else {
        lines.add(at);
        if (!first || t.line < first.line) first = t;
      }
    }
    if (first) this.tally.skip(reason, lines.size, where(first));
    if (inKept > 0) this.tally.note(REPEAT_MESSAGE_NOTE, inKept);
  }
}

const where = (t: Turn): string => `${t.file}:${t.line}`;
const messageKey = (t: Turn): string => `${t.role}\u0001${t.agent ?? ''}\u0001${t.time ?? ''}\u0001${t.channel ?? ''}\u0001${t.text}`;

function dropped(read: Turn[], kept: Turn[]): Turn[] {
  const left = new Set(kept);
  return read.filter((t) => !left.has(t));
}

function sharesATime(turns: Turn[]): boolean {
  let times: Set<number> | undefined;
  for (const t of turns) {
    if (t.time === null) continue;
    times ??= new Set<number>();
    if (times.has(t.time)) return true;
    times.add(t.time);
  }
  return false;
}

function dropSameTimeRepeats(turns: Turn[]): Turn[] {
  const keys = new Set<string>();
  return turns.filter((t) => {
    if (t.time === null) return true;
    const key = messageKey(t);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

/** crypto.hash (Node 20.12 on) costs half of createHash on a short text; earlier 20s have only the latter. */
const sha1: (text: string) => string = typeof crypto.hash === 'function' ? (text) => crypto.hash('sha1', text) : (text) => crypto.createHash('sha1').update(text).digest('hex');

/** Where a turn came from is left out: the same conversation read twice, anywhere, is one. */
function digest(turns: Turn[]): number {
  let text = turns[0]!.conversation;
  for (const t of turns) text += `\u0000${messageKey(t)}`;
  return parseInt(sha1(text).slice(0, 13), 16);
}
