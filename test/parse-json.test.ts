import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonFault, parseJson, readJsonFile } from '../src/parse-json.js';

const faultOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonFault(text, error);
  }
  throw new Error(`${text} parsed`);
};

describe('JSON syntax errors', () => {
  it.each([
    // Node gives no position for an unexpected character: the fault is found all the same.
    { text: '{"a": [1,\n  2,]\n}', line: 2, reason: "Unexpected token ']' at column 5" },
    { text: `[\n${'{"id": 1},\n'.repeat(40)}{"id": 2},\n]`, line: 43, reason: "Unexpected token ']' at column 1" },
    // Where Node gives one, its position is used.
    // Node quotes the text around the fault, cut with "..." on either side.
    { text: `[${'1,'.repeat(30)},1${',2'.repeat(30)}]`, line: 1, reason: "Unexpected token ',' at column 62" },
    { text: `[,${'1,'.repeat(30)}1]`, line: 1, reason: "Unexpected token ',' at column 2" },
    { text: '[1,,2]', line: 1, reason: "Unexpected token ',' at column 4" },
    { text: '{"a" 1}', line: 1, reason: "Expected ':' after property name at column 6" },
    { text: '{"a": 1}\n}', line: 2, reason: 'Unexpected non-whitespace character after JSON at column 1' },
    { text: '{"a": "b\u0001"}', line: 1, reason: 'Bad control character in string literal at column 9' },
    { text: '{"a": [1,\n2', line: 2, reason: "Expected ',' or ']' after array element at column 2" },
    { text: '{"a": 1, // note\n"b": 2}', line: 1, reason: 'Expected double-quoted property name at column 10' },
  ])('$text: line $line, $reason', ({ text, line, reason }) => {
    expect(faultOf(text)).toEqual({ line, reason });
  });

  it('never quotes the text, so the message stays on one line', () => {
    const { reason } = faultOf('{"title": "Refund",\n "text": "We are sorry"\n "tags": []}');
    expect(reason).not.toMatch(/\n|is not valid JSON|Refund/);
  });

  it('names the file and the line counted from where the text starts in it', () => {
    expect(() => parseJson('{"a": [1,\n2,]}', 'tickets.ndjson', 7)).toThrowError(/^tickets\.ndjson:8: not valid JSON \(Unexpected token '\]' at column 3\)\.$/);
    expect(parseJson('{"a": [1, 2]}', 'ok.json')).toEqual({ a: [1, 2] });
  });

  it('reads a JSON file whole, naming a file it cannot read and saying how to make one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attune-json-'));
    writeFileSync(path.join(dir, 'report.json'), '{"schemaVersion": 1,\n"agents": [,]}');
    expect(() => readJsonFile(path.join(dir, 'report.json'), 'report.json', 'the report')).toThrowError(/^report\.json:2: not valid JSON \(Unexpected token ',' at column 12\)\.$/);
    expect(() => readJsonFile(path.join(dir, 'none.json'), 'none.json', 'the report', 'write one with attune audit --format json')).toThrowError('none.json: cannot read the report (ENOENT); write one with attune audit --format json.');
  });
});
