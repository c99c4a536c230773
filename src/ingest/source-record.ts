// The unit every reader yields: one parsed record with the file and line it started on.

export type InputFormat = 'csv' | 'json' | 'ndjson';

export interface Source {
  /** The name shown to the user: the path as given, or `-` for standard input. */
  display: string;
  /** Absolute path, or null for standard input. */
  path: string | null;
  /** A file inside the zip archive at `path`: its name there, its size unpacked and its first bytes. */
  entry?: { name: string; size: number; head: Buffer };
}

export interface SourceRecord {
  file: string;
  line: number;
  fields: Record<string, unknown>;
}
