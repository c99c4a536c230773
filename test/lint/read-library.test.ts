import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readLibraries, readLibraryFile } from '../../src/lint/library/read-library.js';
import { FIXTURES, tempDir } from '../helpers.js';

const cwd = path.join(FIXTURES, 'lint');
const titles = (file: string) => readLibraries([file], cwd).map((r) => [r.title, r.line]);

describe('library readers', () => {
  it('reads Zendesk macros from comment_value and comment_value_html, with lines', () => {
    const responses = readLibraries(['macros.json'], cwd);
    expect(responses.map((r) => [r.title, r.line])).toEqual([['Refund delayed', 3], ['Refund delayed (friendly)', 6], ['Broken placeholder', 8]]);
    expect(responses[1]!.text).toMatch(/^I'm sorry for the wait/);
  });

  it('reads YAML lists and maps, CSV with quoted newlines, and Markdown sections', () => {
    expect(titles('responses.yaml')).toEqual([['Apology only', 2], ['Calm down', 5]]);
    expect(readLibraries(['responses.yaml'], cwd)[0]!.tags).toEqual(['delay']);
    expect(titles('map.yaml')).toEqual([['Welcome', 1], ['Closed', 2]]);
    expect(titles('responses.csv')).toEqual([['Shipping time', 2], ['Dutch', 4]]);
    expect(titles('replies.md')).toEqual([['DUPLICATE', 4], ['Needs info', 8]]);
  });

  it('reads a folder of text files as one response each', () => {
    expect(titles('library-folder')).toEqual([['delay-sorry-copy', 1], ['delay-sorry', 1]]);
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
  const read = (name: string, bytes: Buffer) => {
    writeFileSync(path.join(dir, name), bytes);
    return readLibraries([name], dir).map(({ title, text }) => ({ title, text }));
  };

  it('reads semicolon-separated CSV and tab-separated .tsv, as audits do', () => {
    expect(read('excel.csv', Buffer.from(csv))).toEqual(expected);
    expect(read('sheet.tsv', Buffer.from(csv.replaceAll(';', '\t')))).toEqual(expected);
  });

  it('decodes Windows-1252 and UTF-16 with byte-order mark, never reading them as UTF-8', () => {
    expect(read('cp1252.csv', iconv.encode(csv, 'windows-1252'))).toEqual(expected);
    expect(read('utf16.csv', iconv.encode(csv, 'utf-16le', { addBOM: true }))).toEqual(expected);
    expect(read('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]))).toEqual(expected);
  });
});
