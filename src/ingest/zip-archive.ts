// Zip archives of exports (a helpdesk's export download, a dataset): lists the exports inside one and
// opens each as a stream, never unpacking the archive to disk. The only module that imports yauzl.
import { Transform, type Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { compareText } from '../compare-text.js';
import { InputError } from '../errors.js';
import { checksumMismatches, DAMAGED, unpackedHead } from './decompress.js';

/** A file inside an archive: its name there, its size unpacked and its first bytes, unpacked. */
export interface ArchiveEntry {
  name: string;
  size: number;
  head: Buffer;
}

const HEAD_BYTES = 8192;

/** An archive listed and kept open until each of its listed files has been read once: finding a file
 * again by walking the archive's directory for each would take time that grows with the square of its
 * files (five minutes for 3,000). */
interface OpenArchive {
  zip: ZipFile;
  entries: Map<string, Entry>;
  unread: number;
}
const listed = new Map<string, OpenArchive>();

/** The files of an archive that `wanted` takes by name and `keep` by their first bytes; folders and the
 * `__MACOSX/` and `._name` copies of resource forks that macOS adds are never files of the export. */
export async function listArchive(file: string, display: string, wanted: (name: string) => boolean, keep: (entry: ArchiveEntry) => boolean): Promise<ArchiveEntry[]> {
  const zip = await openZip(file, display);
  const found: ArchiveEntry[] = [];
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._') || !wanted(name)) continue;
      if (entry.isEncrypted()) throw new InputError(`${display}/${name}`, undefined, 'the file is encrypted in the archive: unzip it with its password, then audit what it holds.');
      const start = await readStart(zip, entry, `${display}/${name}`);
      const item = { name, size: entry.uncompressedSize, head: unpackedHead(start.head) };
      // A file damaged within its first bytes cannot show what it is: it is kept, and its damage is
      // reported when it is read, rather than its being passed over without a word.
      if (!start.damaged && !keep(item)) continue;
      found.push(item);
      entries.set(name, entry);
    }
  } catch (error) {
    zip.close();
    throw error instanceof InputError ? error : new InputError(display, undefined, `not a readable zip archive (${reason(error)}).`);
  }
  if (found.length === 0) zip.close();
  else listed.set(file, { zip, entries, unread: found.length });
  // In name order, as a folder's files are: the report does not depend on how the archive was packed.
  return found.sort((a, b) => compareText(a.name, b.name));
}

/** The unpacked bytes of one file of an archive; the archive closes when the stream ends. */
export async function openEntry(file: string, display: string, name: string): Promise<Readable> {
  const archive = listed.get(file);
  const entry = archive?.entries.get(name);
  if (archive && entry) {
    archive.entries.delete(name);
    let stream: Readable;
    try {
      stream = await archive.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new InputError(`${display}/${name}`, undefined, `cannot be read from the archive (${reason(error)}).`);
    }
    stream.once('close', () => {
      if (--archive.unread > 0) return;
      archive.zip.close();
      listed.delete(file);
    });
    return checked(stream, entry);
  }
  const zip = await openZip(file, display);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const stream = await zip.openReadStreamPromise(entry);
      stream.once('close', () => zip.close());
      return checked(stream, entry);
    }
  } catch (error) {
    zip.close();
    throw new InputError(`${display}/${name}`, undefined, `cannot be read from the archive (${reason(error)}).`);
  }
  zip.close();
  throw new InputError(`${display}/${name}`, undefined, 'is no longer in the archive.');
}

/** The whole of a file unpacked from an archive (a workbook, a macro library), or one line on why not. */
export async function unpackedWhole(stream: Readable, display: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await buffer(stream);
  } catch (error) {
    throw new InputError(display, undefined, `cannot be read from the archive (${reason(error)}).`);
  }
  if (checksumMismatches.has(stream)) throw new InputError(display, undefined, `${DAMAGED}.`);
  return bytes;
}

/** Checks a zip whole before a reader that streams it trusts it (a workbook): its directory reads to its
 * end, it holds `name` (`xl/workbook.xml`), and every file in it unpacks to the size and checksum its
 * directory records. exceljs, fed a cut file, fails inside its own temporary files, where no caller can
 * catch it, and fed a damaged one (a byte changed in its styles) can wait forever for data that never
 * comes: the run ended with no word. `source` is the file's path, or its bytes (a workbook in an archive). */
export async function checkArchive(source: string | Buffer, display: string, kind: string, name: string): Promise<void> {
  const unreadable = (why: string) => new InputError(display, undefined, `not a readable ${kind} (${why}).`);
  let zip: ZipFile;
  try {
    const options = { autoClose: false, strictFileNames: false, validateEntrySizes: true };
    zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
  } catch (error) {
    throw unreadable(reason(error));
  }
  let found = false;
  try {
    for await (const entry of zip.eachEntry()) {
      found ||= entry.fileName === name;
      if (!entry.fileName.endsWith('/')) await checkEntry(zip, entry);
    }
  } catch (error) {
    throw unreadable(reason(error));
  } finally {
    zip.close();
  }
  if (!found) throw unreadable(`it holds no ${name}`);
}

/** An entry's unpacked bytes, passed on as they come; at their end the stream is put among the
 * checksumMismatches when their CRC-32 is not the one the archive records (yauzl checks sizes, not
 * checksums). */
function checked(stream: Readable, entry: Entry): Readable {
  const crc32 = zlibCrc32();
  if (!crc32) return stream;
  let crc = 0;
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (crc !== entry.crc32) checksumMismatches.add(out);
      done();
    },
  });
  stream.once('error', (error) => out.destroy(error));
  return stream.pipe(out);
}

/** Node's CRC-32 (zlib.crc32, from Node 20.15); without it checksums are not checked, sizes still are. */
function zlibCrc32(): ((data: Buffer, value?: number) => number) | undefined {
  return (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;
}

/** Unpacks an entry to check its size and its CRC-32 (where Node has zlib.crc32, from 20.15). */
async function checkEntry(zip: ZipFile, entry: Entry): Promise<void> {
  let stream: Readable;
  try {
    stream = checked(await zip.openReadStreamPromise(entry), entry);
    for await (const _ of stream);
  } catch (error) {
    throw new Error(`${entry.fileName} is damaged: ${reason(error)}`);
  }
  if (checksumMismatches.has(stream)) throw new Error(`${entry.fileName} is damaged: its checksum does not match`);
}

async function openZip(file: string, display: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(file, { autoClose: false, strictFileNames: false, validateEntrySizes: true });
  } catch (error) {
    throw new InputError(display, undefined, `not a readable zip archive (${reason(error)}).`);
  }
}

/** The first bytes of an entry, read without unpacking the rest, and whether unpacking them failed. */
async function readStart(zip: ZipFile, entry: Entry, display: string): Promise<{ head: Buffer; damaged: boolean }> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new InputError(display, undefined, `cannot be read from the archive (${reason(error)}).`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let damaged = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) break;
    }
  } catch {
    // A damaged file shows its damage when it is read, with the line where the damage starts.
    damaged = true;
  } finally {
    stream.destroy();
  }
  return { head: Buffer.concat(chunks).subarray(0, HEAD_BYTES), damaged };
}

/** yauzl's message, inside attune's own sentence. */
function reason(error: unknown): string {
  return String((error as Error).message ?? error).replace(/\.$/, '');
}
