// Excel workbooks are read as a CSV with the same header is: the first worksheet's rows become records,
// and those of later worksheets with its header.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/ingest/read-xlsx.js';
import { resolveInputs } from '../../src/ingest/resolve-inputs.js';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const demoCsv = readFileSync(path.join(FIXTURES, 'demo/support-export.csv'));
const rows = parse(demoCsv) as string[][];

/** The demo export as a workbook: its rows on a first sheet (ids as numbers, times as dates, as Excel
 * keeps them), and a summary sheet after it. */
async function writeWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tickets');
  rows.forEach((row, i) => sheet.addRow(i === 0 ? row : row.map((cell, c) => (rows[0]![c] === 'created_at' && cell ? new Date(cell) : rows[0]![c] === 'turn' ? Number(cell) : cell))));
  book.addWorksheet('Summary').addRow(['conversations', 33]);
  await book.xlsx.writeFile(file);
}

const audit = async (args: string[]) => runCli(['audit', ...args, '--format', 'json'], { cwd: dir });
const withoutFiles = (json: string) => JSON.parse(json, (key, value) => (key === 'file' || key === 'notes' ? undefined : value));

beforeAll(async () => {
  mkdirSync(path.join(dir, 'csv'));
  mkdirSync(path.join(dir, 'xlsx'));
  writeFileSync(path.join(dir, 'csv/support-export.csv'), demoCsv);
  await writeWorkbook(path.join(dir, 'xlsx/support-export.xlsx'));
  // The lock file Excel keeps beside a workbook it has open.
  writeFileSync(path.join(dir, 'xlsx/~$support-export.xlsx'), Buffer.alloc(165, 1));
});

describe('Excel workbooks', () => {
  it('give the report of the same rows as CSV, the other worksheets noted', async () => {
    const csv = await audit(['csv']);
    const xlsx = await audit(['xlsx']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(withoutFiles(xlsx.stdout)).toEqual(withoutFiles(csv.stdout));
    const report = JSON.parse(xlsx.stdout);
    expect(report.inputs).toHaveLength(1);
    expect(report.totals.notes).toEqual({ [`worksheets not read, their header is not that of "Tickets": "Summary" (${path.join('xlsx', 'support-export.xlsx')})`]: 1 });
  });

  /** The totals of auditing a workbook of the demo's first ten turns, laid out by `layout`. */
  async function totalsOf(name: string, layout: (book: ExcelJS.Workbook) => ExcelJS.Worksheet): Promise<{ records: number; notes: Record<string, number> }> {
    const book = new ExcelJS.Workbook();
    const sheet = layout(book);
    for (const row of rows.slice(0, 11)) sheet.addRow(row);
    await book.xlsx.writeFile(path.join(dir, name));
    const r = await audit([name]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).totals;
  }

  it('are read from the first worksheet with rows, past a blank one', async () => {
    const totals = await totalsOf('blank-first.xlsx', (book) => {
      book.addWorksheet('Sheet1');
      return book.addWorksheet('Data');
    });
    expect(totals.records).toBe(10);
    expect(totals.notes).toEqual({});
  });

  it("read later worksheets with the first one's header, a month a sheet, each row named by its sheet", async () => {
    const book = new ExcelJS.Workbook();
    const header = rows[0]!;
    const months = [book.addWorksheet('October'), book.addWorksheet('November'), book.addWorksheet('Pivot'), book.addWorksheet('December')];
    months[0]!.addRow(header);
    for (const row of rows.slice(1, 11)) months[0]!.addRow(row);
    months[1]!.addRow(['Tickets, November']);
    months[1]!.addRow(header.map((name) => ` ${name} `));
    for (const row of rows.slice(11, 21)) months[1]!.addRow(row);
    months[2]!.addRow(['agent', 'conversations']);
    months[2]!.addRow(['Maya', 12]);
    months[3]!.addRow(['Tickets, December']);
    months[3]!.addRow(['see the next workbook']);
    await book.xlsx.writeFile(path.join(dir, 'by-month.xlsx'));
    const r = await runCli(['audit', 'by-month.xlsx', '--format', 'json', '--turns', path.join(dir, 'month-turns.ndjson')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const { totals } = JSON.parse(r.stdout);
    expect(totals.records).toBe(20);
    expect(totals.notes).toEqual({
      'worksheets read after "October", with its header: "November" (by-month.xlsx)': 1,
      'worksheets not read, their header is not that of "October": "Pivot", "December" (by-month.xlsx)': 1,
    });
    const sources = readFileSync(path.join(dir, 'month-turns.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).source as string);
    expect(sources).toContain('by-month.xlsx:2');
    expect(sources).toContain('by-month.xlsx[November]:3');
    expect(sources.filter((source) => source.startsWith('by-month.xlsx[November]:'))).toHaveLength(10);
  });

  it('name what they skip in a later worksheet by its sheet, in the vendor layouts too', async () => {
    const tweets = parse(readFileSync(path.join(FIXTURES, 'cases/reader-twitter/tweets.csv'))) as string[][];
    const book = new ExcelJS.Workbook();
    const [first, second] = [book.addWorksheet('October'), book.addWorksheet('November')];
    for (const row of tweets) first.addRow(row);
    second.addRow(tweets[0]!);
    second.addRow(tweets[2]!);
    await book.xlsx.writeFile(path.join(dir, 'tweets.xlsx'));
    const r = await audit(['tweets.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0].reader).toBe('twitter');
    expect(report.totals.skippedAt).toEqual({ 'empty text': 'tweets.xlsx:10', 'tweet id seen twice (later copy skipped)': 'tweets.xlsx[November]:2' });
  });

  it('pass over a report title above the header, as BI tools write it', async () => {
    const totals = await totalsOf('titled.xlsx', (book) => {
      const sheet = book.addWorksheet('Report');
      sheet.addRow(['Support tickets, November 2026']);
      sheet.mergeCells('A1:D1');
      sheet.addRow([]);
      return sheet;
    });
    expect(totals.records).toBe(10);
    expect(totals.notes).toEqual({ 'title row above the header, at titled.xlsx:1: not read': 1 });
  });

  it('name their rows as lines, and are never taken for zip archives', async () => {
    const sources = await resolveInputs([path.join(dir, 'xlsx/support-export.xlsx')], dir);
    expect(sources.map((s) => s.entry)).toEqual([undefined]);
    const r = await runCli(['audit', 'xlsx/support-export.xlsx', '--format', 'json', '--turns', path.join(dir, 'turns.ndjson')], { cwd: dir });
    expect(r.code).toBe(0);
    const first = JSON.parse(readFileSync(path.join(dir, 'turns.ndjson'), 'utf8').split('\n')[0]!);
    expect(first.source).toBe(`${path.join('xlsx', 'support-export.xlsx')}:2`);
  });

  it('are read inside zip archives too, but not the lock files beside them', async () => {
    const zipped = await runCli(['audit', path.join(FIXTURES, 'archives/workbook.zip'), '--format', 'json']);
    expect(zipped.code, zipped.stderr).toBe(0);
    const report = JSON.parse(zipped.stdout);
    expect(report.inputs.map((i: { file: string }) => path.basename(i.file))).toEqual(['tickets.xlsx']);
    expect(report.totals.turns.customer + report.totals.turns.agent).toBe(4);
  });

  it('stop with one line when damaged, or when they are the old .xls format', async () => {
    const whole = readFileSync(path.join(dir, 'xlsx/support-export.xlsx'));
    writeFileSync(path.join(dir, 'cut.xlsx'), whole.subarray(0, 200));
    const xls = Buffer.alloc(512);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    xls.writeUInt32BE(0xa1b11ae1, 4);
    writeFileSync(path.join(dir, 'old.xls'), xls);
    // A few bytes changed inside: exceljs could wait forever on such a file, and the run ended with no word.
    const damaged = Buffer.from(whole);
    damaged.fill(0x5a, Math.floor(whole.length * 0.4), Math.floor(whole.length * 0.4) + 8);
    writeFileSync(path.join(dir, 'damaged.xlsx'), damaged);
    for (const [file, message] of [['cut.xlsx', /^attune: cut\.xlsx: not a readable Excel workbook \(.+\)\.$/], ['damaged.xlsx', /^attune: damaged\.xlsx: not a readable Excel workbook \(xl\/[\w/.]+\.xml is damaged: .+\)\.$/], ['old.xls', /^attune: old\.xls: an Excel 97-2003 workbook \(\.xls\) or other Office file: save it as \.xlsx or CSV\.$/]] as const) {
      const r = await audit([file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toMatch(message);
    }
  });

  it('serve as labeled files for attune eval, with the figures of the same rows as CSV', async () => {
    const labels = parse(readFileSync(path.join(FIXTURES, 'eval/customer-labels.csv'))) as string[][];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('labels');
    for (const row of labels) sheet.addRow(row);
    await book.xlsx.writeFile(path.join(dir, 'labels.xlsx'));
    const xlsx = await runCli(['eval', 'sentiment', 'labels.xlsx', '--format', 'json'], { cwd: dir });
    const csv = await runCli(['eval', 'sentiment', path.join(FIXTURES, 'eval/customer-labels.csv'), '--format', 'json']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const strip = (json: string) => JSON.parse(json, (key, value) => (key === 'file' || key === 'skippedAt' ? undefined : value));
    expect(strip(xlsx.stdout)).toEqual(strip(csv.stdout));
    expect(JSON.parse(xlsx.stdout).skippedAt).toEqual({ 'unknown label "mixed"': 'labels.xlsx:9' });
  });

  it('read each kind of cell as the text a CSV export holds', () => {
    expect(cellText({ richText: [{ text: 'So sorry ' }, { text: 'about that' }] })).toBe('So sorry about that');
    expect(cellText({ formula: 'A1&B1', result: 'Happy to help' })).toBe('Happy to help');
    expect(cellText({ text: 'our help page', hyperlink: 'https://help.example' })).toBe('our help page');
    expect(cellText(new Date(Date.UTC(2026, 10, 3, 9, 15)))).toBe('2026-11-03T09:15:00.000Z');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(1001)).toBe('1001');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
  });
});
