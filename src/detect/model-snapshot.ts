// Reads and writes the build's snapshots of the shipped models (empathy-snapshot.ts, sentiment-snapshot.ts):
// typed arrays written with v8.serialize beside the model, keyed by the model file's content and the code
// that lays it out, so that a snapshot of another model or other code is never read.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';

/** The model file's bytes and the code files, hashed (by content, not by file time, which installing a
 * package resets). */
export function snapshotKey(modelFile: string, code: readonly URL[]): string {
  const hash = createHash('sha256').update(readFileSync(modelFile));
  for (const file of code) {
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update(file.href);
    }
  }
  return hash.digest('hex');
}

/** The snapshot in `file` if its key is `key()`; undefined if it is absent, stale or unreadable by this Node. */
export function readSnapshot<T extends { key: string }>(file: string, key: () => string): T | undefined {
  try {
    const snapshot = v8.deserialize(readFileSync(file)) as T;
    return snapshot.key === key() ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

export function writeSnapshot<T extends { key: string }>(file: string, snapshot: T): void {
  writeFileSync(file, v8.serialize(snapshot));
}
