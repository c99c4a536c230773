// Turns the command's input arguments (files, folders, globs, zip archives, `-`) into an ordered list
// of sources.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { AttuneError } from '../errors.js';
import { innerName, isZip, readHead } from './decompress.js';
import { isLockFile, isWorkbookName, WORKBOOK_EXTENSIONS } from './read-xlsx.js';
import type { Source } from './source-record.js';
import { looksLikeChatLog } from './vendors/chat.js';
import { listArchive, type ArchiveEntry } from './zip-archive.js';

/** Extensions read when a folder is given; anything else in a folder is left alone. */
export const KNOWN_EXTENSIONS = ['.csv', '.tsv', '.json', '.jsonl', '.ndjson'];
/** Text files in a folder are read only when they are live-chat logs (a folder may hold READMEs). */
const TEXT_EXTENSIONS = ['.txt', '.log'];
const ARCHIVE = '.zip';

const GLOB_CHARS = /[*?[\]{}]/;

export async function resolveInputs(inputs: string[], cwd: string): Promise<Source[]> {
  const sources: Source[] = [];
  const seen = new Set<string>();
  const add = (display: string, abs: string | null): void => {
    // One file reached twice (named twice, or through a link inside a folder) is read once.
    const key = abs === null ? '-' : realPath(abs);
    if (seen.has(key)) return;
    seen.add(key);
    sources.push({ display, path: abs });
  };
  /** An archive's exports, each a source of its own. */
  const addArchive = async (display: string, abs: string, named: boolean): Promise<void> => {
    const key = realPath(abs);
    if (seen.has(key)) return;
    seen.add(key);
    const entries = await listArchive(abs, display, isExportName, isExportHead);
    if (entries.length === 0 && named) throw new AttuneError(`${display}: the archive holds no ${KNOWN_EXTENSIONS.join(', ')} files (nor any of them gzipped), Excel workbooks or chat logs.`);
    for (const entry of entries) sources.push({ display: `${display}/${entry.name}`, path: abs, entry });
  };
  /** A file: an archive by its name, or, when the user named it, by its first bytes too (a pipe such as
   * `<(zcat export.gz)` is never peeked at: its bytes would be gone for the reader). */
  const addFile = async (display: string, abs: string, named: boolean): Promise<void> => {
    const zipped = isArchiveName(display) || (named && !isWorkbookName(display) && statSync(abs).isFile() && isZip(readHead(abs, 4)));
    if (zipped) await addArchive(display, abs, named);
    else add(display, abs);
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-', null);
      continue;
    }
    const abs = path.resolve(cwd, input);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const files = listFolder(abs);
      if (files.length === 0) throw new AttuneError(`${input}: folder holds no ${KNOWN_EXTENSIONS.join(', ')} files (nor any of them gzipped or zipped), Excel workbooks or chat logs.`);
      for (const file of files) await addFile(path.join(input, file), path.join(abs, file), false);
    } else if (stat) {
      await addFile(input, abs, true);
    } else if (GLOB_CHARS.test(input)) {
      const files = globSync(input, { cwd, onlyFiles: true, expandDirectories: false }).sort();
      if (files.length === 0) throw new AttuneError(`${input}: the pattern matches no files.`);
      for (const file of files) await addFile(file, path.resolve(cwd, file), true);
    } else {
      throw new AttuneError(`${input}: no such file or folder.`);
    }
  }
  if (sources.length === 0) throw new AttuneError('No input given: name export files, folders, globs, or - for standard input.');
  return sources;
}

/** The bytes a run will read: each file's size, and each archived file's size unpacked. */
export function sourceBytes(sources: Source[]): number {
  return sources.reduce((sum, s) => sum + (s.entry ? s.entry.size : s.path ? (statSync(s.path, { throwIfNoEntry: false })?.size ?? 0) : 0), 0);
}

/** The files below a folder that attune reads: exports by extension, each also gzipped (`tickets.csv.gz`),
 * Excel workbooks (not the `~$` lock file Excel keeps beside an open one), zip archives, and text files
 * that are live-chat logs. */
function listFolder(abs: string): string[] {
  const patterns = [...KNOWN_EXTENSIONS, ...TEXT_EXTENSIONS].flatMap((ext) => [`**/*${ext}`, `**/*${ext}.gz`]);
  const files = globSync([...patterns, ...WORKBOOK_EXTENSIONS.map((ext) => `**/*${ext}`), `**/*${ARCHIVE}`], { cwd: abs, onlyFiles: true, caseSensitiveMatch: false }).sort();
  return files.filter((f) => (isTextName(f) ? looksLikeChatLog(readHead(path.join(abs, f)).toString('utf8')) : !isLockFile(f)));
}

function isArchiveName(name: string): boolean {
  return path.extname(name).toLowerCase() === ARCHIVE;
}

function isTextName(name: string): boolean {
  return TEXT_EXTENSIONS.includes(path.extname(innerName(name)).toLowerCase());
}

/** A file in an archive that may be an export: by extension, as in a folder (workbooks too, but not
 * Excel's `~$` lock files). */
function isExportName(name: string): boolean {
  const ext = path.extname(innerName(name)).toLowerCase();
  if (isWorkbookName(name)) return !isLockFile(name);
  return KNOWN_EXTENSIONS.includes(ext) || TEXT_EXTENSIONS.includes(ext);
}

function isExportHead(entry: ArchiveEntry): boolean {
  return !isTextName(entry.name) || looksLikeChatLog(entry.head.toString('utf8'));
}

/** The file's path with every link resolved, or the path itself when it cannot be resolved. */
function realPath(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    return abs;
  }
}
