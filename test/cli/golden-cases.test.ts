// Golden CLI cases: each folder under fixtures/cases holds case.json (arguments, exit code, optional
// stdin file and output files), its inputs, and the expected stdout, stderr and output files.
// Refresh expectations after an intended change with: UPDATE_GOLDEN=1 npx vitest run test/cli/golden-cases.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

interface Case {
  args: string[];
  exitCode: number;
  stdin?: string;
  outputs?: string[];
}

const casesDir = path.join(FIXTURES, 'cases');
const update = process.env.UPDATE_GOLDEN === '1';
const { dir: tmp, cleanup } = tempDir();
afterAll(cleanup);

function expectFile(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(existsSync(file) ? readFileSync(file, 'utf8') : '');
}

describe('golden CLI cases', () => {
  for (const name of readdirSync(casesDir).sort()) {
    it(name, async () => {
      const folder = path.join(casesDir, name);
      const spec = JSON.parse(readFileSync(path.join(folder, 'case.json'), 'utf8')) as Case;
      const out = path.join(tmp, name);
      const args = spec.args.map((a) => a.replaceAll('{tmp}', out));
      if (spec.outputs) await import('node:fs').then((fs) => fs.mkdirSync(out, { recursive: true }));
      const result = await runCli(args, { cwd: folder, ...(spec.stdin ? { stdin: readFileSync(path.join(folder, spec.stdin), 'utf8') } : {}) });
      expect(result.code, result.stderr).toBe(spec.exitCode);
      expectFile(path.join(folder, 'expected-stdout.txt'), result.stdout);
      expectFile(path.join(folder, 'expected-stderr.txt'), result.stderr);
      for (const output of spec.outputs ?? []) expectFile(path.join(folder, `expected-${output}`), readFileSync(path.join(out, output), 'utf8'));
    });
  }
});
