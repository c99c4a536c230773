// Excel workbooks (.xlsx), as helpdesks and QA sheets export them: the rows of the first worksheet, and
// of later ones with its header, read as a stream, become records as CSV rows do. The only module that
// imports exceljs, and only when a workbook is read: loading it costs some 20 MB and a quarter of a
// second that an audit of CSV files should not pay.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import type { RecordPolicy } from './record-policy.js';

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];

export function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** The lock file Excel keeps beside a workbook it has open (`~$tickets.xlsx`): no workbook at all. */
export function isLockFile(name: string): boolean {
  return isWorkbookName(name) && path.basename(name).startsWith('~$');
}

/** A worksheet row: its cells as text, its row number, which is the line a record is named by, and the
 * name its records take: the workbook's, or for a later worksheet `book.xlsx[February]`. */
export interface SheetRow {
  cells: string[];
  line: number;
  file: string;
}

/** The rows with any cell filled of a workbook's first worksheet that has one (a blank "Sheet1" before
 * the data is passed over), then of every later worksheet whose header is the same (a month a sheet),
 * without that header. A worksheet with another header (a summary, a pivot) is not read, and a note
 * names it; another note names the later worksheets read. */
export async function* readWorkbook(stream: Readable, file: string, policy: RecordPolicy, whole: string | Buffer): AsyncGenerator<SheetRow> {
  // The workbook is checked whole first, from its path or, inside an archive, its bytes (zip-archive.ts).
  const { checkArchive } = await import('./zip-archive.js');
  await checkArchive(whole, file, 'Excel workbook', 'xl/workbook.xml');
  const { default: ExcelJS } = await import('exceljs');
  const open = (input: Readable) => new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  let reader = open(stream);
  let sheets = 0;
  let first = '';
  /** The first worksheet's header: its first row of more than one cell, else its first row. */
  let header: string[] | null = null;
  const read: string[] = [];
  const passed: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      for await (const sheet of reader) {
        sheets += 1;
        const name = (sheet as { name?: string }).name || `sheet ${sheets}`;
        if (first === '') {
          let firstRow: string[] | null = null;
          for await (const row of sheet) {
            const values = rowCells(row);
            if (values.length === 0) continue;
            first = name;
            firstRow ??= values.map((cell) => cell.trim());
            if (header === null && filledCells(values) > 1) header = values.map((cell) => cell.trim());
            yield { cells: values, line: row.number, file };
          }
          header ??= firstRow;
          continue;
        }
        // A later worksheet: read past its header when that is the first's, else passed over whole.
        let state: 'header' | 'read' | 'passed' = 'header';
        let title = false;
        for await (const row of sheet) {
          if (state === 'passed') continue;
          const values = rowCells(row);
          if (values.length === 0) continue;
          if (state === 'read') yield { cells: values, line: row.number, file: `${file}[${name}]` };
          else if (sameRow(values, header!)) state = 'read';
          else if (!title && filledCells(values) <= 1) title = true;
          else state = 'passed';
        }
        if (state === 'read') read.push(name);
        else if (state === 'passed' || title) passed.push(name);
      }
      break;
    } catch (error) {
      if (error instanceof InputError) throw error;
      // On a busy machine exceljs's streaming reader can come to a worksheet without having read the
      // entry that names the sheets (xl/workbook.xml, the last one), and fails before it gives any.
      // Nothing has been read then, and the file was checked whole: it is read again, twice at most.
      if (sheets === 0 && attempt < 3 && missedWorkbook(error)) {
        reader = open(typeof whole === 'string' ? createReadStream(whole) : Readable.from([whole]));
        continue;
      }
      throw new InputError(file, undefined, `not a readable Excel workbook (${String((error as Error).message ?? error).replace(/\.$/, '')}).`);
    }
  }
  if (read.length > 0) policy.note?.(`worksheets read after "${first}", with its header: ${quoted(read)} (${file})`);
  if (passed.length > 0) policy.note?.(`worksheets not read, their header is not that of "${first}": ${quoted(passed)} (${file})`);
}

/** exceljs's failure when it reads a worksheet before the workbook entry that names the sheets. */
function missedWorkbook(error: unknown): boolean {
  return error instanceof TypeError && /reading 'sheets'/.test(error.message);
}

function rowCells(row: { values: unknown }): string[] {
  const values = (row.values as unknown[]).slice(1).map(cellText);
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return values;
}

const filledCells = (cells: string[]): number => cells.filter((cell) => cell.trim() !== '').length;
const sameRow = (cells: string[], header: string[]): boolean => cells.length === header.length && cells.every((cell, i) => cell.trim() === header[i]);
const quoted = (names: string[]): string => names.map((name) => `"${name}"`).join(', ');

/** A cell's value as the text a CSV export would hold: dates in ISO 8601, rich text and links as their
 * text, formulas as their result, errors (#N/A) as nothing. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return '';
}
