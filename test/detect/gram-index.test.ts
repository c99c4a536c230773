import { describe, expect, it } from 'vitest';
import { gramFeatures } from '../../src/detect/empathy-grams.js';
import { GramIndex } from '../../src/detect/gram-index.js';
import { IntTable } from '../../src/detect/int-table.js';
import { loadLexicon } from '../../src/detect/load-rules.js';
import { tokenize } from '../../src/detect/tokenize.js';

const negation = { negators: loadLexicon().negators, window: 3 };
const texts = [
  "We can't wait. We can't wait!",
  "I don't understand, sorry. Not at all, we never ever want you to feel that way.",
  'No no no no',
  'Hi',
  'Sorry!!! ... ok?',
  'Nothing we can do without a receipt — we hear you though.',
  '申し訳ございません。We hear you',
];

/** The grams the index finds in a message, as the training script names them. */
function collected(index: GramIndex, grams: string[], text: string): string[] {
  const n = index.collect(tokenize(text));
  return [...index.rows.subarray(0, n)].map((row) => grams[row]!).sort();
}

describe('the learned model reads the grams it was trained on', () => {
  it('finds in a message exactly the grams of its training features, each once', () => {
    const grams = [...new Set(texts.flatMap((text) => [...gramFeatures(tokenize(text), negation).keys()]))];
    const index = new GramIndex(grams, negation);
    for (const text of texts) expect(collected(index, grams, text)).toEqual([...gramFeatures(tokenize(text), negation).keys()].sort());
  });

  it('finds only the grams the model holds, a gram without its shorter parts too', () => {
    const all = [...new Set(texts.flatMap((text) => [...gramFeatures(tokenize(text), negation).keys()]))];
    const grams = all.filter((_, i) => i % 3 !== 1);
    const index = new GramIndex(grams, negation);
    for (const text of texts) {
      const held = new Set(grams);
      expect(collected(index, grams, text)).toEqual([...gramFeatures(tokenize(text), negation).keys()].filter((g) => held.has(g)).sort());
    }
  });
});

describe('a gram index written out and read back', () => {
  it('finds the same grams as the index it was written from', () => {
    const grams = [...new Set(texts.flatMap((text) => [...gramFeatures(tokenize(text), negation).keys()]))];
    const built = new GramIndex(grams, negation);
    const read = new GramIndex(structuredClone(built.encode()), negation);
    for (const text of texts) expect(collected(read, grams, text)).toEqual(collected(built, grams, text));
    expect(read.encode().size).toBe(grams.length);
  });
});

describe('IntTable', () => {
  it('keeps every key apart, however the keys collide in its slots', () => {
    const table = new IntTable(1000);
    for (let k = 0; k < 1000; k++) table.set(k * 4096, k);
    for (let k = 0; k < 1000; k++) expect(table.get(k * 4096)).toBe(k);
    expect(table.get(1)).toBe(-1);
    table.set(0, 7);
    expect(table.get(0)).toBe(7);
  });
});
