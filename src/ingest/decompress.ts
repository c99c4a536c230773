// Reads gzip-compressed exports (`tickets.csv.gz`, or gzip bytes on standard input) as the text they hold.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { badRecord, type RecordPolicy } from './record-policy.js';

/** Every gzip stream starts with these two bytes. */
export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The name a compressed file's content goes by: `tickets.csv.gz` holds `tickets.csv`. */
export function innerName(name: string): string {
  return /\.gz$/i.test(name) ? name.slice(0, -3) : name;
}

const NEWLINE = 0x0a;
const CUT_SHORT = 'the compressed data is cut short or damaged';

/**
 * The decompressed bytes of a gzip stream. Data that ends early or is damaged ends the text at the last
 * whole line before the damage (the line cut in two is never read as a record), and the rest of the
 * file is one skipped stretch, as with any file that cannot be read to its end; under --strict it stops
 * the run, naming the line where the damage starts.
 */
export function gunzipped(compressed: Readable, file: string, policy: RecordPolicy): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    const inflate = compressed.pipe(createGunzip());
    compressed.on('error', (error) => inflate.destroy(error));
    /** The bytes after the last line break, held until the next one arrives. */
    let tail: Buffer = Buffer.alloc(0);
    let line = 1;
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        const data = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        const cut = data.lastIndexOf(NEWLINE) + 1;
        tail = data.subarray(cut);
        if (cut === 0) continue;
        for (let i = data.indexOf(NEWLINE); i >= 0 && i < cut; i = data.indexOf(NEWLINE, i + 1)) line += 1;
        yield data.subarray(0, cut);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === undefined || !String((error as NodeJS.ErrnoException).code).startsWith('Z_')) throw error;
      compressed.destroy();
      badRecord(policy, file, line, `${CUT_SHORT}.`, `${CUT_SHORT}: the rest of the file was not read`);
      return;
    }
    if (tail.length > 0) yield tail;
  }
  return Readable.from(lines(), { objectMode: false });
}
