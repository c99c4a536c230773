// Reads newline-delimited JSON: one object per line; blank lines are allowed.
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import { parseJson } from '../parse-json.js';
import { badRecord, type RecordPolicy } from './record-policy.js';
import type { SourceRecord } from './source-record.js';
import { stripBom } from './sniff-format.js';

export async function* readNdjson(stream: Readable, file: string, policy: RecordPolicy): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    // Every line: files joined with `cat` keep each part's byte-order mark at the start of its first line.
    const text = stripBom(raw);
    if (text.trim() === '') continue;
    const fields = parseRecord(text, file, line, policy);
    if (fields) yield { file, line, fields };
  }
}

/** One JSON record, or undefined when it was bad and skipped. */
export function parseRecord(text: string, file: string, line: number, policy: RecordPolicy): Record<string, unknown> | undefined {
  try {
    return parseObject(text, file, line);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    badRecord(policy, file, line, error.message.slice(`${file}:${line}: `.length), error.message.includes('not valid JSON') ? 'record that is not valid JSON' : 'record that is not a JSON object');
    return undefined;
  }
}

export function parseObject(text: string, file: string, line: number): Record<string, unknown> {
  const value = parseJson(text, file, line);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, line, `expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  return value as Record<string, unknown>;
}
