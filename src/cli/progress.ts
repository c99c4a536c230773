// The progress bar of long audits: drawn on standard error only when it is a terminal. The only
// module that imports cli-progress.
import cliProgress from 'cli-progress';
import { sourceBytes } from '../ingest/resolve-inputs.js';
import type { Source } from '../ingest/source-record.js';
import type { Io } from './io.js';

export interface Progress {
  update(bytes: number, records: number): void;
  stop(): void;
}

export function startProgress(io: Io, sources: Source[], enabled: boolean): Progress | null {
  if (!enabled || !io.stderrIsTty) return null;
  const total = sourceBytes(sources);
  if (total === 0) return null;
  const bar = new cliProgress.SingleBar(
    { format: 'attune {bar} {percentage}% | {records} records | {eta_formatted} left', stream: process.stderr, hideCursor: true, clearOnComplete: true, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { records: 0 });
  return {
    update: (bytes, records) => bar.update(Math.min(bytes, total), { records }),
    stop: () => bar.stop(),
  };
}
