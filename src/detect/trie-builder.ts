// Builds the phrase trie of a set of patterns as linked nodes, then lays it out flat in typed arrays
// (FlatTrie), the form phrase-index.ts matches on and the build's snapshot keeps.
import { ANY_WORD, patternPieces } from './phrase-pattern.js';

/** A trie in flat arrays: node 0 is the root; nothing in it is a JavaScript object per node, so the
 * garbage collector never walks it and a snapshot of it reads back without building anything. */
export interface FlatTrie {
  /** The words of the phrases, by id. */
  words: string[];
  /** The rule lists nodes end phrases of, by id: the first rule of the phrase, then every rule that shares it. */
  ruleLists: number[][];
  /** Per node, the id of the rule list its phrases end with, or -1. */
  rules: Int32Array;
  /** Per node, its child for the any-word slot, or -1. */
  any: Int32Array;
  /** Per node, where its word children start in `edgeWord`/`edgeChild`; one entry more than there are
   * nodes, so node n's children run up to `first[n + 1]`. */
  first: Int32Array;
  /** The word children of every node, each node's sorted by word id. */
  edgeWord: Int32Array;
  edgeChild: Int32Array;
}

/** Every node has the same fields from the start, so that V8 gives them all one compact shape. */
interface Node {
  /** The only word child, when there is one: most nodes have just one, and two fields build far
   * faster than a map. */
  word: number;
  child: Node | undefined;
  /** The word children, once there are two or more. */
  next: Map<number, Node> | undefined;
  any: Node | undefined;
  rules: number[] | undefined;
}

const newNode = (): Node => ({ word: -1, child: undefined, next: undefined, any: undefined, rules: undefined });
/** The id that stands for ANY_WORD while the trie is built. */
const ANY_ID = -1;

/** The trie of phrase patterns (phrase-pattern.ts), each with the rule it belongs to. A pattern's
 * variants step on piece by piece together, so its phrases (the built-in rules expand to over 300,000)
 * are never written out one by one. */
export function buildTrie(fillers: ReadonlySet<string>, patterns: Iterable<readonly [pattern: string, rule: number]>): FlatTrie {
  const root = newNode();
  const size = { nodes: 1 };
  const single = new Map<number, number[]>();
  const wordIds = new Map<string, number>();
  const idOf = (word: string): number => {
    if (word === ANY_WORD) return ANY_ID;
    let id = wordIds.get(word);
    if (id === undefined) wordIds.set(word, (id = wordIds.size));
    return id;
  };
  for (const [pattern, rule] of patterns) {
    let alone = single.get(rule);
    if (!alone) single.set(rule, (alone = [rule]));
    const pieces = patternPieces(pattern, fillers).map(({ choices, optional }) => ({ choices: choices.map((words) => words.map(idOf)), optional }));
    addPattern(root, pieces, alone, size);
  }
  return flatten(root, [...wordIds.keys()], size.nodes);
}

/** `alone` is the rule's own list, shared by every node that ends phrases of that rule alone. */
function addPattern(root: Node, pieces: readonly { choices: number[][]; optional: boolean }[], alone: number[], size: { nodes: number }): void {
  let reached: Node[] = [root];
  for (const { choices, optional } of pieces) {
    const next = new Set<Node>();
    for (const node of reached) {
      for (const choice of choices) next.add(path(node, choice, size));
      if (optional) next.add(node);
    }
    reached = [...next];
  }
  // The first rule to claim an exact phrase comes first in its list.
  const rule = alone[0]!;
  for (const node of reached) if (node !== root && !node.rules?.includes(rule)) node.rules = node.rules ? [...node.rules, rule] : alone;
}

/** The node `words` lead to from `node`, made where missing (and counted in `size`). */
function path(node: Node, words: readonly number[], size: { nodes: number }): Node {
  for (const word of words) {
    let child = word === ANY_ID ? node.any : node.word === word ? node.child : node.next?.get(word);
    if (!child) {
      child = newNode();
      size.nodes += 1;
      if (word === ANY_ID) node.any = child;
      else if (!node.child && !node.next) {
        node.word = word;
        node.child = child;
      }
      else {
        node.next ??= new Map([[node.word, node.child!]]);
        node.word = -1;
        node.child = undefined;
        node.next.set(word, child);
      }
    }
    node = child;
  }
  return node;
}

/** Lays the trie out flat, in preorder. A phrase's last node with nothing after it (most nodes) becomes
 * one node per rule list, shared by every phrase that ends with those rules. `size` is the number of
 * linked nodes: there are no more flat nodes or word children than that. */
function flatten(root: Node, words: string[], size: number): FlatTrie {
  const listIds = new Map<string, number>();
  const listOf = new Map<number[], number>();
  const leaves = new Map<number, number>();
  const rules = new Int32Array(size);
  const any = new Int32Array(size).fill(-1);
  const first = new Int32Array(size + 1);
  const edgeWord = new Int32Array(size);
  const edgeChild = new Int32Array(size);
  let nodes = 0;
  let edges = 0;
  const visit = (node: Node): number => {
    let list = -1;
    if (node.rules) {
      const known = listOf.get(node.rules);
      if (known !== undefined) list = known;
      else {
        const key = node.rules.join(',');
        list = listIds.get(key) ?? listIds.size;
        listIds.set(key, list);
        listOf.set(node.rules, list);
      }
    }
    const leaf = !node.child && !node.next && !node.any && list >= 0;
    const shared = leaf ? leaves.get(list) : undefined;
    if (shared !== undefined) return shared;
    const n = nodes++;
    rules[n] = list;
    first[n] = edges;
    if (leaf) leaves.set(list, n);
    if (node.child) {
      const at = edges++;
      edgeWord[at] = node.word;
      edgeChild[at] = visit(node.child);
    } else if (node.next) {
      const children = [...node.next].sort((a, b) => a[0] - b[0]);
      const at = edges;
      edges += children.length;
      for (let k = 0; k < children.length; k++) edgeWord[at + k] = children[k]![0];
      for (let k = 0; k < children.length; k++) edgeChild[at + k] = visit(children[k]![1]);
    }
    if (node.any) any[n] = visit(node.any);
    return n;
  };
  visit(root);
  first[nodes] = edges;
  return {
    words,
    ruleLists: [...listIds.keys()].map((key) => key.split(',').map(Number)),
    rules: rules.slice(0, nodes),
    any: any.slice(0, nodes),
    first: first.slice(0, nodes + 1),
    edgeWord: edgeWord.slice(0, edges),
    edgeChild: edgeChild.slice(0, edges),
  };
}
