// Near-duplicate responses: word 3-gram sets compared with Jaccard similarity.
import { tokenize } from '../detect/tokenize.js';

/** At 0.8 two responses share most of their sentences: a "(ver 2)" of the same macro. */
export const NEAR_DUPLICATE = 0.8;

export function shingles(text: string): Set<string> {
  const words = tokenize(text).map((t) => t.norm).filter((w) => !/^[.!?,;:()]+$/.test(w));
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
  if (words.length > 0 && words.length < 3) out.add(words.join(' '));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}
