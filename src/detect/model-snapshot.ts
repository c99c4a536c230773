// Reads and writes what the build keeps beside the code so that a run need not make it again: the
// shipped models (empathy-snapshot.ts, sentiment-snapshot.ts) and the phrase indexes (index-snapshot.ts),
// as typed arrays written with v8.serialize, keyed by what they are made from and the code that lays
// them out, so that a snapshot of another model or other code is never read.
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';

/** Adds the files' bytes to the hash (a file that cannot be read adds its name). */
export function hashFiles(hash: Hash, files: readonly URL[]): Hash {
  for (const file of files) {
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update(file.href);
    }
  }
  return hash;
}

/** The model file's bytes and the code files, hashed (by content, not by file time, which installing a
 * package resets). */
export function snapshotKey(modelFile: string, code: readonly URL[]): string {
  return hashFiles(createHash('sha256').update(readFileSync(modelFile)), code).digest('hex');
}

/** What `file` holds, or undefined if it is absent or unreadable by this Node. */
export function readV8<T>(file: string): T | undefined {
  try {
    return v8.deserialize(readFileSync(file)) as T;
  } catch {
    return undefined;
  }
}

/** The snapshot in `file` if its key is `key()`; undefined if it is absent, stale or unreadable. */
export function readSnapshot<T extends { key: string }>(file: string, key: () => string): T | undefined {
  const snapshot = readV8<T>(file);
  return snapshot?.key === key() ? snapshot : undefined;
}

export function writeSnapshot<T extends { key: string }>(file: string, snapshot: T): void {
  writeFileSync(file, v8.serialize(snapshot));
}
