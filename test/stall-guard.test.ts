import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const guard = path.resolve(import.meta.dirname, '../dist/stall-guard.js');
const outputs = path.resolve(import.meta.dirname, '../dist/cli/outputs.js');
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs a module that guards a run whose work is `work`: a promise that may never settle. */
function guarded(work: string) {
  const script = `import { guardStall, nowReading } from ${JSON.stringify(guard)};
import { StagedFile } from ${JSON.stringify(outputs)};
const stop = guardStall((text) => process.stderr.write(text));
new StagedFile(${JSON.stringify(path.join(dir, 'turns.ndjson'))}).write('{"turn": 0}\\n');
nowReading('exports/tickets.xlsx');
await ${work};
stop();`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('a run that stalls', () => {
  it('says so on one line, naming the input being read, and exits with 2 rather than 13 and no word', () => {
    const r = guarded('new Promise(() => {})');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('attune: exports/tickets.xlsx: reading stopped before the end of the input, with no error to show: the file may be damaged.\n');
    // The per-turn export being written is removed, not left half-written.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a run that ends alone', () => {
    const r = guarded('new Promise((done) => setTimeout(done, 10))');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
