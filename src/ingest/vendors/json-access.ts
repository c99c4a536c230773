// Safe access to parsed vendor JSON, whose shape is never guaranteed.

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
export const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Json => x !== null) : []);
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A person's name from an author object: `name`, else first and last name (`first_name`/`last_name`,
 * `firstName`/`lastName`, `first`/`last`), else email, username, handle or id; '' when it has none. */
export function personName(o: Json): string {
  const text = (v: unknown): string => str(v).trim();
  const full = [o.first_name ?? o.firstName ?? o.first, o.last_name ?? o.lastName ?? o.last].map(text).filter(Boolean).join(' ');
  return text(o.name) || full || text(o.email) || text(o.username) || text(o.handle) || text(o.id);
}
