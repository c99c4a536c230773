// One trie over normalised tokens for every phrase of every rule: a turn is matched in a single
// pass, whatever the number of rules. Small fillers ("so", "very") may sit between phrase words.
import { patternPieces, type Piece } from './phrase-pattern.js';
import { isPunctuation, type Token } from './tokenize.js';

/** Every node has the same fields from the start, so that V8 gives them all one compact shape. */
interface TrieNode {
  /** The only child, when there is one: most nodes with children have just one, and two fields hold it
   * in far less memory than a map (the built-in rules expand to about 185,000 phrases). */
  word: string | undefined;
  child: TrieNode | undefined;
  /** The children, once there are two or more. */
  next: Map<string, TrieNode> | undefined;
  /** The child for the any-word slot, kept apart: it is tried after every word, and a field costs
   * less than a second map lookup. */
  any: TrieNode | undefined;
  /** The rules whose phrase ends here, first come first, or undefined: an exact phrase may belong to
   * more than one ("thanks for flying with us" is gratitude and warmth). Nodes of one rule share a list. */
  rules: readonly number[] | undefined;
}

export interface PhraseMatch {
  /** The first rule of the phrase, then every rule that shares it. */
  rules: readonly number[];
  start: number;
  /** One past the last token of the match. */
  end: number;
}

/** The pattern word `*`: any one word (not punctuation), for phrases with a slot ("we will * help"). */
export const ANY_WORD = '*';

/** "I am so very truly sorry" is three fillers; more than that and the words no longer form one phrase. */
const MAX_FILLERS = 3;

function newNode(): TrieNode {
  return { word: undefined, child: undefined, next: undefined, any: undefined, rules: undefined };
}

function childOf(node: TrieNode, word: string): TrieNode | undefined {
  return node.word === word ? node.child : node.next?.get(word);
}

function hasChildren(node: TrieNode): boolean {
  return node.child !== undefined || node.next !== undefined || node.any !== undefined;
}

function addChild(node: TrieNode, word: string, child: TrieNode): void {
  if (word === ANY_WORD) {
    node.any = child;
    return;
  }
  if (node.child === undefined && node.next === undefined) {
    node.word = word;
    node.child = child;
    return;
  }
  if (!node.next) {
    node.next = new Map([[node.word!, node.child!]]);
    node.word = undefined;
    node.child = undefined;
  }
  node.next.set(word, child);
}

/** An index written out as numbers (index-snapshot.ts keeps one from the build): the words and the rule
 * lists as tables, then the nodes in preorder, each as its rule list (-1 for none), its number of word
 * children and whether it has an any-word child, followed by each word child (its word, then the node),
 * then the any-word child. */
export interface EncodedIndex {
  words: string[];
  ruleLists: number[][];
  nodes: Int32Array;
}

export class PhraseIndex {
  /** The longest phrase found so far by `deepest`: where it ends, and its last node. */
  private bestEnd = -1;
  private bestNode: TrieNode | undefined;
  /** One shared list per rule for the nodes of one rule alone. */
  private readonly single = new Map<number, readonly number[]>();

  private constructor(
    private readonly fillers: ReadonlySet<string>,
    /** Words an any-word slot does not take: with negators here, "we can * help you" does not match
     * "we can not help you". */
    private readonly notInSlot: ReadonlySet<string>,
    private readonly root: TrieNode = newNode(),
  ) {}

  /** The index of phrase patterns (phrase-pattern.ts), each with the rule it belongs to. Once every
   * phrase is in, a phrase's last node with nothing after it (most of the trie's nodes) is shared by every
   * phrase that ends the same way: with 126,000 phrases, 14 MB of heap instead of 22 for the rules and
   * their index. */
  static of(fillers: ReadonlySet<string>, patterns: Iterable<readonly [pattern: string, rule: number]>, notInSlot: ReadonlySet<string> = new Set()): PhraseIndex {
    const index = new PhraseIndex(fillers, notInSlot);
    for (const [pattern, rule] of patterns) index.addPattern(patternPieces(pattern, fillers), rule);
    index.shareLeaves();
    return index;
  }

  /** Adds every phrase a pattern stands for (expandPattern's), piece by piece: the nodes its variants
   * have reached so far step on together, so the phrases (some 185,000) are never written out one by one. */
  private addPattern(pieces: readonly Piece[], rule: number): void {
    let reached: TrieNode[] = [this.root];
    for (const { choices, optional } of pieces) {
      const next = new Set<TrieNode>();
      for (const node of reached) {
        for (const choice of choices) next.add(this.path(node, choice));
        if (optional) next.add(node);
      }
      reached = [...next];
    }
    for (const node of reached) if (node !== this.root) this.claim(node, rule);
  }

  /** The node `words` lead to from `node`, made where missing. */
  private path(node: TrieNode, words: readonly string[]): TrieNode {
    for (const word of words) {
      let child = word === ANY_WORD ? node.any : childOf(node, word);
      if (!child) {
        child = newNode();
        addChild(node, word, child);
      }
      node = child;
    }
    return node;
  }

  /** Marks a phrase's last node; the first rule to claim an exact phrase keeps it. */
  private claim(node: TrieNode, rule: number): void {
    if (!node.rules) {
      let alone = this.single.get(rule);
      if (!alone) this.single.set(rule, (alone = [rule]));
      node.rules = alone;
    } else if (!node.rules.includes(rule)) node.rules = [...node.rules, rule];
  }

  /** Replaces each leaf by the first leaf with the same rules: leaves never change once the index is
   * built, as phrases are only added before. */
  private shareLeaves(): void {
    const shared = new Map<string, TrieNode>();
    const leaf = (node: TrieNode): TrieNode => {
      const key = node.rules!.join(',');
      const first = shared.get(key);
      if (first) return first;
      shared.set(key, node);
      return node;
    };
    const walk = (node: TrieNode): void => {
      if (node.any) {
        if (hasChildren(node.any)) walk(node.any);
        else node.any = leaf(node.any);
      }
      if (node.child) {
        if (hasChildren(node.child)) walk(node.child);
        else node.child = leaf(node.child);
      } else if (node.next) {
        for (const [word, child] of node.next) {
          if (hasChildren(child)) walk(child);
          else node.next.set(word, leaf(child));
        }
      }
    };
    walk(this.root);
  }

  /** The index as numbers, for decode(). */
  encode(): EncodedIndex {
    const words = new Map<string, number>();
    const lists = new Map<string, number>();
    const out: number[] = [];
    const id = <K>(table: Map<K, number>, key: K): number => {
      let n = table.get(key);
      if (n === undefined) table.set(key, (n = table.size));
      return n;
    };
    const put = (node: TrieNode): void => {
      const children: [string, TrieNode][] = node.child ? [[node.word!, node.child]] : [...(node.next ?? [])];
      out.push(node.rules ? id(lists, node.rules.join(',')) : -1, children.length, node.any ? 1 : 0);
      for (const [word, child] of children) {
        out.push(id(words, word));
        put(child);
      }
      if (node.any) put(node.any);
    };
    put(this.root);
    return { words: [...words.keys()], ruleLists: [...lists.keys()].map((key) => key.split(',').map(Number)), nodes: Int32Array.from(out) };
  }

  /** The index encode() wrote, node for node, its leaves shared as the built index shares them. Children
   * are set as addChild leaves them (one in word/child, more in a map), but the map is made empty and
   * filled: starting it from the first child, as addChild must, made reading a third slower. */
  static decode(fillers: ReadonlySet<string>, notInSlot: ReadonlySet<string>, { words, ruleLists, nodes }: EncodedIndex): PhraseIndex {
    const leaves = new Map<number, TrieNode>();
    let at = 0;
    const take = (): TrieNode => {
      const list = nodes[at++]!;
      const wordChildren = nodes[at++]!;
      const hasAny = nodes[at++]! === 1;
      if (wordChildren === 0 && !hasAny && list >= 0) {
        const shared = leaves.get(list);
        if (shared) return shared;
      }
      const node = newNode();
      if (list >= 0) node.rules = ruleLists[list];
      if (wordChildren === 1) {
        node.word = words[nodes[at++]!];
        node.child = take();
      } else if (wordChildren > 1) {
        const next = new Map<string, TrieNode>();
        for (let k = 0; k < wordChildren; k++) {
          const word = words[nodes[at++]!]!;
          next.set(word, take());
        }
        node.next = next;
      }
      if (hasAny) node.any = take();
      if (!hasChildren(node) && list >= 0) leaves.set(list, node);
      return node;
    };
    return new PhraseIndex(fillers, notInSlot, take());
  }

  /** The longest phrase starting at `start`, skipping fillers inside it. */
  longestAt(tokens: readonly Token[], start: number): PhraseMatch | undefined {
    const first = childOf(this.root, tokens[start]!.norm);
    if (!first) return undefined;
    this.bestEnd = -1;
    this.bestNode = undefined;
    this.deepest(tokens, first, start + 1);
    const node = this.bestNode as TrieNode | undefined;
    return node ? { rules: node.rules!, start, end: this.bestEnd } : undefined;
  }

  /** Walks every path from `node` at token `i` and keeps the first that reaches furthest. Up to
   * MAX_FILLERS fillers may stand before the next phrase word; a filler that is also a phrase word
   * ("do" in "I really do understand" and in "I do not care") is tried both ways. */
  private deepest(tokens: readonly Token[], node: TrieNode, i: number): void {
    if (node.rules && i > this.bestEnd) {
      this.bestEnd = i;
      this.bestNode = node;
    }
    if (!hasChildren(node)) return;
    const limit = Math.min(tokens.length, i + MAX_FILLERS + 1);
    for (let j = i; j < limit; j++) {
      const word = tokens[j]!.norm;
      const child = childOf(node, word);
      if (child) this.deepest(tokens, child, j + 1);
      if (node.any && !isPunctuation(word) && !this.notInSlot.has(word)) this.deepest(tokens, node.any, j + 1);
      if (!this.fillers.has(word)) break;
    }
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
