// Whether to colour terminal output: only on a TTY, never under NO_COLOR, TERM=dumb or --no-color;
// FORCE_COLOR turns it on anywhere (chalk itself ignores NO_COLOR, so the rule lives here).
import type { Io } from './io.js';

export function useColor(io: Io, flag: boolean, toFile: boolean): boolean {
  if (!flag || toFile) return false;
  const { env } = io;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return io.stdoutIsTty;
}
