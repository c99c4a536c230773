// Reads a labeled file (CSV, TSV, JSON, NDJSON or an Excel workbook, gzipped or zipped too) for
// `attune eval`, finding its columns by name or position.
import type { Readable } from 'node:stream';
import { FIELD_ALIASES, normalizeKey } from '../conversations/field-map.js';
import { AttuneError } from '../errors.js';
import { openReader } from '../ingest/open-reader.js';
import { resolveInputs } from '../ingest/resolve-inputs.js';
import type { SourceRecord } from '../ingest/source-record.js';
import { compareText } from '../compare-text.js';

export interface LabeledFile {
  display: string;
  records: AsyncGenerator<SourceRecord>;
}

/** Where labeled sets keep their text: an export's text fields, and the names research sets use. */
export const LABELED_TEXT_ALIASES = [...FIELD_ALIASES.text, 'sentence', 'tweet', 'review', 'review_text', 'review_body', 'phrase', 'document', 'reply', 'response'];

export async function openLabeledFile(input: string, cwd: string, stdin: Readable, header: boolean): Promise<LabeledFile> {
  const sources = await resolveInputs([input], cwd);
  if (sources.length !== 1) throw new AttuneError(`${input}: name one labeled file, not ${sources.length}.`);
  const source = sources[0]!;
  // Labeled files are read strictly: a skipped row would bias the figures without anyone seeing it.
  const context = { file: source.display, strict: true, agents: new Set<string>(), skip: () => {}, note: () => {} };
  const opened = await openReader(source, { from: 'generic', stdin, people: new Map(), context, header });
  return { display: source.display, records: opened.records };
}

/** The key of `fields` for the first of `names` it has, names compared without case, spaces or
 * punctuation ("Empathy shown (Y/N)" is "empathy shown y/n"); undefined when it has none. */
export function findColumn(fields: Record<string, unknown>, names: readonly string[]): string | undefined {
  const keys = Object.keys(fields);
  const normalized = keys.map(normalizeKey);
  for (const name of names) {
    if (Object.hasOwn(fields, name)) return name;
    const at = normalized.indexOf(normalizeKey(name));
    if (at >= 0) return keys[at];
  }
  return undefined;
}

/** The key of `fields` named by the user, or the first of `aliases` present. */
export function pickColumn(fields: Record<string, unknown>, wanted: string | undefined, aliases: readonly string[], what: string, file: string): string {
  const key = findColumn(fields, wanted === undefined ? aliases : [wanted]);
  if (key !== undefined) return key;
  const keys = Object.keys(fields).join(', ');
  if (wanted !== undefined) throw new AttuneError(`${file}: no column '${wanted}' for the ${what}. Columns found: ${keys}.`);
  throw new AttuneError(`${file}: cannot tell which column holds the ${what}. Columns found: ${keys}. Name it with --${what} <column>.`);
}

/** Where labeled sets keep a row's id. */
const ID_ALIASES = ['id', 'message_id', 'item_id', 'ticket_id', 'tweet_id', 'uid'];

/** The row's id as the file gives it, else its line number. */
export function idOf(fields: Record<string, unknown>, line: number): string {
  const key = findColumn(fields, ID_ALIASES);
  const value = key === undefined ? undefined : fields[key];
  return value === undefined || value === null || String(value).trim() === '' ? String(line) : String(value).trim();
}

/** The column `--by` names, found in each row by name (rows of JSON lines need not share fields): its
 * value is a row's group, "(none)" where a row lacks it. A column no row has is an error. */
export class GroupColumn {
  /** The column's name as the file writes it, once a row has it. */
  name: string | undefined;
  private firstKeys: string[] | undefined;

  constructor(private readonly wanted: string) {}

  of(fields: Record<string, unknown>): string {
    this.firstKeys ??= Object.keys(fields);
    const key = findColumn(fields, [this.wanted]);
    if (key !== undefined) this.name ??= key;
    return groupOf(key === undefined ? undefined : fields[key]);
  }

  /** Throws when no row had the column. */
  check(file: string): string {
    if (this.name === undefined) throw new AttuneError(`${file}: no column '${this.wanted}' for the groups (--by). Columns found: ${(this.firstKeys ?? []).join(', ')}.`);
    return this.name;
  }
}

/** A row's group for `--by`: the column's value as text, "(none)" when it is empty. */
export function groupOf(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value).trim();
  return text === '' ? '(none)' : text;
}

/** Rows by their `group`, the largest group first (ties by name). */
export function groupRows<T extends { group: string }>(rows: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const members = groups.get(row.group);
    if (members) members.push(row);
    else groups.set(row.group, [row]);
  }
  return [...groups].sort(([a, x], [b, y]) => y.length - x.length || compareText(a, b));
}

