// What a reader does with a bad record: stop with file:line (--strict), or skip it and count why.
import { InputError } from '../errors.js';

export interface RecordPolicy {
  strict: boolean;
  /** `at` is where the record is: "file:line", or the file alone. */
  skip(reason: string, count?: number, at?: string): void;
  /** Counts a record that was read but deserves a word in the report. */
  note?(reason: string, count?: number): void;
}

/** Stops the run under --strict; otherwise counts the record as skipped for `reason`. */
export function badRecord(policy: RecordPolicy, file: string, line: number | undefined, message: string, reason: string): void {
  if (policy.strict) throw new InputError(file, line, message);
  policy.skip(reason, 1, line === undefined ? file : `${file}:${line}`);
}

/** Every problem stops the run: for labeled files, where a skipped row would bias the figures silently. */
export const STRICT: RecordPolicy = { strict: true, skip: () => {} };
