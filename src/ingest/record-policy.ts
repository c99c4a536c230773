// What a reader does with a bad record: stop with file:line (--strict), or skip it and count why.
import { InputError } from '../errors.js';

export interface RecordPolicy {
  strict: boolean;
  skip(reason: string): void;
}

/** Stops the run under --strict; otherwise counts the record as skipped for `reason`. */
export function badRecord(policy: RecordPolicy, file: string, line: number | undefined, message: string, reason: string): void {
  if (policy.strict) throw new InputError(file, line, message);
  policy.skip(reason);
}

/** Every problem stops the run: for labeled files, where a skipped row would bias the figures silently. */
export const STRICT: RecordPolicy = { strict: true, skip: () => {} };
