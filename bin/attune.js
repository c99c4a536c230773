#!/usr/bin/env node
// Thin launcher: everything lives in run(argv), which returns the exit code.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2));
