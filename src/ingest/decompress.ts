// Reads compressed exports as the text they hold: gzip (`tickets.csv.gz`, or gzip bytes on standard
// input), and the unpacked stream of a file in a zip archive (zip-archive.ts); and the first bytes of
// a file as text, through gzip when it is compressed.
import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { badRecord, type RecordPolicy } from './record-policy.js';

/** Every gzip stream starts with these two bytes. */
export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** A zip file starts with a local file header, or, when it holds nothing, with the end of its directory. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

/** The name a compressed file's content goes by: `tickets.csv.gz` holds `tickets.csv`. */
export function innerName(name: string): string {
  return /\.gz$/i.test(name) ? name.slice(0, -3) : name;
}

/** The first bytes of a file, unpacked when it is gzip (nothing when its head is damaged). */
export function readHead(file: string, bytes = 8192): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return unpackedHead(buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)));
  } finally {
    closeSync(fd);
  }
}

/** What the first bytes of a file hold: themselves, or as much as a gzip head decompresses to. */
export function unpackedHead(head: Buffer): Buffer {
  if (!isGzip(head)) return head;
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

export function gunzipped(compressed: Readable, file: string, policy: RecordPolicy): Readable {
  const inflate = compressed.pipe(createGunzip());
  compressed.on('error', (error) => inflate.destroy(error));
  return wholeLines(inflate, file, policy, () => compressed.destroy());
}

const NEWLINE = 0x0a;
const CUT_SHORT = 'the compressed data is cut short or damaged';

/** Unpacked streams that came to their end but do not match the checksum their archive records: some
 * of their bytes were changed, and what was read from them may be garbled. Said once the stream has been
 * read, not as an error: an error would drop the bytes a reader has not taken yet. */
export const checksumMismatches = new WeakSet<Readable>();
export const DAMAGED = 'damaged in its archive (its checksum does not match)';

/**
 * The bytes of a decompressing stream. Data that ends early or is damaged ends the text at the last
 * whole line before the damage (the line cut in two is never read as a record), and the rest of the
 * file is one skipped stretch, as with any file that cannot be read to its end; under --strict it stops
 * the run, naming the line where the damage starts.
 */
export function wholeLines(unpacking: Readable, file: string, policy: RecordPolicy, stop: () => void = () => {}): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    /** The bytes after the last line break, held until the next one arrives. */
    let tail: Buffer = Buffer.alloc(0);
    let line = 1;
    try {
      for await (const chunk of unpacking as AsyncIterable<Buffer>) {
        const data = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        const cut = data.lastIndexOf(NEWLINE) + 1;
        tail = data.subarray(cut);
        if (cut === 0) continue;
        for (let i = data.indexOf(NEWLINE); i >= 0 && i < cut; i = data.indexOf(NEWLINE, i + 1)) line += 1;
        yield data.subarray(0, cut);
      }
    } catch {
      stop();
      badRecord(policy, file, line, `${CUT_SHORT}.`, `${CUT_SHORT}: the rest of the file was not read`);
      return;
    }
    if (tail.length > 0) yield tail;
    if (checksumMismatches.has(unpacking)) {
      // Every byte came; some are wrong, and where cannot be told.
      if (policy.strict) throw new InputError(file, undefined, `${DAMAGED}.`);
      policy.note?.(`${DAMAGED}: what was read from it may be garbled (${file})`);
    }
  }
  return Readable.from(lines(), { objectMode: false });
}
