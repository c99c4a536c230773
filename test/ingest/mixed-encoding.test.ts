// Files in two encodings at once: each character read in the encoding its bytes are valid in.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWhole, EncodingTally, mixedToUtf8, type MainEncoding } from '../../src/ingest/mixed-encoding.js';
import { runCli, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const cp1252 = (text: string) => iconv.encode(text, 'windows-1252');

/** The text a stream of `bytes` gives when cut into chunks of `size` bytes, and the notes it makes. */
async function decode(bytes: Buffer, size: number, main: MainEncoding) {
  const notes: string[] = [];
  const tally = new EncodingTally(main, 'f.csv', (reason, count) => notes.push(`${count}: ${reason}`));
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const text = (await buffer(mixedToUtf8(Readable.from(chunks), tally))).toString('utf8');
  return { text, notes, encoding: tally.encoding() };
}

describe('mixed encodings', () => {
  const lines = ['id,text', '1,I’m so sorry 😞 about the café', '2,Refund of 5€ sent – thanks'];
  const mixed = Buffer.concat([utf8(`${lines[0]}\n${lines[1]}\n`), cp1252(`${lines[2]}\n`)]);

  it.each([1, 2, 3, 5, 64])('read each character in its own encoding, however the bytes are cut (chunks of %i)', async (size) => {
    const { text, notes, encoding } = await decode(mixed, size, 'utf-8');
    expect(text).toBe(`${lines.join('\n')}\n`);
    expect(encoding).toBe('utf-8');
    expect(notes).toEqual(['1: lines in Windows-1252 in a file otherwise in UTF-8 (mixed encodings), each read in its own, first at f.csv:3']);
  });

  it('name the encoding most lines are in when the head was Windows-1252, and note the others', async () => {
    const bytes = Buffer.concat([cp1252('1,Café\n'), utf8('2,Zoë\n3,Ünal\n4,Łukasz\n')]);
    const { text, notes, encoding } = await decode(bytes, 4, 'windows-1252');
    expect(text).toBe('1,Café\n2,Zoë\n3,Ünal\n4,Łukasz\n');
    expect(encoding).toBe('utf-8');
    expect(notes).toEqual(['1: lines in Windows-1252 in a file otherwise in UTF-8 (mixed encodings), each read in its own, first at f.csv:1']);
  });

  it('read a file in one encoding without a note', async () => {
    for (const [bytes, main] of [[utf8(`${lines.join('\n')}\n`), 'utf-8'], [cp1252('1,“Café” – 5€\n2,naïve\n'), 'windows-1252']] as const) {
      const { text, notes, encoding } = await decode(bytes, 3, main);
      expect(text).toBe(main === 'utf-8' ? `${lines.join('\n')}\n` : '1,“Café” – 5€\n2,naïve\n');
      expect(encoding).toBe(main);
      expect(notes).toEqual([]);
    }
  });

  it('decode a whole library file the same way', () => {
    expect(decodeWhole(mixed)).toBe(`${lines.join('\n')}\n`);
    expect(decodeWhole(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mixed]))).toBe(`${lines.join('\n')}\n`);
  });

  it('give an audit the text as typed, and a note with the first line in the other encoding', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `C${i},customer,,My order ${i} is late\nC${i},agent,Ana,I'm so sorry about that`);
    const bytes = Buffer.concat([utf8(`conversation_id,role,agent,text\n${rows.join('\n')}\n`), cp1252('X1,customer,,Still waiting – café closed\nX1,agent,Ana,We’re sorry – refund of 5€ sent\n')]);
    writeFileSync(path.join(dir, 'hand-edited.csv'), bytes);
    const r = await runCli(['audit', 'hand-edited.csv', '--format', 'json', '--turns', path.join(dir, 'turns.ndjson')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0].encoding).toBeUndefined();
    expect(report.totals.notes).toEqual({ 'lines in Windows-1252 in a file otherwise in UTF-8 (mixed encodings), each read in its own, first at hand-edited.csv:4002': 2 });
    const turns = readFileSync(path.join(dir, 'turns.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(turns.find((t) => t.conversation === 'X1' && t.role === 'agent').findings[0].match).toBe('We’re sorry');
  });
});
