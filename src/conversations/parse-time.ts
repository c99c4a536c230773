// Reads a turn's time from an export's value: ISO 8601, RFC 2822 and the other forms Date.parse knows,
// or epoch seconds / milliseconds. A time written without a zone is read as UTC, never in the machine's
// own zone, so turn order, months and weeks are the same on every machine.

/** ISO 8601 without a zone, with a "T" or a space: "2024-01-31 23:30:00", as spreadsheets write it. */
const ISO_WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)$/;
/** A zone after a time ("23:30:00 +0100", "22:10:47 +0000 2017", "…T23:30Z") or named ("GMT", "EST"). */
const ZONE = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})(?![\d:])|\b(?:UTC|GMT|UT|[ECMP][SD]T)\b/i;

/** Milliseconds since the epoch, or null for a value that is no time. */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e11 ? value : value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return parseTime(Number(text));
  // Any other number ("1", "2024") is not a time, though Date.parse reads some as one.
  if (/^[\d.]+$/.test(text)) return null;
  const iso = ISO_WITHOUT_ZONE.exec(text);
  if (iso) return orNull(Date.parse(`${iso[1]}T${iso[2]!.replace(',', '.')}Z`));
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || ZONE.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text)) return orNull(ms);
  // Date.parse reads a time without a zone in the machine's zone: read it in UTC instead.
  return orNull(Date.parse(`${text} UTC`));
}

function orNull(ms: number): number | null {
  return Number.isNaN(ms) ? null : ms;
}
