// The interface of a vendor reader, and what it is given: the file's text or records, and a way to
// count what it leaves out. Each reader says how it decided who the agents are.
import type { SourceRecord } from '../source-record.js';

export const READER_NAMES = ['generic', 'zendesk', 'freshdesk', 'intercom', 'helpscout', 'twitter', 'tagged-thread', 'chat'] as const;
export type ReaderName = (typeof READER_NAMES)[number];

export interface ReaderContext {
  file: string;
  /** --strict: a bad record stops the run instead of being skipped and counted. */
  strict: boolean;
  /** Agent names the user gave with --agents (live chat). */
  agents: ReadonlySet<string>;
  /** `at` is where the record is ("file:line"); without it the file alone is kept. */
  skip(reason: string, count?: number, at?: string): void;
  note(reason: string, count?: number): void;
}

export interface ReaderResult {
  records: AsyncGenerator<SourceRecord>;
  /** How roles and agents were decided, for the report; filled in once reading is done. */
  decided(): string;
  /** Input records read (tweets, rows, chat lines), when they are not one per conversation yielded. */
  recordsRead?(): number;
}
