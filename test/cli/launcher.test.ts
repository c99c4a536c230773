// bin/attune.js runs an audit with workers in a second Node process (for a smaller young generation): standard input,
// output and exit codes must pass through it unchanged, and the child must really carry the flag.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers.js';

const root = path.resolve(FIXTURES, '..');
const cli = (args: string[], input?: string) => spawnSync(process.execPath, ['bin/attune.js', ...args], { cwd: root, input, encoding: 'utf8' });

describe('the attune launcher', () => {
  it('gives an audit read from standard input the same report as run() does', async () => {
    const stdin = readFileSync(path.join(FIXTURES, 'cases/stdin-ndjson/stdin.ndjson'), 'utf8');
    const launched = cli(['audit', '-', '--format', 'json', '--jobs', '2'], stdin);
    const direct = await runCli(['audit', '-', '--format', 'json', '--jobs', '2'], { stdin, cwd: root });
    expect(launched.status).toBe(0);
    expect(launched.stdout).toBe(direct.stdout);
  });

  it('passes a bad-input exit code and its one-line error through', () => {
    const r = cli(['audit', 'no-such-file.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no-such-file.csv');
  });

  it('starts an audit with workers with 8 MB semi-spaces and a young generation collected without helpers, and one-thread audits and other commands without a second process', () => {
    const probe = ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("execArgv="+JSON.stringify(process.execArgv)+"\\n"))'];
    const audit = spawnSync(process.execPath, [...probe, 'bin/attune.js', 'audit', 'fixtures/demo', '--format', 'json', '--jobs', '2'], { cwd: root, encoding: 'utf8' });
    expect(audit.stderr).toContain('--max-semi-space-size=8');
    expect(audit.stderr).toContain('--no-parallel-scavenge');
    for (const jobs of [['--jobs', '1'], ['--jobs=1'], ['-j1']]) {
      const alone = spawnSync(process.execPath, [...probe, 'bin/attune.js', 'audit', 'fixtures/demo', '--format', 'json', ...jobs], { cwd: root, encoding: 'utf8' });
      expect(alone.status).toBe(0);
      expect(alone.stderr).not.toContain('--max-semi-space-size');
      expect(alone.stderr).not.toContain('--no-parallel-scavenge');
    }
    const rules = spawnSync(process.execPath, [...probe, 'bin/attune.js', 'rules'], { cwd: root, encoding: 'utf8' });
    expect(rules.status).toBe(0);
    expect(rules.stderr).not.toContain('--max-semi-space-size');
  });
});
