// WhatsApp chat exports ("Export chat" on a business account): "12/31/23, 9:15 PM - Name: text" from
// Android and "[31/12/2023, 21:15:02] Name: text" from iPhone, in the date order of the phone's locale.
// chat.ts reads their lines as it reads other live-chat logs; this module knows the line layout, the
// placeholders that stand for media, and the dates.

/** A message line: date, time, then the speaker and text (or a line from WhatsApp itself). The time may
 * carry AM/PM after a narrow no-break space, and iPhone lines may start with a left-to-right mark. */
const LINE = /^[\u200e\u200f]?(?:\[(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f]?[AaPp]\.?\s?[Mm]\.?)?)\]\s+|(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f]?[AaPp]\.?\s?[Mm]\.?)?)\s+[-–]\s+)(.*)$/;

/** What stands in a message's place for media, deleted messages and calls, and WhatsApp's own notices
 * under the chat's name (an iPhone export marks those with a left-to-right mark): nothing the author wrote. */
const PLACEHOLDER = /^\u200e|^\s*messages and calls are end-to-end encrypted\b|^\s*(?:<media omitted>|<attached: [^>]*>|(?:image|video|audio|sticker|gif|document|contact card) omitted|this message was deleted|you deleted this message|missed (?:voice|video) call|null)[\u200e\s]*$/i;

export interface WhatsAppLine {
  date: string;
  time: string;
  rest: string;
}

export function whatsAppLine(row: string): WhatsAppLine | null {
  const m = LINE.exec(row);
  if (!m) return null;
  return { date: (m[1] ?? m[3])!, time: (m[2] ?? m[4])!, rest: m[5]! };
}

/** A WhatsApp export: its first line with text is a message line, and so is another in the head. */
export function looksLikeWhatsApp(head: string): boolean {
  const rows = head.split(/\r?\n/).filter((r) => r.trim() !== '');
  return rows.length >= 2 && whatsAppLine(rows[0]!) !== null && rows.slice(1, 20).some((r) => whatsAppLine(r) !== null);
}

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** The date order of a file's dates: year first when the first part has four digits; otherwise day
 * first when a first part is over 12, month first when a second part is; null when no date tells. */
export function dateOrder(dates: readonly string[]): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const date of dates) {
    const [a, b] = date.split(/[./-]/);
    if (a!.length === 4) return 'ymd';
    if (Number(a) > 12) dayFirst = true;
    if (Number(b) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return null;
  return dayFirst ? 'dmy' : 'mdy';
}

/** The line's time as ISO 8601 in UTC (the export holds the phone's local time, without a zone), or
 * null when the date order is not known. */
export function isoTime(line: WhatsAppLine, order: DateOrder | null): string | null {
  if (order === null) return null;
  const parts = line.date.split(/[./-]/).map(Number);
  const [year, month, day] = order === 'ymd' ? parts : order === 'dmy' ? [parts[2]!, parts[1]!, parts[0]!] : [parts[2]!, parts[0]!, parts[1]!];
  const clock = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[\s\u202f]?([AaPp]))?/.exec(line.time);
  if (!clock || month! < 1 || month! > 12 || day! < 1 || day! > 31) return null;
  let hour = Number(clock[1]);
  if (clock[4]) hour = (hour % 12) + (/p/i.test(clock[4]) ? 12 : 0);
  const fullYear = year! < 100 ? 2000 + year! : year!;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${fullYear}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${clock[2]}:${clock[3] ?? '00'}Z`;
}
