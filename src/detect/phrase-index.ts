// One trie over normalised tokens for every phrase of every rule: a turn is matched in a single
// pass, whatever the number of rules. Small fillers ("so", "very") may sit between phrase words.
import { isPunctuation, leadingStop, type Token } from './tokenize.js';
import { buildTrie, type FlatTrie } from './trie-builder.js';

export interface PhraseMatch {
  /** The first rule of the phrase, then every rule that shares it. */
  rules: readonly number[];
  start: number;
  /** One past the last token of the match. */
  end: number;
}

/** An index written out (index-snapshot.ts keeps one from the build): its flat trie as it is. */
export type EncodedIndex = FlatTrie;

/** "I am so very truly sorry" is three fillers; more than that and the words no longer form one phrase. */
const MAX_FILLERS = 3;
/** A token's word id not looked up yet; -1 is a word no phrase holds. */
const UNSEEN = -2;

export class PhraseIndex {
  private readonly vocabulary: Map<string, number>;
  /** The root's child for each word id (-1 for none): every token is looked up there. */
  private readonly rootChild: Int32Array;
  /** The word id of ".", which the end of a turn also stands for; -1 when no phrase holds it. */
  private readonly stopId: number;
  /** The longest phrase found so far by `deepest`: where it ends, and its last node. */
  private bestEnd = -1;
  private bestNode = -1;
  /** Matches ending after this token are not kept (endsWithin sets it). */
  private endLimit = Infinity;
  /** What span() works out once. */
  private reach: number | undefined;
  /** The tokens last matched on, and their word ids, looked up once each. */
  private seen: readonly Token[] | undefined;
  private ids = new Int32Array(256);
  /** Each token's place in `expansions` ("u" is "you"), looked up once each; -1 for none. */
  private aliasIds = new Int32Array(256);
  /** What each shorthand stands for, as the word ids of each reading ("ur": "your", and "you are"). */
  private readonly expansions: (readonly Int32Array[])[] = [];
  private readonly expansionOf = new Map<string, number>();

  private constructor(
    private readonly fillers: ReadonlySet<string>,
    /** Words an any-word slot does not take: with negators here, "we can * help you" does not match
     * "we can not help you". */
    private readonly notInSlot: ReadonlySet<string>,
    private readonly trie: FlatTrie,
    /** Chat shorthand and the words it stands for: "u" for "you", "ur" for "your" and "you are". */
    private readonly shorthand: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.vocabulary = new Map(trie.words.map((word, id) => [word, id]));
    this.stopId = this.vocabulary.get('.') ?? -1;
    this.rootChild = new Int32Array(trie.words.length).fill(-1);
    for (let e = trie.first[0]!; e < trie.first[1]!; e++) this.rootChild[trie.edgeWord[e]!] = trie.edgeChild[e]!;
  }

  /** The index of phrase patterns (phrase-pattern.ts), each with the rule it belongs to. */
  static of(fillers: ReadonlySet<string>, patterns: Iterable<readonly [pattern: string, rule: number]>, notInSlot: ReadonlySet<string> = new Set(), shorthand: ReadonlyMap<string, readonly string[]> = new Map()): PhraseIndex {
    return new PhraseIndex(fillers, notInSlot, buildTrie(fillers, patterns), shorthand);
  }

  /** The index encode() wrote. */
  static decode(fillers: ReadonlySet<string>, notInSlot: ReadonlySet<string>, encoded: EncodedIndex, shorthand: ReadonlyMap<string, readonly string[]> = new Map()): PhraseIndex {
    return new PhraseIndex(fillers, notInSlot, encoded, shorthand);
  }

  /** The index as plain data, for decode(). */
  encode(): EncodedIndex {
    return this.trie;
  }

  /** The longest phrase starting at `start`, skipping fillers inside it. */
  longestAt(tokens: readonly Token[], start: number): PhraseMatch | undefined {
    if (tokens !== this.seen) this.lookUp(tokens);
    const word = this.wordAt(tokens, start);
    const first = word < 0 ? -1 : this.rootChild[word]!;
    // Shorthand is tried beside the word itself: "u" starts phrases of its own and every phrase of "you".
    const alias = this.shorthand.size > 0 ? this.aliasAt(tokens, start) : -1;
    if (first < 0 && alias < 0) return undefined;
    this.bestEnd = -1;
    this.bestNode = -1;
    if (first >= 0) this.deepest(tokens, first, start + 1);
    if (alias >= 0) this.throughAlias(tokens, alias, 0, first, start + 1);
    return this.bestNode < 0 ? undefined : { rules: this.trie.ruleLists[this.trie.rules[this.bestNode]!]!, start, end: this.bestEnd };
  }

  /** Starts the word ids of new tokens, each looked up when first needed. */
  private lookUp(tokens: readonly Token[]): void {
    this.seen = tokens;
    if (this.ids.length < tokens.length) this.ids = new Int32Array(Math.max(tokens.length, 2 * this.ids.length));
    this.ids.fill(UNSEEN, 0, tokens.length);
    if (this.shorthand.size === 0) return;
    if (this.aliasIds.length < tokens.length) this.aliasIds = new Int32Array(this.ids.length);
    this.aliasIds.fill(UNSEEN, 0, tokens.length);
  }

  /** The place in `expansions` of what the token's shorthand stands for, or -1. */
  private aliasAt(tokens: readonly Token[], i: number): number {
    let id = this.aliasIds[i]!;
    if (id === UNSEEN) this.aliasIds[i] = id = this.expansionAt(tokens[i]!.norm);
    return id;
  }

  /** The readings of a shorthand whose every word some phrase holds, kept once per shorthand. */
  private expansionAt(norm: string): number {
    const full = this.shorthand.get(norm);
    if (full === undefined) return -1;
    const known = this.expansionOf.get(norm);
    if (known !== undefined) return known;
    const readings = full
      .map((reading) => Int32Array.from(reading.split(' '), (word) => this.vocabulary.get(word) ?? -1))
      .filter((ids) => ids.every((id) => id >= 0));
    const at = readings.length === 0 ? -1 : this.expansions.push(readings) - 1;
    this.expansionOf.set(norm, at);
    return at;
  }

  /** Walks on from `node` (the root when it is 0) through each reading of a shorthand, then from token
   * `next` on, skipping the child the token itself reached (`reached`). */
  private throughAlias(tokens: readonly Token[], alias: number, node: number, reached: number, next: number): void {
    const readings = this.expansions[alias]!;
    for (let r = 0; r < readings.length; r++) {
      const ids = readings[r]!;
      let at = node === 0 ? this.rootChild[ids[0]!]! : this.childOf(node, ids[0]!);
      for (let k = 1; k < ids.length && at >= 0; k++) at = this.childOf(at, ids[k]!);
      if (at >= 0 && at !== reached) this.deepest(tokens, at, next);
    }
  }

  /** The token's word id; a run of marks no phrase holds as it is ("!!", "...") is its first mark. */
  private wordAt(tokens: readonly Token[], i: number): number {
    let id = this.ids[i]!;
    if (id === UNSEEN) {
      const norm = tokens[i]!.norm;
      id = this.vocabulary.get(norm) ?? -1;
      if (id < 0) {
        const stop = leadingStop(norm);
        if (stop !== undefined) id = this.vocabulary.get(stop) ?? -1;
      }
      this.ids[i] = id;
    }
    return id;
  }

  /** The child of `node` for word id `word`, or -1: a binary search of its children, sorted by word. */
  private childOf(node: number, word: number): number {
    const { first, edgeWord, edgeChild } = this.trie;
    let low = first[node]!;
    let high = first[node + 1]!;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const at = edgeWord[mid]!;
      if (at === word) return edgeChild[mid]!;
      if (at < word) low = mid + 1;
      else high = mid;
    }
    return -1;
  }

  /** Walks every path from `node` at token `i` and keeps the first that reaches furthest. Up to
   * MAX_FILLERS fillers may stand before the next phrase word; a filler that is also a phrase word
   * ("do" in "I really do understand" and in "I do not care") is tried both ways. */
  private deepest(tokens: readonly Token[], node: number, i: number): void {
    const { rules, any, first } = this.trie;
    if (i > this.endLimit) return;
    if (rules[node]! >= 0 && i > this.bestEnd) {
      this.bestEnd = i;
      this.bestNode = node;
    }
    // The end of a turn ends its last sentence: "You're wrong" is "you are wrong (.|!)" as "You're wrong." is.
    if (i === tokens.length && this.stopId >= 0) {
      const stop = this.childOf(node, this.stopId);
      if (stop >= 0 && rules[stop]! >= 0 && i > this.bestEnd) {
        this.bestEnd = i;
        this.bestNode = stop;
      }
    }
    const slot = any[node]!;
    if (slot < 0 && first[node] === first[node + 1]) return;
    const limit = Math.min(tokens.length, i + MAX_FILLERS + 1);
    for (let j = i; j < limit; j++) {
      const word = this.wordAt(tokens, j);
      const child = word < 0 ? -1 : this.childOf(node, word);
      if (child >= 0) this.deepest(tokens, child, j + 1);
      if (this.shorthand.size > 0) {
        const alias = this.aliasAt(tokens, j);
        if (alias >= 0) this.throughAlias(tokens, alias, node, child, j + 1);
      }
      const norm = tokens[j]!.norm;
      if (slot >= 0 && !isPunctuation(norm) && !this.notInSlot.has(norm)) this.deepest(tokens, slot, j + 1);
      if (!this.fillers.has(norm)) break;
    }
  }

  /** Whether some phrase of this index starts within `window` tokens after `from` (punctuation counts toward the window). */
  startsWithin(tokens: readonly Token[], from: number, window: number): boolean {
    for (let i = from; i < Math.min(tokens.length, from + window); i++) if (this.longestAt(tokens, i)) return true;
    return false;
  }

  /** How many tokens the longest phrase may cover, fillers between its words included: how far back
   * endsWithin must look for the start of a phrase that ends near it. */
  private span(): number {
    if (this.reach === undefined) {
      const { first, edgeChild, any } = this.trie;
      let deepest = 0;
      const stack: [node: number, depth: number][] = [[0, 0]];
      while (stack.length > 0) {
        const [node, depth] = stack.pop()!;
        deepest = Math.max(deepest, depth);
        for (let e = first[node]!; e < first[node + 1]!; e++) stack.push([edgeChild[e]!, depth + 1]);
        if (any[node]! >= 0) stack.push([any[node]!, depth + 1]);
      }
      this.reach = deepest + Math.max(0, deepest - 1) * MAX_FILLERS;
    }
    return this.reach;
  }

  /** Whether some phrase of this index ends within `window` tokens before `before`: with a window of 1 it
   * must end right before it, as a followedBy phrase with a window of 1 must start right after a match. */
  endsWithin(tokens: readonly Token[], before: number, window: number): boolean {
    // Only phrases that end by `before` count: a longer one from the same start ("is there anything"
    // beside "is there") must not hide a shorter one that does.
    this.endLimit = before;
    try {
      for (let i = Math.max(0, before - window - this.span()); i < before; i++) {
        const match = this.longestAt(tokens, i);
        if (match && match.end > before - window) return true;
      }
      return false;
    } finally {
      this.endLimit = Infinity;
    }
  }
}

/** What negation needs from the lexicon (load-rules.ts). */
export interface Negation {
  negators: ReadonlySet<string>;
  negationWindow: number;
  clauseWords: ReadonlySet<string>;
  /** Fillers: a clause word that is also one ("so") opens no clause at a phrase's start ("not so sorry"). */
  fillers: ReadonlySet<string>;
  /** Word sequences in which a negator negates nothing ("oh no", "without a doubt"), as tokens. */
  notNegating: readonly (readonly string[])[];
  /** Subjects that open a clause of their own ("we apologize"), and the words before them ("sure",
   * "something") after which they do not. */
  clauseSubjects: ReadonlySet<string>;
  subjectTakers: ReadonlySet<string>;
  /** Negators that govern the noun after them ("without"), and the verbs that end their reach: "starting
   * your trip without your belongings is a tough situation" does not negate "is a tough situation". */
  nounNegators: ReadonlySet<string>;
  clauseVerbs: ReadonlySet<string>;
  /** A negator on the verb of a clause of its own ("a door that won't open") ends its reach at the
   * sentence's verb after that verb ("…is such a pain"): see ownClause. */
  verbNegators: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  sentenceVerbs: ReadonlySet<string>;
  /** Words before a negator that make it name one thing set against another ("and not courgettes"). */
  contrasts: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  /** Words that are not a one-word object of that verb ("I don't think it is…"); any other word may stand there:
   * "a child who can't have dairy is…". */
  notObjects: ReadonlySet<string>;
}

/** Whether the text between two tokens ends a clause though it is no token: a line break, a bullet, a bar
 * or slash, an emoji or other symbol ("Not sure yet 😕 sorry about that"). Most gaps are one space. */
function clauseGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) continue;
    if (c === 10 || c === 13 || c === 47 || c === 124 || c === 0xb7 || c === 0x2022) return true;
    // Geometric shapes and symbols (▪ ● ◦ ☹ ✔ ❤), and the surrogate pairs most emoji are written in.
    if ((c >= 0x25a0 && c <= 0x27bf) || (c >= 0xd800 && c <= 0xdbff)) return true;
  }
  return false;
}

/** Whether a negator stands in the same clause within `negationWindow` words before `start`: punctuation
 * and clause words end its reach ("it didn't arrive and we'll find it"), as do the line breaks, bullets
 * and emoji between tokens in the turn's `text` (clauseGap), and a phrase that opens with its own subject
 * ("does not accept we apologize"), with a clause word ("not refunding you because you didn't like…") or
 * with punctuation ("you didn't pay it, simple as that"), and a negated verb with the sentence's verb after
 * it ("a door that won't open is such a pain");
 * a negator inside an idiom such as "oh no" or "without a doubt" does not count. */
export function negatedBefore(tokens: readonly Token[], start: number, negation: Negation, text?: string): boolean {
  const { negators, negationWindow, clauseWords, fillers, notNegating, clauseSubjects, subjectTakers, nounNegators, clauseVerbs } = negation;
  if (start > 0 && clauseSubjects.has(tokens[start]!.norm) && !subjectTakers.has(tokens[start - 1]!.norm)) return false;
  if (clauseWords.has(tokens[start]!.norm) && !fillers.has(tokens[start]!.norm)) return false;
  if (isPunctuation(tokens[start]!.norm)) return false;
  let words = 0;
  for (let i = start - 1; i >= 0 && words < negationWindow; i--) {
    if (text !== undefined && clauseGap(text, tokens[i]!.end, tokens[i + 1]!.start)) return false;
    const norm = tokens[i]!.norm;
    if (isPunctuation(norm) || clauseWords.has(norm)) return false;
    if (negators.has(norm) && !(nounNegators.has(norm) && verbAfter(tokens, i, start, clauseVerbs)) && !notNegating.some((idiom) => inIdiom(tokens, i, idiom))) return !ownClause(tokens, i, start, negation);
    words += 1;
  }
  return false;
}

/** Whether the negator at `i` negates the verb after it, and the sentence's own verb follows that verb (and its
 * particle or a one-word object), up to and including the phrase's first word: "that won't open is", "that never
 * turns up is", "who can't have dairy is", "not knowing is". The word is a verb when the negator is one that only
 * verbs take ("never"), stands after an auxiliary ("will not", "has not") or comes before an -ing or -ed form; after
 * "and" or "but" (the lexicon's contrasts) the word after the negator is the one thing set aside ("and not courgettes
 * must"); "not everyone is" keeps its negation, as "I don't think it is" does (a pronoun is no object here). */
function ownClause(tokens: readonly Token[], i: number, start: number, { verbNegators, auxiliaries, sentenceVerbs, particles, fillers, notObjects, contrasts }: Negation): boolean {
  const next = tokens[i + 2]?.norm ?? '';
  const object = next !== '' && !notObjects.has(next) && !isPunctuation(next) && !sentenceVerbs.has(next) && sentenceVerbs.has(tokens[i + 3]?.norm ?? '');
  const after = particles.has(next) || object ? i + 3 : i + 2;
  if (after > start || !sentenceVerbs.has(tokens[after]!.norm)) return false;
  const word = tokens[i + 1]!.norm;
  if (fillers.has(word) || isPunctuation(word)) return false;
  if (verbNegators.has(tokens[i]!.norm) || (i > 0 && auxiliaries.has(tokens[i - 1]!.norm)) || /[a-z](ing|ed)$/.test(word)) return true;
  // "X and not Y" names the one thing that is not: "…marigolds and not courgettes must have been most frustrating".
  return after === i + 2 && i > 0 && contrasts.has(tokens[i - 1]!.norm) && !notObjects.has(word);
}

/** Whether a verb stands after the negator at `i`, up to and including the phrase's first word. */
function verbAfter(tokens: readonly Token[], i: number, start: number, verbs: ReadonlySet<string>): boolean {
  for (let j = i + 1; j <= start; j++) if (verbs.has(tokens[j]!.norm)) return true;
  return false;
}

/** Whether the token at `i` is part of `idiom` there. */
function inIdiom(tokens: readonly Token[], i: number, idiom: readonly string[]): boolean {
  return idiom.some((word, k) => word === tokens[i]!.norm && idiom.every((w, j) => tokens[i - k + j]?.norm === w));
}
