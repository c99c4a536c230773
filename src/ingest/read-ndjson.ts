// Reads newline-delimited JSON: one object per line; blank lines are allowed.
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import type { SourceRecord } from './source-record.js';
import { stripBom } from './sniff-format.js';

export async function* readNdjson(stream: Readable, file: string): AsyncGenerator<SourceRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? stripBom(raw) : raw;
    if (text.trim() === '') continue;
    yield { file, line, fields: parseObject(text, file, line) };
  }
}

export function parseObject(text: string, file: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, line, `not valid JSON (${(error as Error).message}).`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, line, `expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  return value as Record<string, unknown>;
}
