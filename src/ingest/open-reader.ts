// Picks the reader for each source (forced with --from, or sniffed from its first bytes) and opens it:
// the generic CSV/JSON/NDJSON readers, or a vendor reader that yields whole conversations.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { AttuneError, InputError } from '../errors.js';
import { gunzipped, isGzip, isZip, wholeLines } from './decompress.js';
import { isUtf8, sniffEncoding, toUtf8 } from './encoding.js';
import { mixedDecoded, type MainEncoding } from './mixed-encoding.js';
import { peekStream } from './peek-stream.js';
import { HeaderedRows, readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { readNdjson } from './read-ndjson.js';
import { isWorkbookName, readWorkbook, type SheetRow } from './read-xlsx.js';
import { sniffDelimiter, sniffFormat, stripBom } from './sniff-format.js';
import type { InputFormat, Source, SourceRecord } from './source-record.js';
import { looksLikeChatLog, looksLikeTranscriptCell, readChatLog, readTranscriptColumn } from './vendors/chat.js';
import { conversationTurn, type FreshdeskPeople } from './vendors/freshdesk.js';
import { hasTaggedTurns, readTaggedThreads } from './vendors/tagged-thread.js';
import { isTwitterHeader, readTwitter } from './vendors/twitter.js';
import { detectVendor, parseDocuments, readWhole, recordsOf, unwrap, VENDOR_HINT, vendorConversations } from './vendors/vendor-json.js';
import type { ReaderContext, ReaderName } from './vendors/vendor-reader.js';
import { openEntry, unpackedWhole } from './zip-archive.js';

export interface OpenOptions {
  from: ReaderName | 'auto';
  inputFormat?: InputFormat;
  stdin: Readable;
  people: FreshdeskPeople;
  context: ReaderContext;
  /** Called with the size of each chunk read from a file, for progress. */
  onBytes?: (n: number) => void;
  /** The text encoding, when the user named one (--encoding); otherwise sniffed. */
  encoding?: string;
  /** False when a CSV's first row is data (columns named 1, 2, 3…). */
  header?: boolean;
}

export interface OpenedReader {
  reader: ReaderName;
  /** The syntax read, for the generic reader. */
  format?: InputFormat;
  /** The encoding the file was read in. */
  encoding?: string;
  records: AsyncGenerator<SourceRecord>;
  /** How the reader decided roles and agents; read after the records are consumed. */
  decided(): string;
  recordsRead?(): number;
}

export async function openReader(source: Source, options: OpenOptions): Promise<OpenedReader> {
  const workbookFile = source.path !== null && isWorkbookName(source.display);
  const unpacked = source.entry ? await openEntry(source.path!, archiveOf(source), source.entry.name) : null;
  // A text file from an archive is cut at its last whole line if the archive is damaged; a workbook is
  // binary, and exceljs names its own damage.
  const file = unpacked ? (workbookFile ? unpacked : wholeLines(unpacked, source.display, options.context)) : source.path === null ? options.stdin : createReadStream(source.path);
  const onBytes = options.onBytes;
  const raw = onBytes ? file.pipe(new Transform({ transform(chunk: Buffer, _encoding, done) { onBytes(chunk.length); done(null, chunk); } })) : file;
  if (workbookFile) return workbook(raw, source, options);
  let peeked = await peekStream(raw);
  if (isGzip(peeked.head)) peeked = await peekStream(gunzipped(peeked.stream, source.display, options.context));
  if (isZip(peeked.head)) throw new InputError(source.display, undefined, 'a zip archive: attune reads one named as a file (tickets.zip), not from standard input or inside another archive; or unzip it first.');
  if (isLegacyOffice(peeked.head)) throw new InputError(source.display, undefined, 'an Excel 97-2003 workbook (.xls) or other Office file: save it as .xlsx or CSV.');
  if (looksBinary(peeked.head)) throw new InputError(source.display, undefined, 'not a text export: the file holds binary data (an image, a database, a PDF?). Export it as CSV, JSON, NDJSON or .xlsx.');
  const encoding = options.encoding ?? sniffEncoding(peeked.head);
  // Unless an encoding is named or marked (UTF-16), each character is read in the encoding it is valid in.
  if (options.encoding !== undefined || encoding.startsWith('utf-16')) {
    const { head, stream } = toUtf8(peeked.stream, peeked.head, encoding);
    const opened = await openDecoded(source, options, head, stream);
    return isUtf8(encoding) ? opened : { ...opened, encoding };
  }
  const { head, stream, tally } = mixedDecoded(peeked.head, peeked.stream, encoding as MainEncoding, source.display, (reason, count) => options.context.note(reason, count));
  const opened = await openDecoded(source, options, head, stream);
  // The encoding most lines are in, known once the records have been read.
  return Object.defineProperty({ ...opened }, 'encoding', { get: () => (tally.encoding() === 'utf-8' ? undefined : 'windows-1252'), enumerable: true });
}

async function openDecoded(source: Source, options: OpenOptions, head: Buffer, stream: Readable): Promise<OpenedReader> {
  const text = stripBom(head.toString('utf8'));
  const { from, context: ctx } = options;
  const auto = from === 'auto';
  // A chat log's lines may open with a bracket too ("[14:02] Ana: …", WhatsApp's "[31/12/2025, 21:15:02]").
  const jsonStart = /^\s*[[{]/.test(text) && !looksLikeChatLog(text);

  if (from === 'chat' && !jsonStart && !looksLikeCsvWithTranscript(text)) return chatLog(stream, ctx);
  if (auto && !jsonStart && looksLikeChatLog(text)) return chatLog(stream, ctx);

  const format = options.inputFormat ?? sniffFormat(source.display, head);
  if (format === 'csv') {
    const records = readCsv(stream, source.display, { delimiter: sniffDelimiter(head), policy: ctx, ...(options.header === false ? { header: false } : {}) });
    return tableLayout(records, text, source, options, 'CSV');
  }
  if (format === 'ndjson') return ndjson(stream, source, options);
  if (from === 'generic' || (auto && !VENDOR_HINT.test(text))) return generic(readJson(stream, source.display, ctx), from, 'JSON');
  const docs = parseDocuments(await readWhole(stream, source.display), source.display);
  return vendorDocument(docs.map((doc) => ({ doc: unwrap(doc), uri: uriOf(doc) })), source, options);
}

/** The layout of rows under a header (CSV, or a worksheet), from the header and the first rows' text. */
function tableLayout(records: AsyncGenerator<SourceRecord>, text: string, source: Source, options: OpenOptions, kind: 'CSV' | 'Excel'): OpenedReader {
  const { from, context: ctx } = options;
  const auto = from === 'auto';
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const pick = (name: ReaderName, expected: string, test: () => boolean): boolean => {
    if (from === name && !test()) throw new AttuneError(`--from ${name}: ${source.display} does not look like a ${name} export (${expected}).`);
    return from === name || (auto && test());
  };
  if (pick('twitter', 'columns tweet_id, inbound and in_response_to_tweet_id', () => isTwitterHeader(header))) return named('twitter', readTwitter(records, ctx));
  if (pick('tagged-thread', 'turns wrapped as <cust__ … __cust> and <rep__ … __rep>', () => hasTaggedTurns(text))) return named('tagged-thread', readTaggedThreads(records, ctx));
  if (pick('chat', 'a column holding "Customer: …" and "Agent: …" lines', () => looksLikeCsvWithTranscript(text))) return named('chat', readTranscriptColumn(records, ctx));
  if (pick('freshdesk', 'columns incoming and body or body_text', () => /\bincoming\b/i.test(header) && /\bbody(_text)?\b/i.test(header))) return freshdeskCsv(records, options.people, ctx);
  return generic(records, from, kind);
}

/** An Excel workbook's worksheets (read-xlsx.ts), laid out as a CSV with the same header would be. */
async function workbook(stream: Readable, source: Source, options: OpenOptions): Promise<OpenedReader> {
  // A workbook in an archive is held in memory to be checked whole before it is streamed.
  const whole = source.entry || source.path === null ? await unpackedWhole(stream, source.display) : source.path;
  const rows = readWorkbook(typeof whole === 'string' ? stream : Readable.from([whole]), source.display, options.context, whole);
  // The first rows show the layout, as a CSV's head does; they are then read again from memory.
  // (`break` in a for-await loop would close the generator, and the rows after these would be lost.)
  const head: SheetRow[] = [];
  while (head.length < 50) {
    const next = await rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  const table = new HeaderedRows(source.display, { policy: options.context, ...(options.header === false ? { header: false } : {}) });
  async function* records(): AsyncGenerator<SourceRecord> {
    for (const row of head) {
      const record = table.record(row.cells, row.line, row.file);
      if (record) yield record;
    }
    for await (const row of rows) {
      const record = table.record(row.cells, row.line, row.file);
      if (record) yield record;
    }
  }
  const text = head.map((row) => row.cells.join(',')).join('\n');
  return tableLayout(records(), text, source, options, 'Excel');
}

function named(reader: ReaderName, result: { records: AsyncGenerator<SourceRecord>; decided(): string; recordsRead?(): number }): OpenedReader {
  return { reader, ...result };
}

function generic(records: AsyncGenerator<SourceRecord>, from: ReaderName | 'auto', kind: string): OpenedReader {
  if (from !== 'auto' && from !== 'generic') throw new AttuneError(`--from ${from}: this ${kind} file is not in a layout the ${from} reader knows.`);
  const format: InputFormat = kind === 'CSV' || kind === 'Excel' ? 'csv' : kind === 'NDJSON' ? 'ndjson' : 'json';
  return { reader: 'generic', format, records, decided: () => 'roles and agents from the fields found (see README, "Input")' };
}

async function chatLog(stream: Readable, ctx: ReaderContext): Promise<OpenedReader> {
  const chunks: string[] = [];
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) chunks.push(line);
  return named('chat', readChatLog(chunks.join('\n'), ctx));
}

function looksLikeCsvWithTranscript(text: string): boolean {
  const rows = text.split(/\r?\n/);
  return rows.length > 2 && /[,;\t]/.test(rows[0] ?? '') && looksLikeTranscriptCell(rows.slice(1).join('\n'));
}

/** A file's documents (one, or pages appended one after another), read by the vendor the first one names. */
function vendorDocument(docs: { doc: unknown; uri: string }[], source: Source, options: OpenOptions): OpenedReader {
  const { from, context: ctx } = options;
  const found = detectVendor(docs[0]!.doc);
  if (found === 'macros') {
    const count = docs.reduce((sum, { doc }) => sum + (Array.isArray((doc as { macros?: unknown[] }).macros) ? (doc as { macros: unknown[] }).macros.length : 1), 0);
    ctx.note(`macros, not conversations: ${source.display} (${count}); check them with attune lint`);
    return { reader: 'zendesk', records: recordsOf([], source.display), decided: () => 'macros are not conversations' };
  }
  const reader = from === 'auto' ? found : from;
  if (reader === null || reader === 'generic') return generic(genericRecords(docs.map(({ doc }) => doc), source.display), from, 'JSON');
  const conversations = docs.flatMap(({ doc, uri }) => vendorConversations(reader, doc, uri, options.people, ctx));
  if (from !== 'auto' && conversations.length === 0 && found !== reader) throw new AttuneError(`--from ${from}: ${source.display} is not a ${from} document.`);
  const decided: Record<string, string> = {
    zendesk: 'the requester is the customer, other authors are agents (named from side-loaded users when present); public:false comments are internal notes',
    freshdesk: 'incoming messages are the customer, other replies are agents (named from agents files); private notes are counted, not scored',
    intercom: 'author.type user/lead/contact is the customer, admin is an agent, bot is other; notes and events are not scored',
    helpscout: 'customer threads are the customer, message threads and createdBy.type user are agents; notes are counted, not scored; line items and drafts are not turns',
  };
  return { reader, records: recordsOf(conversations, source.display), decided: () => decided[reader] ?? '' };
}

async function ndjson(stream: Readable, source: Source, options: OpenOptions): Promise<OpenedReader> {
  const { from, context: ctx } = options;
  const records = readNdjson(stream, source.display, ctx);
  if (from === 'generic') return generic(records, from, 'NDJSON');
  const first = await records.next();
  async function* rest(): AsyncGenerator<SourceRecord> {
    if (!first.done) yield first.value;
    yield* records;
  }
  const found = first.done ? null : detectVendor(first.value.fields);
  const reader = from === 'auto' ? (found === 'macros' ? null : found) : from;
  if (reader === null) return generic(rest(), from, 'NDJSON');
  async function* perLine(): AsyncGenerator<SourceRecord> {
    for await (const record of rest()) {
      for (const conversation of vendorConversations(reader!, unwrap(record.fields), '', options.people, ctx)) {
        yield { file: record.file, line: record.line, fields: conversation as unknown as Record<string, unknown> };
      }
    }
  }
  return { reader, records: perLine(), decided: () => `${reader} objects, one per line` };
}

function freshdeskCsv(records: AsyncGenerator<SourceRecord>, people: FreshdeskPeople, ctx: ReaderContext): OpenedReader {
  async function* run(): AsyncGenerator<SourceRecord> {
    for await (const record of records) {
      const turn = conversationTurn(record.fields, people, ctx);
      yield { ...record, fields: { conversation_id: String(record.fields.ticket_id ?? ''), ...turn, turns: undefined } };
    }
  }
  return { reader: 'freshdesk', records: run(), decided: () => 'incoming rows are the customer, other replies are agents; private notes are counted, not scored' };
}

/** The name of the archive a file was found in: its display without the file's own name. */
function archiveOf(source: Source): string {
  return source.display.slice(0, source.display.length - source.entry!.name.length - 1);
}

function uriOf(doc: unknown): string {
  const request = (doc as { _request?: { uri?: unknown } } | null)?._request;
  return typeof request?.uri === 'string' ? request.uri : '';
}

/** Parsed documents read the generic way: array elements, a wrapper's first array, or the object itself. */
async function* genericRecords(docs: unknown[], file: string): AsyncGenerator<SourceRecord> {
  const items = docs.flatMap((doc) =>
    Array.isArray(doc)
      ? doc
      : doc && typeof doc === 'object'
        ? (Object.values(doc as Record<string, unknown>).find((v) => Array.isArray(v) && v.some((x) => x && typeof x === 'object')) as unknown[] | undefined) ?? [doc]
        : [doc],
  );
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new InputError(file, undefined, 'expected JSON objects (one per turn or per conversation).');
    yield { file, line: 1, fields: item as Record<string, unknown> };
  }
}

/** The compound-file signature of Office 97-2003 documents (.xls, .doc). */
function isLegacyOffice(head: Buffer): boolean {
  return head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
}

/** Control characters (other than tabs and line breaks) in more than 5% of the first bytes: not text.
 * UTF-16 files are text with many NUL bytes, so a byte-order mark exempts them. */
export function looksBinary(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  const sample = head.subarray(0, 4096);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) control += 1;
  return control / sample.length > 0.05;
}
