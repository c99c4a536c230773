import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readLibraries, readLibraryFile } from '../../src/lint/library/read-library.js';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const cwd = path.join(FIXTURES, 'lint');
const titles = async (file: string) => (await readLibraries([file], cwd)).map((r) => [r.title, r.line]);

describe('library readers', () => {
  it('reads Zendesk macros from comment_value and comment_value_html, with lines', async () => {
    const responses = await readLibraries(['macros.json'], cwd);
    expect(responses.map((r) => [r.title, r.line])).toEqual([['Refund delayed', 3], ['Refund delayed (friendly)', 6], ['Broken placeholder', 8]]);
    expect(responses[1]!.text).toMatch(/^I'm sorry for the wait/);
  });

  it('reads YAML lists and maps, CSV with quoted newlines, and Markdown sections', async () => {
    expect(await titles('responses.yaml')).toEqual([['Apology only', 2], ['Calm down', 5]]);
    expect((await readLibraries(['responses.yaml'], cwd))[0]!.tags).toEqual(['delay']);
    expect(await titles('map.yaml')).toEqual([['Welcome', 1], ['Closed', 2]]);
    expect(await titles('responses.csv')).toEqual([['Shipping time', 2], ['Dutch', 4]]);
    expect(await titles('replies.md')).toEqual([['DUPLICATE', 4], ['Needs info', 8]]);
  });

  it('reads a folder of text files as one response each', async () => {
    expect(await titles('library-folder')).toEqual([['delay-sorry-copy', 1], ['delay-sorry', 1]]);
  });

  it('reads {title: text} JSON maps and names the line of a bad entry', () => {
    expect(readLibraryFile('m.json', '{\n  "Hi": "Hello there",\n  "Bye": "See you"\n}').map((r) => [r.title, r.line])).toEqual([['Hi', 2], ['Bye', 3]]);
    expect(() => readLibraryFile('m.json', '{\n  "Hi": 42\n}')).toThrowError('m.json:2: response "Hi" is neither text nor {"text": …}.');
    expect(() => readLibraryFile('m.json', '{\n  "Hi": "x",\n}')).toThrowError(/^m\.json:3: not valid JSON/);
  });

  it('names the line of a broken CSV library: where an unclosed quote opens, or a row with too many fields', () => {
    expect(() => readLibraryFile('r.csv', 'title,body\nA,fine\nB,"never closed\nmore\n')).toThrowError('r.csv:3: a quoted field is never closed.');
    expect(() => readLibraryFile('r.csv', 'title,body\nB,"never closed\n')).toThrowError('r.csv:2: a quoted field is never closed.');
    expect(() => readLibraryFile('r.csv', 'title,body\nA,fine\n\n\nB,"never closed\n')).toThrowError('r.csv:5: a quoted field is never closed.');
    expect(() => readLibraryFile('r.csv', 'title,body\nA,fine,extra\n')).toThrowError('r.csv:2: the row has 3 fields but the header has 2.');
  });

  it('reads a column the CSV header names twice from its first, as an audit does', () => {
    const [response] = readLibraryFile('r.csv', 'Title,Text,text\nA,the reply,an old draft\n');
    expect([response!.title, response!.text]).toEqual(['A', 'the reply']);
  });

  it('names the line of broken YAML in one sentence, without the parser\'s own position', () => {
    expect(() => readLibraryFile('r.yaml', '- title: A\n  body: fine\n- title: B\n  body: [oops\n')).toThrowError(/^r\.yaml:5: not valid YAML \([^\n]*\]\)\.$/);
  });
});

describe('library files as spreadsheets save them', () => {
  const csv = 'title;text\r\nRefund;"We’re sorry – it’s not my problem. It costs €5."\r\n';
  const expected = [{ title: 'Refund', text: 'We’re sorry – it’s not my problem. It costs €5.' }];
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const read = async (name: string, bytes: Buffer) => {
    writeFileSync(path.join(dir, name), bytes);
    return (await readLibraries([name], dir)).map(({ title, text }) => ({ title, text }));
  };

  it('reads semicolon-separated CSV and tab-separated .tsv, as audits do', async () => {
    expect(await read('excel.csv', Buffer.from(csv))).toEqual(expected);
    expect(await read('sheet.tsv', Buffer.from(csv.replaceAll(';', '\t')))).toEqual(expected);
  });

  it('decodes Windows-1252 and UTF-16 with byte-order mark, never reading them as UTF-8', async () => {
    expect(await read('cp1252.csv', iconv.encode(csv, 'windows-1252'))).toEqual(expected);
    expect(await read('utf16.csv', iconv.encode(csv, 'utf-16le', { addBOM: true }))).toEqual(expected);
    expect(await read('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]))).toEqual(expected);
  });
});

describe('compressed libraries', () => {
  it('reads a gzipped library, and every library in a zip archive (gzipped ones too), as the files themselves', async () => {
    const compressed = await readLibraries(['lint-compressed'], FIXTURES);
    expect(compressed.map((r) => r.file)).toEqual([
      ...Array<string>(2).fill(path.join('lint-compressed', 'library.zip', 'responses.csv.gz')),
      ...Array<string>(2).fill(path.join('lint-compressed', 'library.zip', 'team', 'responses.yaml')),
      ...Array<string>(3).fill(path.join('lint-compressed', 'macros.json.gz')),
    ]);
    const plain = await readLibraries(['responses.csv', 'responses.yaml', 'macros.json'], cwd);
    const content = ({ title, text, line }: { title: string; text: string; line: number }) => ({ title, text, line });
    expect(compressed.map(content)).toEqual(plain.map(content));
  });

  it('stops with one line on a cut gzip file or zip archive', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const gz = readFileSync(path.join(FIXTURES, 'lint-compressed/macros.json.gz'));
      writeFileSync(path.join(dir, 'cut.json.gz'), gz.subarray(0, gz.length - 30));
      await expect(readLibraries(['cut.json.gz'], dir)).rejects.toThrowError(/^cut\.json\.gz: the compressed data is cut short or damaged \(.+\)\.$/);
      const zip = readFileSync(path.join(FIXTURES, 'lint-compressed/library.zip'));
      writeFileSync(path.join(dir, 'cut.zip'), zip.subarray(0, 300));
      await expect(readLibraries(['cut.zip'], dir)).rejects.toThrowError(/^cut\.zip: not a readable zip archive \(.+\)\.$/);
    } finally {
      cleanup();
    }
  });
});

describe('libraries kept in Excel', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('reads a workbook as a CSV library, each response at its row, and leaves lock files alone', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Macros');
    sheet.addRow(['Canned responses, support team']);
    sheet.addRow(['Title', 'Text', 'Tags']);
    sheet.addRow(['Refund delayed', { richText: [{ text: 'We’re sorry for the wait. ' }, { text: 'Your refund leaves today.' }] }, 'refund']);
    sheet.addRow(['Closed', "Calm down, that's not my problem.", '']);
    mkdirSync(path.join(dir, 'macros'));
    await book.xlsx.writeFile(path.join(dir, 'macros/library.xlsx'));
    writeFileSync(path.join(dir, 'macros/~$library.xlsx'), Buffer.alloc(165, 1));
    const responses = await readLibraries(['macros'], dir);
    expect(responses.map(({ title, text, tags, line }) => ({ title, text, tags, line }))).toEqual([
      { title: 'Refund delayed', text: 'We’re sorry for the wait. Your refund leaves today.', tags: ['refund'], line: 3 },
      { title: 'Closed', text: "Calm down, that's not my problem.", tags: [], line: 4 },
    ]);
    const r = await runCli(['lint', 'macros', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toContainEqual(['temper/dismissal', 4]);
  });

  it("reads every worksheet with the first one's columns, a team or language a sheet, each response named by its sheet", async () => {
    const book = new ExcelJS.Workbook();
    for (const [name, title, text] of [['English', 'Refund', 'Sorry for the wait.'], ['Русский', 'Возврат', 'Извините за ожидание.']] as const) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(['Title', 'Text']);
      sheet.addRow([title, text]);
    }
    book.addWorksheet('Notes').addRow(['Owner', 'Reviewed on']);
    await book.xlsx.writeFile(path.join(dir, 'teams.xlsx'));
    const responses = await readLibraries(['teams.xlsx'], dir);
    expect(responses.map(({ title, file, line }) => ({ title, file, line }))).toEqual([
      { title: 'Refund', file: 'teams.xlsx', line: 2 },
      { title: 'Возврат', file: 'teams.xlsx[Русский]', line: 2 },
    ]);
  });
});
