// Keeps the large phrase indexes the build made, so that a run reads them instead of building them: the
// built-in agent rules expand to over 300,000 phrases, about 0.5 s to index at every start, about 0.15 s
// to read back. One file per index: a thread reads only the indexes it uses (a worker that reads customer
// turns needs the temper rules' alone).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { hashFiles, readV8 } from './model-snapshot.js';
import { PhraseIndex, type EncodedIndex } from './phrase-index.js';

/** Written by the build (scripts/copy-assets.mjs) beside the compiled rules, one `<key>.v8` per index. */
export const SNAPSHOT_DIR = fileURLToPath(new URL('./data/phrase-indexes/', import.meta.url));
/** Smaller indexes build in a few milliseconds: not worth a key. */
const MIN_PATTERNS = 20;

type Pattern = readonly [pattern: string, rule: number];

/** Indexes read from the snapshot, by key: matching changes nothing in an index but its cache of the
 * last turn's word ids, so engines share it. */
const read = new Map<string, PhraseIndex>();
let recording: Map<string, PhraseIndex> | undefined;

/** The code that turns patterns into a trie and matches on it is part of the key: a snapshot from other
 * code never matches. */
const CODE_HASH = hashFiles(createHash('sha256'), ['./phrase-index.js', './trie-builder.js', './phrase-pattern.js', './tokenize.js'].map((file) => new URL(file, import.meta.url))).digest('hex');

/** What an index is made from, hashed: its patterns with their rules, the fillers, the slot's exclusions
 * and the shorthand its words also match. */
export function indexKey(fillers: ReadonlySet<string>, patterns: readonly Pattern[], notInSlot: ReadonlySet<string>, shorthand: ReadonlyMap<string, readonly string[]> = new Map()): string {
  return createHash('sha256').update(JSON.stringify([CODE_HASH, [...fillers], [...notInSlot], [...shorthand], patterns])).digest('hex');
}

/** The index of these patterns: read from the build's snapshot when it holds one made from the same
 * patterns, fillers and code, built otherwise (a team's own rules, or no snapshot). */
export function phraseIndex(fillers: ReadonlySet<string>, patterns: readonly Pattern[], notInSlot: ReadonlySet<string> = new Set(), shorthand: ReadonlyMap<string, readonly string[]> = new Map()): PhraseIndex {
  if (patterns.length < MIN_PATTERNS) return PhraseIndex.of(fillers, patterns, notInSlot, shorthand);
  const key = indexKey(fillers, patterns, notInSlot, shorthand);
  let index = read.get(key);
  if (!index) {
    const encoded = saved(key);
    if (encoded) read.set(key, (index = PhraseIndex.decode(fillers, notInSlot, encoded, shorthand)));
  }
  index ??= PhraseIndex.of(fillers, patterns, notInSlot, shorthand);
  recording?.set(key, index);
  return index;
}

/** The build's index for this key, or undefined: none (a team's own rules, a build without the last
 * step) or one this Node cannot read. */
function saved(key: string): EncodedIndex | undefined {
  return readV8<EncodedIndex>(path.join(SNAPSHOT_DIR, `${key}.v8`));
}

/** From now on, keeps every large index made, for writeSnapshot(). */
export function recordIndexes(): void {
  recording = new Map();
}

/** Writes the indexes made since recordIndexes() where a run looks for them. */
export function writeSnapshot(): void {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  for (const [key, index] of recording ?? []) writeFileSync(path.join(SNAPSHOT_DIR, `${key}.v8`), v8.serialize(index.encode()));
}
