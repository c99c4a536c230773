// Opens each source, picks its reader (forced or sniffed), and yields its records in file order.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { peekStream } from './peek-stream.js';
import { readCsv } from './read-csv.js';
import { STRICT } from './record-policy.js';
import { readJson } from './read-json.js';
import { readNdjson } from './read-ndjson.js';
import { sniffDelimiter, sniffFormat } from './sniff-format.js';
import type { InputFormat, Source, SourceRecord } from './source-record.js';

export interface OpenedSource {
  format: InputFormat;
  records: AsyncGenerator<SourceRecord>;
}

export async function openSource(source: Source, stdin: Readable, forced?: InputFormat, options: { header?: boolean } = {}): Promise<OpenedSource> {
  const raw = source.path === null ? stdin : createReadStream(source.path);
  const { head, stream } = await peekStream(raw);
  const format = forced ?? sniffFormat(source.display, head);
  switch (format) {
    case 'csv':
      return { format, records: readCsv(stream, source.display, { delimiter: sniffDelimiter(head), policy: STRICT, ...options }) };
    case 'json':
      return { format, records: readJson(stream, source.display, STRICT) };
    case 'ndjson':
      return { format, records: readNdjson(stream, source.display, STRICT) };
  }
}
