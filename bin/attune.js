#!/usr/bin/env node
// Thin launcher: everything lives in run(argv), which returns the exit code.
// An audit runs in a child Node with 8 MB semi-spaces: the reading thread allocates fast, and V8's
// default (16 MB) held about 35 MB more memory with two threads for about 4% of speed (README,
// "Performance"). The flag can only be set when Node starts, hence the second process.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const SEMI_SPACE = '--max-semi-space-size=8';
const args = process.argv.slice(2);
const flagged = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-semi-space-size'));

if (args.find((a) => !a.startsWith('-')) === 'audit' && !flagged) {
  const child = spawn(process.execPath, [...process.execArgv, SEMI_SPACE, process.argv[1], ...args], { stdio: 'inherit' });
  // Ctrl-C reaches both processes from a terminal; a signal sent to this one alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
} else {
  const { run } = await import('../dist/cli/run.js');
  process.exitCode = await run(args);
}
