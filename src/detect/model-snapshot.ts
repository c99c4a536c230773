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
    return ownBuffers(v8.deserialize(readFileSync(file))) as T;
  } catch {
    return undefined;
  }
}

/** v8.deserialize lets a typed array that happens to sit aligned in the file's bytes view them in place,
 * which keeps the whole file alive for as long as that array lives (13.7 MB for a 1.8 MB array of the
 * agent phrase index): each such array is copied into a buffer of its own, so the file's bytes can go. */
function ownBuffers(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    if (value.byteLength >= value.buffer.byteLength || !('slice' in value)) return value;
    return (value as unknown as { slice(): unknown }).slice();
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object') value[i] = ownBuffers(value[i]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = ownBuffers(record[key]);
  }
  return value;
}

/** The snapshot in `file` if its key is `key()`; undefined if it is absent, stale or unreadable. */
export function readSnapshot<T extends { key: string }>(file: string, key: () => string): T | undefined {
  const snapshot = readV8<T>(file);
  return snapshot?.key === key() ? snapshot : undefined;
}

export function writeSnapshot<T extends { key: string }>(file: string, snapshot: T): void {
  writeFileSync(file, v8.serialize(snapshot));
}
