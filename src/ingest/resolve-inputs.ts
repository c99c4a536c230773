// Turns the command's input arguments (files, folders, globs, `-`) into an ordered list of sources.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { globSync } from 'tinyglobby';
import { AttuneError } from '../errors.js';
import { innerName, isGzip } from './decompress.js';
import type { Source } from './source-record.js';
import { looksLikeChatLog } from './vendors/chat.js';

/** Extensions read when a folder is given; anything else in a folder is left alone. */
export const KNOWN_EXTENSIONS = ['.csv', '.tsv', '.json', '.jsonl', '.ndjson'];
/** Text files in a folder are read only when they are live-chat logs (a folder may hold READMEs). */
const TEXT_EXTENSIONS = ['.txt', '.log'];

const GLOB_CHARS = /[*?[\]{}]/;

export function resolveInputs(inputs: string[], cwd: string): Source[] {
  const sources: Source[] = [];
  const seen = new Set<string>();
  const add = (display: string, abs: string | null): void => {
    // One file reached twice (named twice, or through a link inside a folder) is read once.
    const key = abs === null ? '-' : realPath(abs);
    if (seen.has(key)) return;
    seen.add(key);
    sources.push({ display, path: abs });
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
      if (files.length === 0) throw new AttuneError(`${input}: folder holds no ${KNOWN_EXTENSIONS.join(', ')} files (nor any of them gzipped).`);
      for (const file of files) add(path.join(input, file), path.join(abs, file));
    } else if (stat) {
      add(input, abs);
    } else if (GLOB_CHARS.test(input)) {
      const files = globSync(input, { cwd, onlyFiles: true, expandDirectories: false }).sort();
      if (files.length === 0) throw new AttuneError(`${input}: the pattern matches no files.`);
      for (const file of files) add(file, path.resolve(cwd, file));
    } else {
      throw new AttuneError(`${input}: no such file or folder.`);
    }
  }
  if (sources.length === 0) throw new AttuneError('No input given: name export files, folders, globs, or - for standard input.');
  return sources;
}

/** Each of them compressed with gzip too (`tickets.csv.gz`). */
function listFolder(abs: string): string[] {
  const patterns = [...KNOWN_EXTENSIONS, ...TEXT_EXTENSIONS].flatMap((ext) => [`**/*${ext}`, `**/*${ext}.gz`]);
  const files = globSync(patterns, { cwd: abs, onlyFiles: true, caseSensitiveMatch: false }).sort();
  return files.filter((f) => !TEXT_EXTENSIONS.includes(path.extname(innerName(f)).toLowerCase()) || isChatLog(path.join(abs, f)));
}

function isChatLog(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    return looksLikeChatLog((isGzip(head) ? gunzipHead(head) : head).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** What the first bytes of a gzip file decompress to, as far as they go; nothing when they are damaged. */
function gunzipHead(head: Buffer): Buffer {
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

/** The file's path with every link resolved, or the path itself when it cannot be resolved. */
function realPath(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    return abs;
  }
}
