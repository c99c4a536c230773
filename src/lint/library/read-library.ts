// Reads canned-response libraries: Zendesk macros (API JSON), {title: text} JSON maps, YAML, CSV
// and Excel workbooks (title,text), Markdown (one response per "## heading" or "---- TITLE" section) and folders of
// .txt/.md files (one response per file, unless a Markdown file holds sections); each also gzipped, or
// in a zip archive.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { innerName, isGzip, isZip, readHead } from '../../ingest/decompress.js';
import { decodeWhole } from '../../ingest/mixed-encoding.js';
import { describeCsvError, HeaderedRows, nameColumns } from '../../ingest/read-csv.js';
import { isLockFile, isWorkbookName, readWorkbook, WORKBOOK_EXTENSIONS } from '../../ingest/read-xlsx.js';
import { STRICT } from '../../ingest/record-policy.js';
import { sniffDelimiter } from '../../ingest/sniff-format.js';
import { globSync } from 'tinyglobby';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { AttuneError, InputError } from '../../errors.js';
import { parseJson } from '../../parse-json.js';
import { lineFinder, type CannedResponse } from './response.js';

const LIBRARY_EXTENSIONS = ['.json', '.yaml', '.yml', '.csv', '.tsv', ...WORKBOOK_EXTENSIONS, '.md', '.markdown', '.txt'];
/** A folder's files read as libraries: by extension, each also gzipped, and zip archives of them. */
const FOLDER_PATTERNS = [...LIBRARY_EXTENSIONS.flatMap((e) => [`**/*${e}`, `**/*${e}.gz`]), '**/*.zip'];

export async function readLibraries(inputs: string[], cwd: string): Promise<CannedResponse[]> {
  const responses: CannedResponse[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new AttuneError(`${input}: no such file or folder.`);
    const files = stat.isDirectory()
      ? globSync(FOLDER_PATTERNS, { cwd: abs, onlyFiles: true, caseSensitiveMatch: false }).sort().filter((f) => !isLockFile(f)).map((f) => path.join(input, f))
      : [input];
    for (const file of files) responses.push(...(await readLibraryAt(file, path.resolve(cwd, file), stat.isDirectory())));
  }
  return responses;
}

/** One library file, gzipped or not, or every library in a zip archive, each named `archive.zip/inner`. */
async function readLibraryAt(file: string, full: string, inFolder: boolean): Promise<CannedResponse[]> {
  if (isWorkbookName(file)) return readWorkbookLibrary(file, full);
  const head = readHead(full, 4);
  if (path.extname(file).toLowerCase() === '.zip' || isZip(head)) {
    // Loaded for an archive only: a library of plain files does not pay for yauzl.
    const { listArchive, openEntry, unpackedWhole } = await import('../../ingest/zip-archive.js');
    const entries = await listArchive(full, file, (name) => isLibraryName(name) && !isLockFile(name), () => true);
    if (entries.length === 0) throw new AttuneError(`${file}: the archive holds no ${LIBRARY_EXTENSIONS.join(', ')} files (nor any of them gzipped).`);
    const responses: CannedResponse[] = [];
    for (const { name } of entries) {
      const inner = `${file}/${name}`;
      const stream = await openEntry(full, file, name);
      const bytes = await unpackedWhole(stream, inner);
      responses.push(...(isWorkbookName(name) ? await readWorkbookLibrary(inner, bytes) : readLibraryFile(inner, textOf(bytes, inner), true)));
    }
    return responses;
  }
  return readLibraryFile(file, textOf(readFileSync(full), file), inFolder);
}

function isLibraryName(name: string): boolean {
  return LIBRARY_EXTENSIONS.includes(path.extname(innerName(name)).toLowerCase());
}

/** A library file's text: unpacked when it is gzip, then decoded as audit inputs are. */
function textOf(bytes: Buffer, file: string): string {
  if (!isGzip(bytes)) return decodeWhole(bytes);
  try {
    return decodeWhole(gunzipSync(bytes));
  } catch (error) {
    throw new InputError(file, undefined, `the compressed data is cut short or damaged (${(error as Error).message}).`);
  }
}

/** A library's responses from its text; `file` may name it gzipped (`macros.json.gz`). */
export function readLibraryFile(file: string, text: string, inFolder = false): CannedResponse[] {
  const ext = path.extname(innerName(file)).toLowerCase();
  if (ext === '.json') return readJsonLibrary(file, text);
  if (ext === '.yaml' || ext === '.yml') return readYamlLibrary(file, text);
  if (ext === '.csv' || ext === '.tsv') return readCsvLibrary(file, text);
  if (ext === '.md' || ext === '.markdown') return readMarkdownLibrary(file, text, inFolder);
  if (ext === '.txt') return text.trim() ? [{ title: path.basename(innerName(file), ext), text: text.trim(), tags: [], file, line: 1 }] : [];
  throw new AttuneError(`${file}: not a library format attune reads (${LIBRARY_EXTENSIONS.join(', ')}, each also gzipped, and zip archives of them).`);
}

function readJsonLibrary(file: string, text: string): CannedResponse[] {
  const doc = parseJson(text, file);
  const body = doc && typeof doc === 'object' && '_request' in doc && 'body' in doc ? (doc as { body: unknown }).body : doc;
  const find = lineFinder(text);
  const macros = Array.isArray((body as { macros?: unknown }).macros) ? (body as { macros: unknown[] }).macros : Array.isArray(body) ? body : (body as { actions?: unknown }).actions ? [body] : null;
  if (macros) return macros.flatMap((m) => macroResponse(m as Record<string, unknown>, file, find));
  if (body && typeof body === 'object') {
    return Object.entries(body as Record<string, unknown>).flatMap(([title, value]) => {
      const line = find(JSON.stringify(title));
      if (typeof value === 'string') return [{ title, text: value, tags: [], file, line }];
      if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
        return [{ title, text: (value as { text: string }).text, tags: tagsOf((value as { tags?: unknown }).tags), file, line }];
      }
      throw new InputError(file, line, `response ${JSON.stringify(title)} is neither text nor {"text": …}.`);
    });
  }
  throw new InputError(file, 1, 'expected Zendesk macros, a list of responses, or a {"title": "text"} map.');
}

function macroResponse(macro: Record<string, unknown>, file: string, find: (needle: string) => number): CannedResponse[] {
  const title = String(macro.title ?? macro.name ?? '');
  const line = find(JSON.stringify(title));
  if (typeof macro.text === 'string') return [{ title, text: macro.text, tags: tagsOf(macro.tags), file, line }];
  const actions = Array.isArray(macro.actions) ? (macro.actions as Record<string, unknown>[]) : [];
  const comment = actions.find((a) => a.field === 'comment_value' || a.field === 'comment_value_html');
  const tags = actions.filter((a) => /tags$/.test(String(a.field))).flatMap((a) => tagsOf(a.value));
  if (!comment) return [];
  // comment_value may be the text, or [channel, text].
  const value = Array.isArray(comment.value) ? comment.value[comment.value.length - 1] : comment.value;
  return [{ title, text: String(value ?? ''), tags, file, line }];
}

function readYamlLibrary(file: string, text: string): CannedResponse[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) throw new InputError(file, lines.linePos(doc.errors[0]!.pos[0]).line, `not valid YAML (${doc.errors[0]!.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}).`);
  const lineOf = (node: unknown) => ((node as Node | undefined)?.range ? lines.linePos((node as Node).range![0]).line : 1);
  const root = doc.contents;
  const items = isMap(root) && isSeq(root.get('responses', true)) ? (root.get('responses', true) as unknown as { items: unknown[] }).items : isSeq(root) ? root.items : null;
  if (items) {
    return items.map((item) => {
      const value = (item as { toJSON(): unknown }).toJSON() as Record<string, unknown>;
      if (!value || typeof value.text !== 'string') throw new InputError(file, lineOf(item), 'each response needs a "text".');
      return { title: String(value.title ?? value.name ?? `response at line ${lineOf(item)}`), text: value.text, tags: tagsOf(value.tags), file, line: lineOf(item) };
    });
  }
  if (isMap(root)) {
    return root.items.map((pair) => {
      const title = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const value = (pair.value as { toJSON(): unknown } | null)?.toJSON();
      const text = typeof value === 'string' ? value : (value as { text?: unknown } | null)?.text;
      if (typeof text !== 'string') throw new InputError(file, lineOf(pair.key), `response "${title}" has no text.`);
      return { title, text, tags: tagsOf((value as { tags?: unknown })?.tags), file, line: lineOf(pair.key) };
    });
  }
  throw new InputError(file, 1, 'expected a list of responses or a title: text map.');
}

function readCsvLibrary(file: string, text: string): CannedResponse[] {
  // The line the last whole record (or the header) ended on, and the blank lines seen by then: an
  // unclosed quote is found at the end of the file, but it opens on the first line with text after it.
  let lastEnd = 0;
  let lastEmpty = 0;
  let rows: { record: Record<string, string>; info: { lines: number; empty_lines: number } }[];
  try {
    rows = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      columns: (h: string[]) => ((lastEnd = 1), nameColumns(h).map((c) => c.toLowerCase())),
      skip_empty_lines: true,
      info: true,
      relax_quotes: true,
      bom: true,
      on_record: (row: (typeof rows)[number]) => ((lastEnd = row.info.lines), (lastEmpty = row.info.empty_lines), row),
    }) as typeof rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines, empty_lines: empty } = error as CsvError & { lines?: number; empty_lines: number };
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastEnd + 1 + (empty - lastEmpty) : lines;
    throw new InputError(file, line, `${describeCsvError(error)}.`);
  }
  return rows.map(({ record, info }) => {
    const body = bodyOf(record, file, 'CSV');
    return rowResponse(record, body, file, info.lines - (body.split('\n').length - 1));
  });
}

/** A workbook's worksheets of responses (read-xlsx.ts), laid out as a CSV library is: a row per response.
 * `whole` is the workbook's path, or its bytes (one in an archive). */
async function readWorkbookLibrary(file: string, whole: string | Buffer): Promise<CannedResponse[]> {
  const table = new HeaderedRows(file, { policy: STRICT });
  const responses: CannedResponse[] = [];
  const stream = typeof whole === 'string' ? createReadStream(whole) : Readable.from([whole]);
  for await (const row of readWorkbook(stream, file, STRICT, whole)) {
    const read = table.record(row.cells, row.line, row.file);
    if (!read) continue;
    const record = Object.fromEntries(Object.entries(read.fields).map(([name, value]) => [name.toLowerCase(), String(value)]));
    responses.push(rowResponse(record, bodyOf(record, row.file, 'worksheet'), row.file, row.line));
  }
  return responses;
}

function bodyOf(record: Record<string, string>, file: string, kind: string): string {
  const body = record.text ?? record.body ?? record.content ?? record.response;
  if (body === undefined) throw new InputError(file, 1, `the ${kind} needs a "text" column (and a "title" column).`);
  return body;
}

function rowResponse(record: Record<string, string>, body: string, file: string, line: number): CannedResponse {
  return { title: record.title ?? record.name ?? `row at line ${line}`, text: body, tags: tagsOf(record.tags), file, line };
}

function readMarkdownLibrary(file: string, text: string, inFolder: boolean): CannedResponse[] {
  const rows = text.split(/\r?\n/);
  const heads = rows.map((row, i) => ({ i, m: /^(?:##\s+|-{4}\s+)(.+?)\s*-*\s*$/.exec(row) })).filter((h) => h.m);
  if (heads.length === 0) return inFolder && text.trim() ? [{ title: path.basename(innerName(file), path.extname(innerName(file))), text: text.trim(), tags: [], file, line: 1 }] : [];
  return heads.map((h, k) => {
    const end = k + 1 < heads.length ? heads[k + 1]!.i : rows.length;
    return { title: h.m![1]!, text: rows.slice(h.i + 1, end).join('\n').trim(), tags: [], file, line: h.i + 1 };
  }).filter((r) => r.text !== '');
}

function tagsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
