// Reads one labeled agent message's human labels for `attune eval empathy`: the empathy, temper and
// categories fields under the names teams give them, and category names as teams spell them.
import { normalizeKey } from '../conversations/field-map.js';
import { findColumn } from './labeled-records.js';
import { parseFlag } from '../conversations/roles.js';
import { COURTESY_CATEGORIES, EMPATHY_CATEGORIES } from '../detect/detector.js';

export const LABELED_CATEGORIES: readonly string[] = [...EMPATHY_CATEGORIES, ...COURTESY_CATEGORIES];

/** A message's human labels; a field left out was not labeled. */
export interface HumanLabels {
  empathy?: boolean;
  temper?: boolean;
  categories?: string[];
}

/** The fields each label may come in, compared without case, spaces or punctuation ("Empathy", "is_empathetic"). */
export const LABEL_FIELDS = {
  empathy: ['empathy', 'empathetic', 'is_empathetic', 'has_empathy', 'empathy_label'],
  temper: ['temper', 'has_temper', 'temper_label', 'lost_temper'],
  categories: ['categories', 'category', 'empathy_categories', 'labels'],
} as const;

/** Category names as teams write them, folded to attune's ("Acknowledgment", "positive_regard", "apologies"). */
const CATEGORY_NAMES = new Map<string, string>([
  ...LABELED_CATEGORIES.map((c): [string, string] => [normalizeKey(c), c]),
  ['apologies', 'apology'], ['apologize', 'apology'], ['apologise', 'apology'],
  ['acknowledgment', 'acknowledgement'], ['acknowledge', 'acknowledgement'],
  ['validate', 'validation'], ['reassure', 'reassurance'], ['thanks', 'gratitude'],
]);
/** Written in a categories field to say "none". */
const NONE = new Set(['', 'none', 'no', 'n/a', 'na', '-']);

/** The columns the user named for the labels (`--empathy`, `--categories`, `--temper`), as the file
 * writes them: these are read instead of the usual names. */
export type LabelColumns = Partial<Record<'empathy' | 'temper' | 'categories', string>>;

export type LabelReading =
  | { ok: true; human: HumanLabels; unknown: string[] }
  | { ok: false; reason: string };

/** The message's labels, or why they cannot be read. `unknown` lists category names attune does not
 * know (left out of the figures, and counted by the caller so that none is dropped unseen). */
export function readHumanLabels(fields: Record<string, unknown>, named: LabelColumns = {}): LabelReading {
  const field = (aliases: readonly string[], column?: string): unknown => {
    const key = column ?? findColumn(fields, aliases);
    return key === undefined ? undefined : fields[key];
  };
  const empathy = flagOf(field(LABEL_FIELDS.empathy, named.empathy));
  const temper = flagOf(field(LABEL_FIELDS.temper, named.temper));
  if (empathy === null || temper === null) return { ok: false, reason: 'empathy or temper is not 0/1' };
  const names = namesOf(field(LABEL_FIELDS.categories, named.categories));
  if (names === null) return { ok: false, reason: 'categories is neither a list nor text' };
  if (empathy === undefined && temper === undefined && names === undefined) return { ok: false, reason: 'no labels' };
  const known = names?.flatMap((name) => CATEGORY_NAMES.get(normalizeKey(name)) ?? []);
  const unknown = names?.filter((name) => !CATEGORY_NAMES.has(normalizeKey(name))) ?? [];
  const human: HumanLabels = { ...(empathy === undefined ? {} : { empathy }), ...(temper === undefined ? {} : { temper }), ...(known ? { categories: [...new Set(known)].sort() } : {}) };
  return { ok: true, human, unknown };
}

/** A 0/1 label: undefined when the message was not labeled, null when the value is not 0/1. */
function flagOf(value: unknown): boolean | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return parseFlag(value) ?? null;
}

/** The category names given ([] for none), undefined when there is no categories field, null when it
 * cannot be read. A CSV cell may hold "apology, reassurance", "apology|reassurance" or a JSON list. */
function namesOf(value: unknown): string[] | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => !NONE.has(v.toLowerCase()));
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return namesOf(list);
    } catch {
      // Not JSON: read as a list written by hand, "[apology, reassurance]".
    }
  }
  return text.replace(/^\[|\]$/g, '').split(/[,;|]/).map((s) => s.trim().replace(/^["']|["']$/g, '').trim()).filter((s) => !NONE.has(s.toLowerCase()));
}
