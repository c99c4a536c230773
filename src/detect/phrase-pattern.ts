// The phrase pattern language of rule files: words separated by spaces, `(a|b)` alternatives,
// a trailing `?` for an optional word or group, `*` for any one word. Patterns expand to plain
// token sequences, so a user-written pattern can never backtrack or hang.
import { tokenize } from './tokenize.js';

/** A pattern that expands to more variants than this is a mistake in the rule, not a useful phrase. */
const MAX_VARIANTS = 2048;

/** The pattern word `*`: any one word (not punctuation), for phrases with a slot ("we will * help"). */
export const ANY_WORD = '*';

export interface Piece {
  /** Each alternative as its tokens ("look_into" -> ["look", "into"]; "*" -> ["*"]). */
  choices: string[][];
  optional: boolean;
}

/** Every token sequence the pattern stands for, in the order of its alternatives. With `skipped` (the
 * words the matcher skips inside a phrase, such as "so" and "very"), an optional group of such words
 * between two required words is left out: the matcher skips those words there anyway, and "(really|so)?"
 * would otherwise triple the phrases of its pattern. */
export function expandPattern(pattern: string, skipped?: ReadonlySet<string>): string[][] {
  let variants: string[][] = [[]];
  for (const { choices, optional } of patternPieces(pattern, skipped)) {
    const next: string[][] = [];
    for (const variant of variants) {
      for (const choice of choices) next.push([...variant, ...choice]);
      if (optional) next.push(variant);
    }
    variants = next;
  }
  return variants.filter((v) => v.length > 0);
}

/** The pattern's pieces, checked, without the optional filler groups `expandPattern` leaves out: what
 * the phrase index walks to add every phrase without writing each one out. */
export function patternPieces(pattern: string, skipped?: ReadonlySet<string>): Piece[] {
  const checked = checkedPieces(pattern);
  return skipped ? checked.filter((_, i) => !isSkippedBetween(checked, i, skipped)) : checked;
}

function isSkippedBetween(pieces: Piece[], i: number, skipped: ReadonlySet<string>): boolean {
  const { choices, optional } = pieces[i]!;
  if (!optional || !choices.every((choice) => choice.length === 1 && skipped.has(choice[0]!))) return false;
  return pieces.slice(0, i).some((piece) => !piece.optional) && pieces.slice(i + 1).some((piece) => !piece.optional);
}

/** Throws what is wrong with a pattern, without expanding it (rule files are checked on every load). */
export function checkPattern(pattern: string): void {
  checkedPieces(pattern);
}

function checkedPieces(pattern: string): Piece[] {
  const pieces = pattern.trim().split(/\s+/).map(parsePiece);
  let variants = 1;
  for (const { choices, optional } of pieces) {
    variants *= choices.length + (optional ? 1 : 0);
    if (variants > MAX_VARIANTS) throw new Error(`expands to more than ${MAX_VARIANTS} phrases`);
  }
  if (canEdgeBeStar(pieces) || canEdgeBeStar([...pieces].reverse())) throw new Error(`may not start or end with '${ANY_WORD}'`);
  return pieces;
}

function parsePiece(piece: string): Piece {
  const optional = piece.length > 1 && piece.endsWith('?');
  const body = optional ? piece.slice(0, -1) : piece;
  const inner = body.startsWith('(') && body.endsWith(')') ? body.slice(1, -1) : body;
  // A group is one word of the pattern: "(a|b)", no spaces inside. A lone "(" or ")" is a group split
  // apart, most often by a comma in a YAML [ ] list, which ends the pattern there.
  if (/[()]/.test(inner)) throw new Error(`has an unmatched parenthesis in '${piece}' (write a group as (a|b) with _ for spaces, and quote a pattern that holds a comma in a [ ] list)`);
  const choices = inner.split('|').map((alt) => (alt === ANY_WORD ? [ANY_WORD] : tokenize(spacedAlternative(alt)).map((t) => t.norm)));
  if (choices.some((choice) => choice.length === 0)) throw new Error(`'${piece}' holds an empty alternative`);
  return { choices, optional };
}

/** A contraction's ending after `_`: "don_t" (after n), "that_s" and "today_s", and "we_ll", "i_ve", "you_re", "i_m",
 * "they_d" after the words that take them (not "vitamin_d" or "plan_b", which stay two words). */
const CONTRACTION_END = /([\p{L}]+)_(t|s|ve|re|ll|m|d)(?=_|$)/giu;
const TAKES_ENDING = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'here', 'this', 'who', 'what', 'where', 'how', 'ya', 'y', 'everyone', 'everybody', 'someone', 'somebody', 'nobody']);

/** An alternative as text: `_` is a space, but before a contraction's ending an apostrophe, so "we_ll" reads
 * as "we'll" does ("we will") and "don_t" as "don't" ("do not"); read as "we ll", they would match no text. */
export function spacedAlternative(alt: string): string {
  const joined = alt.replace(CONTRACTION_END, (all, head: string, end: string) => {
    const word = head.toLowerCase();
    const takes = end === 's' || (end === 't' ? word.endsWith('n') : TAKES_ENDING.has(word));
    return takes ? `${head}'${end}` : all;
  });
  return joined.replace(/_/g, ' ');
}

/** Whether some variant's first token is `*`: a wildcard reachable past optional pieces only. */
function canEdgeBeStar(pieces: Piece[]): boolean {
  for (const { choices, optional } of pieces) {
    if (choices.some((choice) => choice.includes(ANY_WORD))) return true;
    if (!optional) return false;
  }
  return false;
}
