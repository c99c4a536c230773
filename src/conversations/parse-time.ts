// Reads a turn's time from an export's value: ISO 8601, RFC 2822 and the other forms Date.parse knows,
// or epoch seconds / milliseconds. A time written without a zone is read as UTC, never in the machine's
// own zone, so turn order, months and weeks are the same on every machine.

/** ISO 8601 without a zone, with a "T" or a space: "2024-01-31 23:30:00", as spreadsheets write it. */
const ISO_WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)$/;
/** A zone after a time ("23:30:00 +0100", "22:10:47 +0000 2017", "…T23:30Z") or named ("GMT", "EST"). */
const ZONE = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})(?![\d:])|\b(?:UTC|GMT|UT|[ECMP][SD]T)\b/i;

/** A date in numbers, as spreadsheets write one for their locale: "12/31/2026", "31/12/2026 21:05",
 * "31.12.26, 9:05 PM", "31-12-2026 21:05:09"; no zone. */
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$/;

/** Which order a numeric date's first two numbers are in: only day first reads "31/12/2026" and every
 * dotted date ("03.12.2026", as German, Russian or Polish write it); only month first reads "12/31/2026";
 * either reads "03/12/2026", which is taken month first, as US exports and Date.parse take it. */
export type NumericOrder = 'day' | 'month' | 'either';

export function dateOrder(text: string): NumericOrder | null {
  const m = NUMERIC_DATE.exec(text.trim());
  return m ? orderOf(m) : null;
}

function orderOf(m: RegExpExecArray): NumericOrder {
  const [first, second] = [Number(m[1]), Number(m[3])];
  if (m[2] === '.' || (first > 12 && second <= 12)) return 'day';
  return second > 12 ? 'month' : 'either';
}

function numericDate(m: RegExpExecArray, order: NumericOrder): number | null {
  const dayFirst = order === 'day';
  const [day, month] = dayFirst ? [Number(m[1]), Number(m[3])] : [Number(m[3]), Number(m[1])];
  const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  let hour = Number(m[5] ?? 0);
  const pm = m[8]?.toLowerCase().startsWith('p');
  if (m[8] !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
  const ms = Date.UTC(year, month - 1, day, hour, Number(m[6] ?? 0), Number(m[7] ?? 0));
  const date = new Date(ms);
  // "31/02/2026" and "12/31/2026 25:00" are no dates: Date.UTC would roll them over.
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 && hour < 24 && Number(m[6] ?? 0) < 60 ? ms : null;
}

/** Milliseconds since the epoch, or null for a value that is no time. `numeric`, when given, hears the
 * order of a date written in numbers, read from the same match. */
export function parseTime(value: unknown, numeric?: (order: NumericOrder) => void): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e11 ? value : value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(text)) return parseTime(Number(text));
  // Any other number ("1", "2024") is not a time, though Date.parse reads some as one.
  if (/^[\d.]+$/.test(text)) return null;
  const iso = ISO_WITHOUT_ZONE.exec(text);
  if (iso) return orNull(Date.parse(`${iso[1]}T${iso[2]!.replace(',', '.')}Z`));
  const date = NUMERIC_DATE.exec(text);
  if (date) {
    const order = orderOf(date);
    const ms = numericDate(date, order);
    if (ms !== null) numeric?.(order);
    return ms;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || ZONE.test(text) || /^\d{4}-\d{2}-\d{2}$/.test(text)) return orNull(ms);
  // Date.parse reads a time without a zone in the machine's zone: read it in UTC instead.
  return orNull(Date.parse(`${text} UTC`));
}

function orNull(ms: number): number | null {
  return Number.isNaN(ms) ? null : ms;
}
