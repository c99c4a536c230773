// Reads a JSON document as a stream of records (array elements or one object), never the whole file at once.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';
import { JsonScanner, ScanError } from './json-scanner.js';
import { parseObject } from './read-ndjson.js';
import type { SourceRecord } from './source-record.js';
import { stripBom } from './sniff-format.js';

export async function* readJson(stream: Readable, file: string): AsyncGenerator<SourceRecord> {
  const scanner = new JsonScanner();
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text = decoder.write(chunk);
      if (first) {
        text = stripBom(text);
        first = false;
      }
      for (const value of scanner.push(text)) yield { file, line: value.line, fields: parseObject(value.text, file, value.line) };
    }
    for (const value of scanner.push(decoder.end())) yield { file, line: value.line, fields: parseObject(value.text, file, value.line) };
    scanner.end();
  } catch (error) {
    if (error instanceof ScanError) throw new InputError(file, error.line, `${error.message}.`);
    throw error;
  }
}
