#!/usr/bin/env node
// Thin launcher: everything lives in run(argv), which returns the exit code.
// An audit that starts workers runs in a child Node with 8 MB semi-spaces: the reading thread allocates
// fast, and V8's default (16 MB) held about 35 MB more memory with a worker for about 5% of speed. It
// also collects the young generation without helper threads when there is a scoring thread on every
// core: the helpers then only take turns from them (--jobs 2 on 2 cores: 6-10% faster, same memory).
// On one thread (--jobs 1, or one core) the defaults stay: 7% faster for 7 MB, and the helpers use a
// core that would idle (README, "Performance"). The flags can only be set when Node starts, hence the
// second process.
import { spawn } from 'node:child_process';
import { availableParallelism, constants } from 'node:os';

const SEMI_SPACE = '--max-semi-space-size=8';
const NO_HELPERS = '--no-parallel-scavenge';
const args = process.argv.slice(2);
const flagged = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-semi-space-size'));

/** The value of -j/--jobs, in any of the forms the command line takes. */
function jobsFlag() {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-j' || args[i] === '--jobs') return args[i + 1];
    const joined = /^(?:--jobs=|-j)(.+)$/.exec(args[i]);
    if (joined) return joined[1];
  }
  return undefined;
}

const cores = availableParallelism();
const jobs = Number(jobsFlag() ?? cores);
if (args.find((a) => !a.startsWith('-')) === 'audit' && jobs !== 1 && !flagged) {
  const flags = jobs >= cores ? [SEMI_SPACE, NO_HELPERS] : [SEMI_SPACE];
  const child = spawn(process.execPath, [...process.execArgv, ...flags, process.argv[1], ...args], { stdio: 'inherit' });
  // Ctrl-C reaches both processes from a terminal; a signal sent to this one alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)));
} else {
  const { run } = await import('../dist/cli/run.js');
  process.exitCode = await run(args);
}
