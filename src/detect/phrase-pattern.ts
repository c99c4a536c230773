// The phrase pattern language of rule files: words separated by spaces, `(a|b)` alternatives,
// a trailing `?` for an optional word or group, `*` for any one word. Patterns expand to plain
// token sequences, so a user-written pattern can never backtrack or hang.
import { tokenize } from './tokenize.js';

/** A pattern that expands to more variants than this is a mistake in the rule, not a useful phrase. */
const MAX_VARIANTS = 2048;

export function expandPattern(pattern: string): string[][] {
  let variants: string[][] = [[]];
  for (const piece of pattern.trim().split(/\s+/)) {
    const optional = piece.length > 1 && piece.endsWith('?');
    const body = optional ? piece.slice(0, -1) : piece;
    const inner = body.startsWith('(') && body.endsWith(')') ? body.slice(1, -1) : body;
    const choices = inner.split('|').map((alt) => (alt === '*' ? ['*'] : tokenize(alt.replace(/_/g, ' ')).map((t) => t.norm)));
    if (choices.some((choice) => choice.length === 0)) throw new Error(`'${piece}' holds an empty alternative`);
    if (optional) choices.push([]);
    const next: string[][] = [];
    for (const variant of variants) for (const choice of choices) next.push([...variant, ...choice]);
    variants = next;
    if (variants.length > MAX_VARIANTS) throw new Error(`expands to more than ${MAX_VARIANTS} phrases`);
  }
  const nonEmpty = variants.filter((v) => v.length > 0);
  if (nonEmpty.length === 0) throw new Error('holds no words');
  if (nonEmpty.some((v) => v[0] === '*' || v[v.length - 1] === '*')) throw new Error("may not start or end with '*'");
  return nonEmpty;
}
