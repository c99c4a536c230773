import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/ingest/resolve-inputs.js';
import { tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
mkdirSync(path.join(dir, 'exports/2026'), { recursive: true });
for (const f of ['exports/b.csv', 'exports/a.JSON', 'exports/2026/c.ndjson', 'exports/notes.txt', 'top.jsonl']) writeFileSync(path.join(dir, f), '');
writeFileSync(path.join(dir, 'exports/chat.log'), '(10:00:00 AM) Ana: hello\n');

describe('resolveInputs', () => {
  it('walks folders recursively for known extensions, in a stable order', async () => {
    const sources = (await resolveInputs(['exports'], dir)).map((s) => s.display);
    // notes.txt is not a chat log, so it is left alone; chat.log is read.
    expect(sources).toEqual([path.join('exports', '2026/c.ndjson'), path.join('exports', 'a.JSON'), path.join('exports', 'b.csv'), path.join('exports', 'chat.log')]);
  });

  it('expands globs and keeps - for standard input, without duplicates', async () => {
    const sources = await resolveInputs(['*.jsonl', '-', 'top.jsonl'], dir);
    expect(sources.map((s) => s.display)).toEqual(['top.jsonl', '-']);
    expect(sources[1]!.path).toBeNull();
  });

  it('reads a file reached twice through a link once: a link to a parent folder doubles nothing', async () => {
    mkdirSync(path.join(dir, 'linked/sub'), { recursive: true });
    writeFileSync(path.join(dir, 'linked/a.csv'), '');
    symlinkSync('..', path.join(dir, 'linked/sub/up'));
    const sources = (await resolveInputs(['linked', 'linked/a.csv'], dir)).map((s) => s.display);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatch(/a\.csv$/);
  });

  it('names a missing file and an empty glob', async () => {
    await expect(resolveInputs(['nope.csv'], dir)).rejects.toThrowError('nope.csv: no such file or folder.');
    await expect(resolveInputs(['*.xlsx'], dir)).rejects.toThrowError('*.xlsx: the pattern matches no files.');
  });
});
