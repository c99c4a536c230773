import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../src/ingest/encoding.js';
import { FIXTURES, runCli } from '../helpers.js';

const file = (name: string) => path.join(FIXTURES, 'encodings', name);
const withoutInputs = (json: string) => JSON.stringify({ ...JSON.parse(json), inputs: undefined });

describe('encodings', () => {
  it('sniffs byte-order marks, valid UTF-8 and Windows-1252', () => {
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le');
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toBe('utf-16be');
    expect(sniffEncoding(Buffer.from('Zoë €', 'utf8'))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from('Zoë €', 'utf8').subarray(0, 7))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x80]))).toBe('windows-1252');
  });

  it('reads the same export in UTF-8 with BOM, UTF-16LE/BE with BOM and Windows-1252 to the same report', async () => {
    const runs = await Promise.all(['utf-8-bom.csv', 'utf-16le-bom.csv', 'utf-16be-bom.csv', 'windows-1252.csv'].map((f) => runCli(['audit', file(f), '--format', 'json'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    for (const r of runs.slice(1)) expect(withoutInputs(r.stdout)).toBe(withoutInputs(runs[0]!.stdout));
    expect(JSON.parse(runs[3]!.stdout).inputs[0].encoding).toBe('windows-1252');
    expect(JSON.parse(runs[0]!.stdout).agents[0].agent).toBe('Zoë');
    expect(JSON.parse(runs[0]!.stdout).inputs[0].encoding).toBeUndefined();
  });

  it('takes --encoding and rejects an unknown one', async () => {
    expect((await runCli(['audit', file('windows-1252.csv'), '--encoding', 'latin1', '--format', 'json'])).code).toBe(0);
    const r = await runCli(['audit', file('windows-1252.csv'), '--encoding', 'klingon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--encoding: 'klingon' is not an encoding attune knows");
  });
});
