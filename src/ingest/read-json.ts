// Reads a JSON document as a stream of records (array elements or one object), never the whole file at once.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { JsonScanner, ScanError } from './json-scanner.js';
import { parseRecord } from './read-ndjson.js';
import { badRecord, type RecordPolicy } from './record-policy.js';
import type { SourceRecord } from './source-record.js';
import { stripBom } from './sniff-format.js';

export async function* readJson(stream: Readable, file: string, policy: RecordPolicy): AsyncGenerator<SourceRecord> {
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
      for (const value of scanner.push(text)) {
        const fields = parseRecord(value.text, file, value.line, policy);
        if (fields) yield { file, line: value.line, fields };
      }
    }
    for (const value of scanner.push(decoder.end())) {
      const fields = parseRecord(value.text, file, value.line, policy);
      if (fields) yield { file, line: value.line, fields };
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    // The document cannot be followed past this point: the rest of it is one skipped stretch.
    badRecord(policy, file, error.line, `${error.message}.`, `${error.message}: the rest of the file was not read`);
  }
}
