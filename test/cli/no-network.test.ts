// attune never opens a network connection: every command runs in a child process whose network
// functions are replaced by ones that record the attempt.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const root = path.resolve(FIXTURES, '..');
const preload = path.resolve(import.meta.dirname, '../fixtures-support/no-network.mjs');

describe('no network', () => {
  const commands = [
    ['audit', 'fixtures/demo', '--format', 'html', '--out', path.join(dir, 'r.html'), '--jobs', '2'],
    ['audit', 'fixtures/cases/reader-zendesk/tickets.json', '--format', 'json'],
    ['lint', 'fixtures/lint', '--format', 'sarif'],
    ['eval', 'empathy', 'fixtures/eval/agent-labels.jsonl'],
  ];
  for (const args of commands) {
    it(`attune ${args.slice(0, 2).join(' ')} makes no connection`, () => {
      const logFile = path.join(dir, `${args[0]}-${args[1]!.replace(/\W/g, '')}.log`);
      const r = spawnSync(process.execPath, ['--import', preload, 'bin/attune.js', ...args], { cwd: root, env: { ...process.env, ATTUNE_NET_LOG: logFile }, encoding: 'utf8' });
      expect([0, 1]).toContain(r.status);
      expect(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '').toBe('');
    });
  }
});
