// Typed errors that carry their exit code, so core code never calls process.exit.

/** Exit codes shared by every command: 0 done, 1 findings at or above the gate, 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** An error the user can fix: its message is printed on one line, without a stack trace. */
export class AttuneError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.error) {
    super(message);
    this.name = 'AttuneError';
    this.exitCode = exitCode;
  }
}

/** A problem in one input file, named by file and line. */
export class InputError extends AttuneError {
  constructor(file: string, line: number | undefined, problem: string) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'InputError';
  }
}
