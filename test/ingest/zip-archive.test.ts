// Zip archives of exports are read file by file, as a folder is, and a damaged or locked one is named.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const archive = path.join(FIXTURES, 'archives/exports.zip');
const audit = async (args: string[], stdin?: Buffer) => runCli(['audit', ...args, '--format', 'json'], { cwd: dir, ...(stdin ? { stdin } : {}) });
const withoutFiles = (json: string) => JSON.parse(json, (key, value) => (key === 'file' || key === 'at' || key === 'conversation' ? undefined : value));

// What exports.zip holds, written out: its CSV (the demo's first 39 turns), a gzipped CSV (the next 20)
// and a chat log in `sub/`; a README and a macOS resource fork that are not exports.
const demo = readFileSync(path.join(FIXTURES, 'demo/support-export.csv'), 'utf8').split('\n');
mkdirSync(path.join(dir, 'unpacked/sub'), { recursive: true });
writeFileSync(path.join(dir, 'unpacked/tickets.csv'), demo.slice(0, 40).join('\n') + '\n');
writeFileSync(path.join(dir, 'unpacked/sub/more.csv'), [demo[0], ...demo.slice(40, 60)].join('\n') + '\n');
writeFileSync(path.join(dir, 'unpacked/sub/chats.txt'), readFileSync(path.join(FIXTURES, 'cases/reader-chat-log/chats.txt')));
const bytes = readFileSync(archive);

describe('zip archives', () => {
  it('read every export inside, in name order, gzipped ones too, and give the report of the files unpacked', async () => {
    const zipped = await audit([archive]);
    expect(zipped.code, zipped.stderr).toBe(0);
    const report = JSON.parse(zipped.stdout);
    expect(report.inputs.map((i: { file: string }) => path.relative(FIXTURES, i.file))).toEqual(['archives/exports.zip/sub/chats.txt', 'archives/exports.zip/sub/more.csv.gz', 'archives/exports.zip/tickets.csv']);
    const unpacked = await audit(['unpacked']);
    expect(withoutFiles(zipped.stdout)).toEqual(withoutFiles(unpacked.stdout));
    expect(report.totals.turns.agent).toBeGreaterThan(0);
  });

  it('are read inside folders, and by their first bytes whatever their name', async () => {
    mkdirSync(path.join(dir, 'folder'));
    writeFileSync(path.join(dir, 'folder/november.zip'), bytes);
    writeFileSync(path.join(dir, 'renamed.csv'), bytes);
    for (const input of ['folder', 'renamed.csv']) {
      const r = await audit([input]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).inputs).toHaveLength(3);
    }
  });

  it('name what stops them, in one line with exit 2: a locked file, no exports, a cut archive, standard input', async () => {
    writeFileSync(path.join(dir, 'cut.zip'), bytes.subarray(0, bytes.length / 2));
    const cases: [string[], string, Buffer?][] = [
      [[path.join(FIXTURES, 'archives/encrypted.zip')], 'encrypted.zip/tickets.csv: the file is encrypted in the archive: unzip it with its password, then audit what it holds.'],
      [[path.join(FIXTURES, 'archives/no-exports.zip')], 'no-exports.zip: the archive holds no .csv, .tsv, .json, .jsonl, .ndjson files (nor any of them gzipped), Excel workbooks or chat logs.'],
      [['cut.zip'], 'cut.zip: not a readable zip archive (End of central directory record signature not found. Either not a zip file, or file is truncated).'],
      [['-'], '-: a zip archive: attune reads one named as a file (tickets.zip), not from standard input or inside another archive; or unzip it first.', bytes],
    ];
    for (const [args, message, stdin] of cases) {
      const r = await audit(args, stdin);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim().endsWith(message), r.stderr).toBe(true);
    }
  });

  it('with a damaged file: what comes before the damage is read, the rest skipped; --strict names the line', async () => {
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf('tickets.csv') + 'tickets.csv'.length + 200;
    for (let i = at; i < at + 4; i++) damaged[i]! ^= 0x55;
    writeFileSync(path.join(dir, 'damaged.zip'), damaged);
    const r = await audit(['damaged.zip']);
    expect(r.code, r.stderr).toBe(0);
    const { totals } = JSON.parse(r.stdout);
    const reason = 'the compressed data is cut short or damaged: the rest of the file was not read';
    expect(totals.skipped).toEqual({ [reason]: 1 });
    expect(totals.skippedAt[reason]).toMatch(/^damaged\.zip\/tickets\.csv:\d+$/);
    const strict = await audit(['damaged.zip', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr.trim()).toMatch(/^attune: damaged\.zip\/tickets\.csv:\d+: the compressed data is cut short or damaged\.$/);
  });

  it('with a chat log damaged in its first bytes: read and reported, not passed over as a file that is no export', async () => {
    const damaged = Buffer.from(bytes);
    // Four bytes changed early in the chat log's compressed data: its head cannot show it is a chat log.
    damaged.set([0xac, 0x0e, 0x8f, 0x53], damaged.indexOf('sub/chats.txt') + 297);
    writeFileSync(path.join(dir, 'damaged-chat.zip'), damaged);
    const r = await audit(['damaged-chat.zip']);
    expect(r.code, r.stderr).toBe(0);
    const { inputs, totals } = JSON.parse(r.stdout);
    expect(inputs.map((i: { file: string }) => i.file)).toContain('damaged-chat.zip/sub/chats.txt');
    expect(totals.skippedAt).toEqual({ 'the compressed data is cut short or damaged: the rest of the file was not read': 'damaged-chat.zip/sub/chats.txt:1' });
  });

  it('with a file whose bytes were changed but not their number: read, and said to be damaged; --strict stops', async () => {
    // A stored (uncompressed) file with one letter changed: it unpacks whole, but its checksum is wrong.
    const archive = path.join(FIXTURES, 'archives/checksum-mismatch.zip');
    const r = await audit([archive]);
    expect(r.code, r.stderr).toBe(0);
    const { totals } = JSON.parse(r.stdout);
    expect(totals.records).toBe(10);
    expect(totals.notes).toEqual({ [`damaged in its archive (its checksum does not match): what was read from it may be garbled (${archive}/tickets.csv)`]: 1 });
    const strict = await audit([archive, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toBe(`attune: ${archive}/tickets.csv: damaged in its archive (its checksum does not match).\n`);
  });
});
