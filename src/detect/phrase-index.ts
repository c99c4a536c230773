// One trie over normalised tokens for every phrase of every rule: a turn is matched in a single
// pass, whatever the number of rules. Small fillers ("so", "very") may sit between phrase words.
import { isPunctuation, type Token } from './tokenize.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The rule whose phrase ends here, or -1. */
  rule: number;
}

export interface PhraseMatch {
  rule: number;
  start: number;
  /** One past the last token of the match. */
  end: number;
}

function newNode(): TrieNode {
  return { next: new Map(), rule: -1 };
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
        node.next.set(word, child);
      }
      node = child;
    }
    if (node.rule < 0) node.rule = rule;
  }

  /** The longest phrase starting at `start`, skipping fillers inside it. */
  longestAt(tokens: readonly Token[], start: number): PhraseMatch | undefined {
    const first = this.root.next.get(tokens[start]!.norm);
    if (!first) return undefined;
    let node: TrieNode = first;
    let best: PhraseMatch | undefined = node.rule >= 0 ? { rule: node.rule, start, end: start + 1 } : undefined;
    let i = start + 1;
    while (i < tokens.length) {
      const word = tokens[i]!.norm;
      const child: TrieNode | undefined = node.next.get(word);
      if (child) {
        node = child;
        i += 1;
        if (node.rule >= 0) best = { rule: node.rule, start, end: i };
      } else if (this.fillers.has(word) && node.next.size > 0) {
        i += 1;
      } else break;
    }
    return best;
  }

  /** Whether some phrase of this index starts within `window` tokens after `from` (punctuation counts toward the window). */
  startsWithin(tokens: readonly Token[], from: number, window: number): boolean {
    for (let i = from; i < Math.min(tokens.length, from + window); i++) if (this.longestAt(tokens, i)) return true;
    return false;
  }

  /** Whether some phrase of this index ends within `window` tokens before `before`. */
  endsWithin(tokens: readonly Token[], before: number, window: number): boolean {
    for (let i = Math.max(0, before - window - 4); i < before; i++) {
      const match = this.longestAt(tokens, i);
      if (match && match.end <= before && match.end >= before - window) return true;
    }
    return false;
  }
}

/** Whether a negator stands in the same clause within `window` words before `start`. */
export function negatedBefore(tokens: readonly Token[], start: number, negators: ReadonlySet<string>, window: number): boolean {
  let words = 0;
  for (let i = start - 1; i >= 0 && words < window; i--) {
    const norm = tokens[i]!.norm;
    if (isPunctuation(norm) || norm === 'but') return false;
    if (negators.has(norm)) return true;
    words += 1;
  }
  return false;
}
