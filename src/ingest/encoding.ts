// Text encodings of exports: UTF-8 with or without BOM, UTF-16LE/BE with BOM (Excel "Unicode text"),
// and Windows-1252 (smart quotes, €) when the bytes are not valid UTF-8. The only module that imports
// iconv-lite: Node's own TextDecoder maps Windows-1252 bytes 0x80–0x9F wrongly on Node 20.
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { AttuneError } from '../errors.js';

export function checkEncoding(name: string): string {
  if (!iconv.encodingExists(name)) throw new AttuneError(`--encoding: '${name}' is not an encoding attune knows (for example utf-8, utf-16le, windows-1252, latin1).`);
  return name.toLowerCase();
}

/** The encoding of a file from its first bytes: a byte-order mark, else UTF-8 if the bytes are valid, else Windows-1252. */
export function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return validUtf8(head) ? 'utf-8' : 'windows-1252';
}

function validUtf8(head: Buffer): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The head may end inside a multi-byte character: allow up to three bytes to be cut off.
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      decoder.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter head
    }
  }
  return false;
}

/** Bytes as text in a named encoding (UTF-16 by its byte-order mark). */
export function decodeIn(bytes: Buffer, encoding: string): string {
  return iconv.decode(bytes, encoding);
}

/** The characters of Windows-1252's bytes 0x80 to 0xFF. */
const WINDOWS_1252_HIGH = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i)), 'windows-1252');

/** The character a byte stands for in Windows-1252. */
export function windows1252Char(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : WINDOWS_1252_HIGH[byte - 0x80]!;
}

export function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding);
}

/** Re-encodes a stream (and its sniffed head) to UTF-8 for the readers. */
export function toUtf8(stream: Readable, head: Buffer, encoding: string): { stream: Readable; head: Buffer } {
  if (isUtf8(encoding)) return { stream, head };
  return {
    stream: stream.pipe(iconv.decodeStream(encoding)).pipe(iconv.encodeStream('utf-8')) as unknown as Readable,
    head: Buffer.from(iconv.decode(head, encoding), 'utf8'),
  };
}
