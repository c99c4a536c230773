// Decides how to read a source: by extension where it is unambiguous, else by its first bytes.
import path from 'node:path';
import { innerName } from './decompress.js';
import type { InputFormat } from './source-record.js';

export function sniffFormat(display: string, head: Buffer): InputFormat {
  const ext = path.extname(innerName(display)).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'ndjson';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  const text = stripBom(head.toString('utf8')).trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return looksLikeNdjson(text) ? 'ndjson' : 'json';
  return 'csv';
}

/** NDJSON when the first line is a whole JSON value and another line follows it. */
function looksLikeNdjson(text: string): boolean {
  const newline = text.indexOf('\n');
  if (newline < 0) return false;
  try {
    JSON.parse(text.slice(0, newline));
  } catch {
    return false;
  }
  return text.slice(newline + 1).trimStart().startsWith('{');
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The CSV delimiter that splits the header line into the most fields (outside quotes). A first line
 * with none of them (a report's title above the header) is passed over for the next line with text. */
export function sniffDelimiter(head: Buffer | string): string {
  const text = stripBom(typeof head === 'string' ? head : head.toString('utf8'));
  // Excel's separator line ("sep=;") names the delimiter, as Excel reads it.
  const named = /^sep=([^\r\n])\r?\n/i.exec(text);
  if (named) return named[1]!;
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0) || ++lines > 3) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}
