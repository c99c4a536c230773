// Ctrl-C in the middle of a run leaves no half-written --turns file behind; a reader that stops early ends
// the output quietly.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('interrupted runs', () => {
  it('remove the staged --turns file on SIGINT', async () => {
    const input = path.join(dir, 'big.csv');
    const rows = ['conversation_id,role,agent,text'];
    for (let i = 0; i < 60000; i++) rows.push(`${i},customer,,my parcel number ${i} is late again and nobody answers`);
    writeFileSync(input, `${rows.join('\n')}\n`);
    const out = path.join(dir, 'out');
    (await import('node:fs')).mkdirSync(out);
    const child = spawn(process.execPath, ['bin/attune.js', 'audit', input, '--turns', path.join(out, 'turns.ndjson'), '--jobs', '1'], { cwd: path.resolve(FIXTURES, '..'), stdio: 'ignore' });
    // Wait until the staged file exists, then interrupt.
    for (let i = 0; i < 200 && readdirSync(out).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(out).length).toBe(1);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c, signal) => resolve(signal ? 130 : c)));
    expect(code).not.toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it('end quietly when the reader closes the pipe early (attune rules | head)', async () => {
    const child = spawn(process.execPath, ['bin/attune.js', 'rules'], { cwd: path.resolve(FIXTURES, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Close the reading end before any output, as `head` does once it has read its lines.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
