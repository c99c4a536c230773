// Reads delimited text (comma, semicolon, tab or pipe, sniffed) as a stream of records with their start lines.
import type { Readable } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import { badRecord, type RecordPolicy } from './record-policy.js';
import type { SourceRecord } from './source-record.js';

/** One unclosed quote would otherwise buffer the rest of the file: no real ticket field comes near 16 MB. */
export const MAX_FIELD_BYTES = 16 * 1024 * 1024;

export interface CsvOptions {
  delimiter: string;
  policy: RecordPolicy;
  /** False when the first row is data: columns are then named 1, 2, 3… */
  header?: boolean;
}

export async function* readCsv(stream: Readable, file: string, options: CsvOptions): AsyncGenerator<SourceRecord> {
  const { delimiter } = options;
  const parser = stream.pipe(
    new LineCountingParser({
      delimiter,
      bom: true,
      relax_column_count: true,
      // Quotes inside an unquoted field ('He said "no"') are kept as text, as spreadsheets write them.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_FIELD_BYTES,
    }),
  );
  const rows = new HeaderedRows(file, options);
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for await (const item of parser as AsyncIterable<LinedRecord | ParseFailure>) {
      if ('error' in item) throw item.error;
      const { record, info } = item;
      // csv-parse reports the line a record ends on; it starts after the previous one and any blank lines.
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      const read = rows.record(record, line);
      if (read) yield read;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // An unclosed quote (or a field grown past the limit) is found where the file ends: name the line
      // its record starts on, where the stray quote is.
      const runaway = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE';
      const line = runaway ? previousEnd + 1 + (parser.info.empty_lines - previousEmpty) : (error as CsvError & { lines?: number }).lines;
      // The parser cannot go on after this: the rest of the file is one skipped stretch, left unread.
      stream.unpipe(parser);
      stream.destroy();
      badRecord(options.policy, file, line, `${describeCsvError(error)}.`, `${describeCsvError(error)}: the rest of the file was not read`);
      return;
    }
    throw error;
  }
}

/** The first line Excel reads as the delimiter to use ("sep=;"), which some exports write for it. */
function isSeparatorLine(cells: string[]): boolean {
  return /^sep=.?$/i.test(cells.join(',').trim());
}

/** Rows under a header row as records, for CSV and spreadsheets alike: the header names the fields,
 * a copy of it further down is noted (exports joined together), and a row with more fields than the
 * header is bad. */
export class HeaderedRows {
  private header: string[] | null;
  /** The header row as written, and the note for a copy of it further down (exports joined with `cat`). */
  private headerRow: string[] = [];
  private repeatedHeader: string | undefined;
  /** A first row of one cell, held until the next shows whether it is a report's title above the
   * header ("Support tickets, November": the next row has more cells) or the header itself. */
  private title: { cells: string[]; line: number } | null = null;

  constructor(
    private readonly file: string,
    private readonly options: Omit<CsvOptions, 'delimiter'>,
  ) {
    this.header = options.header === false ? [] : null;
  }

  /** The record a row of cells makes, or null for the header, a copy of it and a bad row. `file` names
   * the record when it is not the table's own name (a later worksheet of a workbook). */
  record(cells: string[], line: number, file = this.file): SourceRecord | null {
    const { options } = this;
    if (this.header === null) {
      const filled = cells.filter((cell) => cell.trim() !== '').length;
      if (this.title === null && filled === 1) {
        this.title = { cells, line };
        return null;
      }
      if (this.title === null || filled > 1) {
        if (this.title) options.policy.note?.(`${isSeparatorLine(this.title.cells) ? "Excel's separator line (sep=…)" : 'title row'} above the header, at ${file}:${this.title.line}: not read`);
        this.header = this.takeHeader(cells);
        return null;
      }
      // Two rows of one cell: the first was the header of a one-column file, and this row is data.
      this.header = this.takeHeader(this.title.cells);
    }
    const headerRow = this.headerRow;
    if (options.header !== false && cells.length === headerRow.length && cells.every((cell, i) => cell.trim() === headerRow[i])) {
      this.repeatedHeader ??= `header row repeated inside the file (exports joined together?), first at ${file}:${line}: not read as a turn`;
      options.policy.note?.(this.repeatedHeader);
      return null;
    }
    let header: string[] = this.header;
    if (options.header === false && cells.length > header.length) this.header = header = cells.map((_, i) => String(i + 1));
    if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== '')) {
      badRecord(options.policy, file, line, `row has ${cells.length} fields but the header has ${header.length}.`, 'row with more fields than the header');
      return null;
    }
    const fields: Record<string, unknown> = {};
    header.forEach((name, i) => {
      fields[name] = cells[i] ?? '';
    });
    return { file, line, fields };
  }

  /** The fields a header row names; the row itself is kept to find copies of it further down. */
  private takeHeader(cells: string[]): string[] {
    this.headerRow = cells.map((cell) => cell.trim());
    return nameColumns(cells);
  }
}

interface LinedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

/** A parse error, passed on after the records before it (a stream error would discard them). */
interface ParseFailure {
  error: unknown;
}

type Done = (error?: Error | null) => void;

/** csv-parse's `info` option copies a dozen counters into a new object for every record; only the
 * two line counts are needed, read from the live counters as each record is pushed. A parse error
 * becomes the last item instead of a stream error: an error destroys the stream and drops the
 * records already parsed from the same chunk, which are every record of a small file. */
class LineCountingParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    const item: LinedRecord = { record: record as string[], info: { lines: this.info.lines, empty_lines: this.info.empty_lines } };
    return super.push(item, encoding);
  }

  override _transform(chunk: unknown, encoding: BufferEncoding, done: Done): void {
    super._transform(chunk, encoding, (error) => this.settle(error, done));
  }

  override _flush(done: Done): void {
    super._flush((error) => this.settle(error, done));
  }

  private settle(error: Error | null | undefined, done: Done): void {
    if (error) {
      super.push({ error } satisfies ParseFailure);
      super.push(null);
    }
    done();
  }
}

/** The header's names, trimmed; a blank one is `columnN`, and a name the header already holds (fields are
 * found case-insensitively) is `name_2`, `name_3`…: the first column of a name is the one read by it, and
 * `--map text=text_2` reads the other. */
export function nameColumns(record: string[]): string[] {
  const taken = new Set<string>();
  return record.map((cell, i) => {
    const base = cell.trim() === '' ? `column${i + 1}` : cell.trim();
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** csv-parse's error in the words of attune's other input errors. */
export function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_MAX_RECORD_SIZE':
      return `a field is larger than ${MAX_FIELD_BYTES / 1024 / 1024} MB (likely an unclosed quote)`;
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `the row has ${(error as CsvError & { record?: unknown[] }).record?.length ?? 'more'} fields but the header has ${(error as CsvError & { columns?: unknown[] }).columns?.length ?? 'fewer'}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a field is not escaped';
    default:
      return error.message.replace(/\.$/, '');
  }
}
