import { describe, expect, it } from 'vitest';
import { JsonScanner, ScanError } from '../../src/ingest/json-scanner.js';

function scan(text: string, chunkSize = text.length): { text: string; line: number }[] {
  const scanner = new JsonScanner();
  const out = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...scanner.push(text.slice(i, i + chunkSize)));
  scanner.end();
  return out;
}

describe('JsonScanner', () => {
  const array = '[\n  {"id": 1, "text": "a, b ] }"},\n  {"id": 2,\n   "nested": {"x": [1, 2]}}\n]\n';

  it('yields each element of a top-level array with its start line', () => {
    const values = scan(array);
    expect(values.map((v) => JSON.parse(v.text).id)).toEqual([1, 2]);
    expect(values.map((v) => v.line)).toEqual([2, 3]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 7]) expect(scan(array, size)).toEqual(scan(array));
  });

  it('streams the first array of a wrapper object and ignores the rest', () => {
    const text = '{"count": 2, "tickets": [{"id": "a"}, {"id": "b"}], "users": [{"id": "u"}]}';
    expect(scan(text, 5).map((v) => JSON.parse(v.text).id)).toEqual(['a', 'b']);
  });

  it('treats an object whose array holds turns as a single record', () => {
    const text = '{"id": "c1", "messages": [{"role": "customer", "text": "hi"}]}';
    const values = scan(text, 4);
    expect(values).toHaveLength(1);
    expect(JSON.parse(values[0]!.text).messages).toHaveLength(1);
  });

  it('names the line where a truncated document stops', () => {
    const scanner = new JsonScanner();
    scanner.push('[\n{"id": 1},\n{"id": 2, "text": "cut');
    expect(() => scanner.end()).toThrowError(ScanError);
    try {
      scanner.end();
    } catch (error) {
      expect((error as ScanError).line).toBe(3);
    }
  });

  it('rejects a document that is not an array or object', () => {
    expect(() => scan('"just a string"')).toThrowError(/expected a JSON array or object/);
  });

  it('reads documents that follow one another, each in its own shape, and rejects other text after one', () => {
    const pages = '[{"id": 1}]\n[{"id": 2}]\n{"tickets": [{"id": 3}], "next": null}\n{"id": 4, "messages": []}';
    for (const size of [1, 5, pages.length]) {
      expect(scan(pages, size).map((v) => [JSON.parse(v.text).id, v.line])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
    }
    expect(() => scan('[{"id": 1}]\noops')).toThrowError(/after the end/);
  });

  it('returns the records a chunk completed before an error in it, and throws on the next call', () => {
    const scanner = new JsonScanner();
    expect(scanner.push('[{"id": 1}, {"id": 2}] oops').map((v) => JSON.parse(v.text).id)).toEqual([1, 2]);
    expect(() => scanner.end()).toThrowError(/after the end/);
    expect(() => scanner.push('more')).toThrowError(/after the end/);
  });
});
