// Files in two encodings at once, as hand edits make them: a UTF-8 export with lines typed or pasted in
// Windows-1252 ("café" as one byte), or the other way round. Each character is read in the encoding its
// bytes are valid in (UTF-8 where they form a UTF-8 character, else Windows-1252), and the lines read in
// the file's other encoding are counted, so that nothing turns into U+FFFD without a word.
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { decodeIn, sniffEncoding, windows1252Char } from './encoding.js';
import { stripBom } from './sniff-format.js';

export type MainEncoding = 'utf-8' | 'windows-1252';

/** Counts the lines read in each encoding, for the file's encoding and a note at the end (`note`). */
export class EncodingTally {
  /** The 1-based line of the next byte. */
  line = 1;
  /** Lines holding a UTF-8 character that is not ASCII (counted where the bytes are read one by one:
   * with UTF-8 the main encoding, valid chunks are passed on whole). */
  private readonly utf8 = { lines: 0, first: 0, last: 0 };
  private readonly windows1252 = { lines: 0, first: 0, last: 0 };

  constructor(
    readonly main: MainEncoding,
    private readonly file = '',
    private readonly note?: (reason: string, count: number) => void,
  ) {}

  saw(kind: 'utf8' | 'windows1252'): void {
    const seen = this[kind];
    if (seen.last === this.line) return;
    seen.last = this.line;
    seen.lines += 1;
    if (seen.first === 0) seen.first = this.line;
  }

  /** The file's encoding: the one most of its lines are in, UTF-8 when its head was. */
  encoding(): MainEncoding {
    return this.main === 'utf-8' || this.utf8.lines > this.windows1252.lines ? 'utf-8' : 'windows-1252';
  }

  finish(): void {
    const utf8 = this.encoding() === 'utf-8';
    const other = utf8 ? this.windows1252 : this.utf8;
    if (other.lines === 0) return;
    const [main, minor] = utf8 ? ['UTF-8', 'Windows-1252'] : ['Windows-1252', 'UTF-8'];
    this.note?.(`lines in ${minor} in a file otherwise in ${main} (mixed encodings), each read in its own, first at ${this.file}:${other.first}`, other.lines);
  }
}

/** The bytes of `chunk` up to `end` as text, each character in the encoding it is valid in. */
export function decodeMixed(chunk: Buffer, end: number, tally: EncodingTally): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < end; ) {
    const byte = chunk[i]!;
    if (byte < 0x80) {
      if (byte === 0x0a) tally.line += 1;
      i += 1;
      continue;
    }
    const length = utf8Length(chunk, i, end);
    if (length > 0) {
      tally.saw('utf8');
      i += length;
      continue;
    }
    out += chunk.toString('utf8', run, i) + windows1252Char(byte);
    tally.saw('windows1252');
    i += 1;
    run = i;
  }
  return out + chunk.toString('utf8', run, end);
}

/** A sniffed file's head and stream as UTF-8 bytes, read in `main` and, where its bytes say so, the
 * other encoding: the stream notes the lines read in the other at its end. */
export function mixedDecoded(head: Buffer, stream: Readable, main: MainEncoding, file: string, note: (reason: string, count: number) => void): { head: Buffer; stream: Readable; tally: EncodingTally } {
  const whole = head.subarray(0, completeEnd(head));
  const text = main === 'utf-8' && isUtf8(whole) ? whole : Buffer.from(decodeMixed(whole, whole.length, new EncodingTally(main)), 'utf8');
  const tally = new EncodingTally(main, file, note);
  return { head: text, stream: mixedToUtf8(stream, tally), tally };
}

/** A stream of UTF-8 bytes from one in mixed encodings; at its end `tally` holds the other lines. */
export function mixedToUtf8(stream: Readable, tally: EncodingTally): Readable {
  let held: Buffer = Buffer.alloc(0);
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const data = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      const end = completeEnd(data);
      held = data.subarray(end);
      const whole = end === data.length ? data : data.subarray(0, end);
      if (tally.main === 'utf-8' && isUtf8(whole)) {
        countLines(whole, tally);
        done(null, whole);
      } else done(null, Buffer.from(decodeMixed(whole, whole.length, tally), 'utf8'));
    },
    flush(done) {
      const rest = held.length > 0 ? Buffer.from(decodeMixed(held, held.length, tally), 'utf8') : null;
      tally.finish();
      done(null, rest);
    },
  });
  stream.once('error', (error) => out.destroy(error));
  return stream.pipe(out);
}

function countLines(data: Buffer, tally: EncodingTally): void {
  for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, i + 1)) tally.line += 1;
}

/** Where the bytes stop being whole: before a UTF-8 character cut by the chunk's end (held for the next). */
function completeEnd(data: Buffer): number {
  for (let back = 1; back <= 3 && back <= data.length; back++) {
    const byte = data[data.length - back]!;
    if (byte < 0x80) return data.length;
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? data.length - back : data.length;
    }
  }
  return data.length;
}

/** The length of the valid UTF-8 character at `i` (2 to 4 bytes), or 0 when the bytes there are not one. */
function utf8Length(data: Buffer, i: number, end: number): number {
  const lead = data[i]!;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => i + k < end && data[i + k]! >= low && data[i + k]! <= high;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** A whole file's text (a canned-response library), without byte-order mark: UTF-16 by its mark, else
 * each character in the encoding it is valid in. */
export function decodeWhole(bytes: Buffer): string {
  const encoding = sniffEncoding(bytes);
  if (encoding.startsWith('utf-16')) return stripBom(decodeIn(bytes, encoding));
  return stripBom(decodeMixed(bytes, bytes.length, new EncodingTally(encoding as MainEncoding)));
}
