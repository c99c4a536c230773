// Excel workbooks (.xlsx), as helpdesks and QA sheets export them: the first worksheet's rows, read as
// a stream, become records as CSV rows do. The only module that imports exceljs, and only when a
// workbook is read: loading it costs some 20 MB and a quarter of a second that an audit of CSV
// files should not pay.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import type { RecordPolicy } from './record-policy.js';
import { checkArchive } from './zip-archive.js';

export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];

export function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** The lock file Excel keeps beside a workbook it has open (`~$tickets.xlsx`): no workbook at all. */
export function isLockFile(name: string): boolean {
  return isWorkbookName(name) && path.basename(name).startsWith('~$');
}

/** A worksheet row: its cells as text, and its row number, which is the line a record is named by. */
export interface SheetRow {
  cells: string[];
  line: number;
}

/** The rows with any cell filled of a workbook's first worksheet that has one (a blank "Sheet1" before
 * the data is passed over). Other worksheets (a summary, a pivot) are not read, and a note says how
 * many there were. */
export async function* readWorkbook(stream: Readable, file: string, policy: RecordPolicy, onDisk?: string): AsyncGenerator<SheetRow> {
  // A workbook on disk is checked whole first (one inside an archive was, with its archive).
  if (onDisk !== undefined) await checkArchive(onDisk, file, 'Excel workbook', 'xl/workbook.xml');
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
  let sheets = 0;
  let first = '';
  try {
    for await (const sheet of reader) {
      sheets += 1;
      if (first !== '') continue;
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        while (values.length > 0 && values[values.length - 1] === '') values.pop();
        if (values.length === 0) continue;
        first ||= (sheet as { name?: string }).name || `sheet ${sheets}`;
        yield { cells: values, line: row.number };
      }
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, undefined, `not a readable Excel workbook (${String((error as Error).message ?? error).replace(/\.$/, '')}).`);
  }
  if (sheets > 1 && first !== '') policy.note?.(`workbook with ${sheets} worksheets: only the first with rows, "${first}", was read (${file})`);
}

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
