import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { readV8 } from '../../src/detect/model-snapshot.js';

const dir = mkdtempSync(path.join(tmpdir(), 'attune-v8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every typed array in a value, with where it is. */
function views(value: unknown, at = ''): [string, ArrayBufferView][] {
  if (ArrayBuffer.isView(value)) return [[at, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => views(inner, `${at}.${key}`));
}

describe('readV8', () => {
  it('gives every typed array a buffer of its own, not a view of the whole file', () => {
    const file = path.join(dir, 'model.v8');
    const big = new Int32Array(50_000).map((_, i) => i * 7);
    const written = { words: ['a', 'b'], rules: Int32Array.from([1, -1, 2]), nested: { big, lists: [[1, 2], [3]], small: new Float64Array([0.5, 1.5]) } };
    writeFileSync(file, v8.serialize(written));
    // The reason for the copy: deserialized as it is, one of these arrays views the whole file's bytes.
    const raw = views(v8.deserialize(v8.serialize(written)));
    expect(raw.some(([, view]) => view.buffer.byteLength > view.byteLength)).toBe(true);
    const read = readV8<typeof written>(file)!;
    expect(read).toEqual(written);
    for (const [at, view] of views(read)) expect(view.buffer.byteLength, at).toBe(view.byteLength);
  });

  it('is undefined for a file that is absent or not a v8 snapshot', () => {
    const junk = path.join(dir, 'junk.v8');
    writeFileSync(junk, 'not a snapshot');
    expect(readV8(junk)).toBeUndefined();
    expect(readV8(path.join(dir, 'absent.v8'))).toBeUndefined();
  });
});
