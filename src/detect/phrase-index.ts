// One trie over normalised tokens for every phrase of every rule: a turn is matched in a single
// pass, whatever the number of rules. Small fillers ("so", "very") may sit between phrase words.
import { isPunctuation, type Token } from './tokenize.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The first rule whose phrase ends here, or -1. */
  rule: number;
  /** Further rules that share the exact phrase ("thanks for flying with us" is gratitude and warmth). */
  also?: number[];
}

export interface PhraseMatch {
  rule: number;
  start: number;
  /** One past the last token of the match. */
  end: number;
}

/** The pattern word `*`: any one word (not punctuation), for phrases with a slot ("we will * help"). */
export const ANY_WORD = '*';

/** "I am so very truly sorry" is three fillers; more than that and the words no longer form one phrase. */
const MAX_FILLERS = 3;

/** Leaves, most of the trie's nodes, share one empty map until a phrase grows past them: the built-in
 * rules expand to about 64,000 phrases, and a map for each leaf held 27 MB for the trie instead of 15.5. */
const NO_CHILDREN: Map<string, TrieNode> = new Map();

function newNode(): TrieNode {
  return { next: NO_CHILDREN, rule: -1 };
}

export class PhraseIndex {
  private readonly root = newNode();

  constructor(private readonly fillers: ReadonlySet<string>) {}

  /** Adds one phrase; the first rule to claim an exact phrase keeps it. */
  add(sequence: readonly string[], rule: number): void {
    let node = this.root;
    for (const word of sequence) {
      let child = node.next.get(word);
      if (!child) {
        child = newNode();
        if (node.next === NO_CHILDREN) node.next = new Map();
        node.next.set(word, child);
      }
      node = child;
    }
    if (node.rule < 0) node.rule = rule;
    else if (node.rule !== rule && !node.also?.includes(rule)) (node.also ??= []).push(rule);
  }

  /** Every rule of the phrase that spans start..end: the first, then any that share it. */
  rulesOf(tokens: readonly Token[], match: PhraseMatch): number[] {
    const node = this.nodeAt(tokens, match.start, match.end);
    return node ? [node.rule, ...(node.also ?? [])] : [match.rule];
  }

  /** The longest phrase starting at `start`, skipping fillers inside it. */
  longestAt(tokens: readonly Token[], start: number): PhraseMatch | undefined {
    const first = this.root.next.get(tokens[start]!.norm);
    if (!first) return undefined;
    const end = this.deepest(tokens, first, start + 1);
    return end > 0 ? { rule: this.ruleAt(tokens, start, end), start, end } : undefined;
  }

  /** The end of the longest phrase reachable from `node` at token `i`, or -1. Up to MAX_FILLERS
   * fillers may stand before the next phrase word; a filler that is also a phrase word ("do" in
   * "I really do understand" and in "I do not care") is tried both ways. */
  private deepest(tokens: readonly Token[], node: TrieNode, i: number): number {
    let best = node.rule >= 0 ? i : -1;
    if (node.next.size === 0) return best;
    for (let j = i; j < Math.min(tokens.length, i + MAX_FILLERS + 1); j++) {
      const word = tokens[j]!.norm;
      const child = node.next.get(word);
      if (child) best = Math.max(best, this.deepest(tokens, child, j + 1));
      const any = isPunctuation(word) ? undefined : node.next.get(ANY_WORD);
      if (any) best = Math.max(best, this.deepest(tokens, any, j + 1));
      if (!this.fillers.has(word)) break;
    }
    return best;
  }

  /** The rule of the phrase that spans start..end, found along the same paths. */
  private ruleAt(tokens: readonly Token[], start: number, end: number): number {
    return this.nodeAt(tokens, start, end)?.rule ?? -1;
  }

  private nodeAt(tokens: readonly Token[], start: number, end: number): TrieNode | undefined {
    const walk = (node: TrieNode, i: number): TrieNode | undefined => {
      if (i === end) return node.rule >= 0 ? node : undefined;
      for (let j = i; j < end; j++) {
        const word = tokens[j]!.norm;
        const child = node.next.get(word);
        const found = (child ? walk(child, j + 1) : undefined) ?? (isPunctuation(word) ? undefined : node.next.has(ANY_WORD) ? walk(node.next.get(ANY_WORD)!, j + 1) : undefined);
        if (found) return found;
        if (!this.fillers.has(word)) break;
      }
      return undefined;
    };
    const first = this.root.next.get(tokens[start]!.norm);
    return first ? walk(first, start + 1) : undefined;
  }

  /** Whether some phrase of this index starts within `window` tokens after `from` (punctuation counts toward the window). */
  startsWithin(tokens: readonly Token[], from: number, window: number): boolean {
    for (let i = from; i < Math.min(tokens.length, from + window); i++) if (this.longestAt(tokens, i)) return true;
    return false;
  }

  /** Whether some phrase of this index ends within `window` tokens before `before`: with a window of 1 it
   * must end right before it, as a followedBy phrase with a window of 1 must start right after a match. */
  endsWithin(tokens: readonly Token[], before: number, window: number): boolean {
    for (let i = Math.max(0, before - window - 4); i < before; i++) {
      const match = this.longestAt(tokens, i);
      if (match && match.end <= before && match.end > before - window) return true;
    }
    return false;
  }
}

/** Whether a negator stands in the same clause within `window` words before `start`: punctuation and
 * clause words end its reach ("it didn't arrive and we'll find it"). */
export function negatedBefore(tokens: readonly Token[], start: number, negators: ReadonlySet<string>, window: number, clauseWords: ReadonlySet<string>): boolean {
  let words = 0;
  for (let i = start - 1; i >= 0 && words < window; i--) {
    const norm = tokens[i]!.norm;
    if (isPunctuation(norm) || clauseWords.has(norm)) return false;
    if (negators.has(norm)) return true;
    words += 1;
  }
  return false;
}
