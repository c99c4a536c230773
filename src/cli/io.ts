// The process edges the CLI talks to, injected so that tests can run commands in memory.
import type { Readable } from 'node:stream';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: Readable;
  /** Whether stdout is an interactive terminal (colour and layout decisions). */
  stdoutIsTty: boolean;
  /** Whether standard error is a terminal (the progress bar is drawn only there). */
  stderrIsTty?: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

let pipeWatched = false;

export function processIo(): Io {
  // A reader that stops early (`attune rules | head`) closes the pipe: that ends the output quietly, as it
  // does for other command-line tools, rather than with a stack trace.
  if (!pipeWatched) {
    pipeWatched = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: process.stdin,
    stdoutIsTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}
