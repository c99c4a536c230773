import { describe, expect, it } from 'vitest';
import { loadBuiltinRules, loadLexicon } from '../../src/detect/load-rules.js';
import { PhraseIndex, type EncodedIndex } from '../../src/detect/phrase-index.js';
import { tokenize } from '../../src/detect/tokenize.js';

const lexicon = loadLexicon();
const PATTERNS: [string, number][] = [
  ['(we|i) (are|am) (so|very)? sorry', 0],
  ['we will * help', 1],
  ['thanks for flying with us', 2],
  ['thanks for flying with us', 3],
  ['(i|we) understand (how|why) (frustrating|annoying)', 4],
  ['sorry', 0],
];
const TEXTS = ['We are so very sorry, we will gladly help.', 'Thanks for flying with us!', 'I understand how frustrating this is. Sorry.', 'we will not help', 'nothing here'];

/** Two encoded indexes are equal (the arrays compared as bytes: a deep compare of a million numbers is slow). */
function expectSame(a: EncodedIndex, b: EncodedIndex): void {
  expect(a.words).toEqual(b.words);
  expect(a.ruleLists).toEqual(b.ruleLists);
  for (const key of ['rules', 'any', 'first', 'edgeWord', 'edgeChild'] as const) {
    expect(a[key].length, key).toBe(b[key].length);
    expect(Buffer.from(a[key].buffer, a[key].byteOffset, a[key].byteLength).equals(Buffer.from(b[key].buffer, b[key].byteOffset, b[key].byteLength)), key).toBe(true);
  }
}

/** Every match longestAt finds in a text, as [start, end, rules]. */
function matches(index: PhraseIndex, text: string): [number, number, readonly number[]][] {
  const tokens = tokenize(text);
  return tokens.flatMap((_, i) => {
    const m = index.longestAt(tokens, i);
    return m ? [[m.start, m.end, m.rules] as [number, number, readonly number[]]] : [];
  });
}

describe('a phrase index written out and read back', () => {
  it('is the same trie, node for node, and finds the same phrases', () => {
    const built = PhraseIndex.of(lexicon.fillers, PATTERNS, lexicon.negators);
    const encoded = built.encode();
    const read = PhraseIndex.decode(lexicon.fillers, lexicon.negators, encoded);
    expectSame(read.encode(), encoded);
    for (const text of TEXTS) expect(matches(read, text)).toEqual(matches(built, text));
    expect(matches(read, 'Thanks for flying with us')[0]![2]).toEqual([2, 3]);
    expect(matches(read, 'we will not help')).toEqual([]);
  });

  it('holds the built-in rules whole', () => {
    const rules = loadBuiltinRules();
    const built = PhraseIndex.of(lexicon.fillers, rules.flatMap((spec, i) => spec.phrases.map((p) => [p, i] as const)), lexicon.negators);
    const encoded = built.encode();
    expect(encoded.words.length).toBeGreaterThan(1000);
    expectSame(PhraseIndex.decode(lexicon.fillers, lexicon.negators, encoded).encode(), encoded);
  });
});

describe("the build's snapshot (npm test builds first)", () => {
  const dist = '../../dist/detect/';
  it('is the index the built-in rules make, and is read in place of building it', async () => {
    const snapshot = await import(`${dist}index-snapshot.js`);
    const { PhraseIndex: DistIndex } = await import(`${dist}phrase-index.js`);
    const { loadBuiltinRules: distRules, loadLexicon: distLexicon } = await import(`${dist}load-rules.js`);
    const { rulePatterns } = await import(`${dist}phrase-detector.js`);
    const lex = distLexicon();
    // The rules' index and the counter rules' own.
    for (const counter of [false, true]) {
      const patterns = rulePatterns(distRules(), counter);
      expect(patterns.length).toBeGreaterThan(20);
      const fromSnapshot = snapshot.phraseIndex(lex.fillers, patterns, lex.negators, lex.shorthand);
      expectSame(fromSnapshot.encode(), DistIndex.of(lex.fillers, patterns, lex.negators, lex.shorthand).encode());
      // Read once, then shared: the same object for the same rules.
      expect(snapshot.phraseIndex(lex.fillers, patterns, lex.negators, lex.shorthand)).toBe(fromSnapshot);
    }
  });

  it('is not used for other rules: a team rule added to the built-in ones is matched', async () => {
    const snapshot = await import(`${dist}index-snapshot.js`);
    const { loadBuiltinRules: distRules, loadLexicon: distLexicon } = await import(`${dist}load-rules.js`);
    const { tokenize: distTokenize } = await import(`${dist}tokenize.js`);
    const lex = distLexicon();
    const rules = distRules();
    const patterns = [...rules.flatMap((spec: { phrases: string[] }, i: number) => spec.phrases.map((p) => [p, i] as const)), ['per our zebra policy', rules.length] as const];
    const index = snapshot.phraseIndex(lex.fillers, patterns, lex.negators, lex.shorthand);
    expect(index.longestAt(distTokenize('per our zebra policy'), 0)?.rules).toEqual([rules.length]);
  });
});
