// JSON syntax errors a person can act on: where the text stops being JSON, and what is wrong there, on
// one line. Node's own message quotes the text around the fault, line breaks and all, and for an
// unexpected character gives no position; jsonc-parser (imported only here) finds it then.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import { AttuneError, InputError } from './errors.js';

export interface JsonFault {
  /** 1-based line of the fault, counted from the text's first line, when it can be found. */
  line: number | undefined;
  /** What is wrong, without Node's quotation of the text, and the column ("Unexpected token ']' at column 3"). */
  reason: string;
}

/** JSON.parse, throwing an InputError that names `file`, the line (the text's first line being
 * `firstLine`) and the fault. */
export function parseJson(text: string, file: string, firstLine = 1): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, reason } = jsonFault(text, error);
    throw new InputError(file, line === undefined ? undefined : firstLine + line - 1, `not valid JSON (${reason}).`);
  }
}

/** A JSON file read whole (a report, a partial aggregate, a baseline): one that cannot be read, or is not
 * JSON, stops the run with one line naming `display`, and `hint` says how to make one. */
export function readJsonFile(full: string, display: string, what: string, hint = ''): unknown {
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new AttuneError(`${display}: cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})${hint ? `; ${hint}` : ''}.`);
  }
  return parseJson(text, display);
}

/** The fault in `text` that made JSON.parse throw `error`. */
export function jsonFault(text: string, error: unknown): JsonFault {
  const message = error instanceof Error ? error.message : String(error);
  const what = message
    .replace(/ (?:in JSON )?at position \d+[\s\S]*$/, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : message.includes('end of JSON input') ? text.length : firstFault(text);
  if (offset === undefined) return { line: undefined, reason: what };
  const before = text.slice(0, offset);
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line: countLines(before), reason: `${what} at column ${column}` };
}

/** jsonc-parser is loaded only when a text fails to parse: no run that reads good JSON pays for it. */
function firstFault(text: string): number | undefined {
  const { parse } = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0]?.offset;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}
