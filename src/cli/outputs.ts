// Files the CLI writes: whole reports atomically, and the per-turn export through a temporary file
// that replaces the target only when the run succeeds, so no half-written file is ever left behind.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { AttuneError } from '../errors.js';

export async function writeReportFile(file: string, content: string): Promise<void> {
  try {
    await writeFileAtomic(file, content);
  } catch (error) {
    throw new AttuneError(`${file}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

/** Flushes every 64 KB: bounded memory, and synchronous writes cannot fall behind the pipeline. */
const FLUSH_BYTES = 64 * 1024;

/** Staged files still being written: removed if the run is interrupted (Ctrl-C, kill) or exits early. */
const active = new Set<StagedFile>();
let handlersInstalled = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // The handler stays installed until the files are gone: a second Ctrl-C during clean-up (the terminal
  // and bin/attune.js may both deliver one) must not kill the process half-way through it.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    for (const file of active) file.discard();
    for (const s of SIGNALS) process.off(s, onSignal);
    // Re-raise so the shell sees the usual exit status for the signal.
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  // Any other way out before the run ends (process.exit from the stall guard) removes them too.
  process.once('exit', () => {
    for (const file of active) file.discard();
  });
}

export class StagedFile {
  private readonly temp: string;
  private fd: number;
  private buffer = '';

  constructor(private readonly target: string) {
    installSignalHandlers();
    active.add(this);
    this.temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      throw new AttuneError(`${target}: cannot write here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  /** Moves the finished file into place. */
  commit(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temp, this.target);
    active.delete(this);
  }

  /** Drops the partial file after an error. */
  discard(): void {
    active.delete(this);
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.temp, { force: true });
  }

  private flush(): void {
    if (this.buffer === '') return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
