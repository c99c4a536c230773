// Gzip-compressed exports are read as the text they hold, and a cut-short one is never half read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/ingest/resolve-inputs.js';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const demo = readFileSync(path.join(FIXTURES, 'demo/support-export.csv'));
const chat = readFileSync(path.join(FIXTURES, 'cases/reader-chat-log/chats.txt'));
mkdirSync(path.join(dir, 'folder'));
writeFileSync(path.join(dir, 'plain.csv'), demo);
writeFileSync(path.join(dir, 'folder/tickets.csv.gz'), gzipSync(demo));
writeFileSync(path.join(dir, 'folder/chats.log.gz'), gzipSync(chat));
writeFileSync(path.join(dir, 'folder/notes.txt.gz'), gzipSync('Remember to export Fridays too.\n'));
// The compressed stream cut after a third of its bytes: a download that stopped part way.
const compressed = gzipSync(demo);
writeFileSync(path.join(dir, 'cut.csv.gz'), compressed.subarray(0, Math.floor(compressed.length / 3)));

const audit = async (args: string[], stdin?: Buffer) => runCli(['audit', ...args, '--format', 'json'], { cwd: dir, ...(stdin ? { stdin } : {}) });
const withoutFiles = (json: string) => JSON.parse(json, (key, value) => (key === 'file' || key === 'at' ? undefined : value));

describe('gzip-compressed exports', () => {
  it('give the report of the text they hold, from a file, a folder or standard input', async () => {
    const plain = await audit(['plain.csv']);
    expect(plain.code).toBe(0);
    const file = await audit([path.join('folder', 'tickets.csv.gz')]);
    const stdin = await audit(['-'], gzipSync(demo));
    for (const r of [file, stdin]) {
      expect(r.code, r.stderr).toBe(0);
      expect(withoutFiles(r.stdout)).toEqual(withoutFiles(plain.stdout));
    }
    expect(JSON.parse(file.stdout).agents.length).toBeGreaterThan(0);
  });

  it('are found in folders, with gzipped chat logs, while a gzipped text that is no chat log is left alone', async () => {
    expect((await resolveInputs(['folder'], dir)).map((s) => path.basename(s.display))).toEqual(['chats.log.gz', 'tickets.csv.gz']);
  });

  it('cut short: the whole lines before the cut are read and the rest is one skipped stretch; --strict names the line', async () => {
    const r = await audit(['cut.csv.gz']);
    expect(r.code, r.stderr).toBe(0);
    const { totals } = JSON.parse(r.stdout);
    const reason = 'the compressed data is cut short or damaged: the rest of the file was not read';
    expect(totals.skipped).toEqual({ [reason]: 1 });
    const line = Number(/:(\d+)$/.exec(totals.skippedAt[reason])![1]);
    // Every record before the cut line is read, and none after it: no half line is taken as a turn.
    const turns = totals.turns.customer + totals.turns.agent + totals.turns.other;
    expect(turns).toBe(line - 2);
    expect(turns).toBeGreaterThan(0);
    const strict = await audit(['cut.csv.gz', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr.trim()).toBe(`attune: cut.csv.gz:${line}: the compressed data is cut short or damaged.`);
  });
});
