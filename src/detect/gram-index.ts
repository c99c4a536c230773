// The learned empathy model's grams, indexed to read a message fast: each word an id, a pair of words
// one number, a triple its pair's index and its last word, all found by number, and no string built.
import { MESSAGE_END, MESSAGE_START, NEGATED, type Negation } from './empathy-grams.js';
import { IntTable, type EncodedIntTable } from './int-table.js';
import { isPunctuation, type Token } from './tokenize.js';

/** Word ids are below 2^14 and pair indexes below 2^16, so every key is a small integer. */
const WORDS = 2 ** 14;
const PAIRS = 2 ** 16;
/** A token's code packs its word's id, the id of its negated form and whether it is a negator. */
const NEGATED_SHIFT = 14;
const NEGATOR = 2 ** 28;

/** A GramIndex as `encode()` gives it: what the build writes out, so that a run need not index the
 * model's 60,000 grams again (empathy-snapshot.ts). */
export interface EncodedGramIndex {
  words: string[];
  wordIds: Int32Array;
  negatedWords: string[];
  negatedIds: Int32Array;
  wordRow: Int32Array;
  pairs: EncodedIntTable;
  pairRow: Int32Array;
  triples: EncodedIntTable;
  /** How many grams the model holds. */
  size: number;
}

export class GramIndex {
  private readonly ids: Map<string, number>;
  private readonly negatedIds: Map<string, number>;
  /** Per word the model holds or a negator: its code, one lookup per token. */
  private readonly codes = new Map<string, number>();
  private readonly wordRow: Int32Array;
  private readonly pairs: IntTable;
  private readonly pairRow: Int32Array;
  private readonly triples: IntTable;
  /** Per gram, the message it was last counted in: each gram counts once a message, as in training. */
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** The ids of the message's start and end (0 if the model has no gram with them). */
  private readonly startId: number;
  private readonly endId: number;

  /** `grams[row]` is the gram of row `row`: its words (as empathy-grams.ts writes them) joined by spaces;
   * or the index `encode()` gave. */
  constructor(grams: readonly string[] | EncodedGramIndex, private readonly negation: Negation) {
    if (Array.isArray(grams)) {
      const built = build(grams as readonly string[]);
      ({ ids: this.ids, negatedIds: this.negatedIds, wordRow: this.wordRow, pairs: this.pairs, triples: this.triples } = built);
      this.pairRow = Int32Array.from(built.pairRow);
      this.seen = new Uint32Array(grams.length);
    } else {
      const encoded = grams as EncodedGramIndex;
      this.ids = new Map(encoded.words.map((word, i) => [word, encoded.wordIds[i]!]));
      this.negatedIds = new Map(encoded.negatedWords.map((word, i) => [word, encoded.negatedIds[i]!]));
      this.wordRow = encoded.wordRow;
      this.pairs = new IntTable(encoded.pairs);
      this.pairRow = encoded.pairRow;
      this.triples = new IntTable(encoded.triples);
      this.seen = new Uint32Array(encoded.size);
    }
    for (const word of new Set([...this.ids.keys(), ...this.negatedIds.keys(), ...negation.negators])) {
      this.codes.set(word, (this.ids.get(word) ?? 0) | ((this.negatedIds.get(word) ?? 0) << NEGATED_SHIFT) | (negation.negators.has(word) ? NEGATOR : 0));
    }
    this.startId = this.ids.get(MESSAGE_START) ?? 0;
    this.endId = this.ids.get(MESSAGE_END) ?? 0;
  }

  /** The index as typed arrays and word lists, to write out and read back with `new GramIndex(encoded)`. */
  encode(): EncodedGramIndex {
    return {
      words: [...this.ids.keys()],
      wordIds: Int32Array.from(this.ids.values()),
      negatedWords: [...this.negatedIds.keys()],
      negatedIds: Int32Array.from(this.negatedIds.values()),
      wordRow: this.wordRow,
      pairs: this.pairs.encode(),
      pairRow: this.pairRow,
      triples: this.triples.encode(),
      size: this.seen.length,
    };
  }

  /** The rows of the grams of the model the message holds, each once, in `rows[0..n)`, with where each
   * gram's first word is among the message's words in `starts` (0 is the message's start, as in
   * `gramWords`); returns n. Both arrays are reused by the next call. */
  rows = new Int32Array(64);
  starts = new Int32Array(64);
  collect(tokens: readonly Token[]): number {
    if (this.rows.length < 3 * (tokens.length + 2)) {
      this.rows = new Int32Array(6 * (tokens.length + 2));
      this.starts = new Int32Array(6 * (tokens.length + 2));
    }
    let n = 0;
    if (++this.stamp === 2 ** 32) this.seen.fill(0), (this.stamp = 1);
    const { seen, stamp, wordRow, pairRow, pairs, triples, codes, rows, starts, startId, endId } = this;
    const window = this.negation.window;
    let previous = 0;
    let previousPair = -1;
    let reach = 0;
    for (let i = 0; i <= tokens.length + 1; i++) {
      let word: number;
      if (i === 0) word = startId;
      else if (i > tokens.length) word = endId;
      else {
        const norm = tokens[i - 1]!.norm;
        const code = codes.get(norm) ?? 0;
        if (reach > 0 && isPunctuation(norm)) reach = 0;
        word = reach > 0 ? (code >>> NEGATED_SHIFT) & (WORDS - 1) : code & (WORDS - 1);
        reach = code & NEGATOR ? window : reach > 0 ? reach - 1 : 0;
      }
      if (word === 0) {
        previous = 0;
        previousPair = -1;
        continue;
      }
      const row = wordRow[word]!;
      if (row >= 0 && seen[row] !== stamp) (seen[row] = stamp), (rows[n] = row), (starts[n++] = i);
      let pair = -1;
      if (previous !== 0) {
        pair = pairs.get(previous * WORDS + word);
        const pairGram = pair >= 0 ? pairRow[pair]! : -1;
        if (pairGram >= 0 && seen[pairGram] !== stamp) (seen[pairGram] = stamp), (rows[n] = pairGram), (starts[n++] = i - 1);
      }
      if (previousPair >= 0) {
        const triple = triples.get(previousPair * WORDS + word);
        if (triple >= 0 && seen[triple] !== stamp) (seen[triple] = stamp), (rows[n] = triple), (starts[n++] = i - 2);
      }
      previous = word;
      previousPair = pair;
    }
    return n;
  }
}

/** Indexes the grams: each word an id, each pair a number, each triple its pair's number and last word. */
function build(grams: readonly string[]) {
  const ids = new Map<string, number>();
  const negatedIds = new Map<string, number>();
  const id = (word: string): number => {
    const [map, key] = word.startsWith(NEGATED) ? [negatedIds, word.slice(NEGATED.length)] : [ids, word];
    let found = map.get(key);
    if (found === undefined) map.set(key, (found = ids.size + negatedIds.size + 1));
    return found;
  };
  const rows: [number[], number][] = grams.map((gram, row) => [gram.split(' ').map(id), row]);
  if (ids.size + negatedIds.size >= WORDS) throw new Error(`the empathy model has more than ${WORDS - 1} words`);
  const wordRow = new Int32Array(WORDS).fill(-1);
  const longer = rows.filter(([words]) => words.length > 1).length;
  const pairs = new IntTable(longer);
  const triples = new IntTable(longer);
  const pairRow: number[] = [];
  const pairOf = (a: number, b: number): number => {
    let pair = pairs.get(a * WORDS + b);
    if (pair < 0) pairs.set(a * WORDS + b, (pair = pairRow.push(-1) - 1));
    return pair;
  };
  for (const [[a, b, c], row] of rows) {
    if (b === undefined) wordRow[a!] = row;
    else if (c === undefined) pairRow[pairOf(a!, b)] = row;
    else triples.set(pairOf(a!, b) * WORDS + c, row);
  }
  if (pairRow.length >= PAIRS) throw new Error(`the empathy model has more than ${PAIRS - 1} word pairs`);
  return { ids, negatedIds, wordRow, pairs, pairRow, triples };
}
