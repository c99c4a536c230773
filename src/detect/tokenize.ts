// Normalises text into lower-case word tokens for phrase matching: curly and accent apostrophes straightened,
// contractions expanded ("I'm" -> "i am", "don't" and "dont" -> "do not", "the fine's been" -> "the fine has
// been"), camel-case hashtags split into their words, each token keeping its source span.
import { readBareContraction } from './bare-contractions.js';

export interface Token {
  norm: string;
  start: number;
  end: number;
}

/** Pronoun-like words whose "'s" means "is", not a possessive. */
const IS_BEFORE_S = new Set(['it', 'that', 'there', 'what', 'here', 'he', 'she', 'who', 'where', 'how', 'everything', 'nothing', 'this']);
const NOT_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
const SUFFIXES: Record<string, string> = { m: 'am', re: 'are', ll: 'will', ve: 'have', d: 'would' };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const APOSTROPHES = /[’‘`´ʼ]/g;
/** An HTML entity as tweets and some exports write "&", "<", ">" and quotes ("ready &amp; able"): read as
 * the character it stands for, which, as punctuation that neither joins words nor parts clauses, is no token. */
const ENTITY = /&(?:amp|lt|gt|quot|apos|nbsp);/iy;

/** A hand-written scanner (this runs on every turn): words of letters and digits, optionally joined by
 * apostrophes ("can't", "dana's"); runs of . ! ? … (and 。！？) as one token; , ; : ( ) and dashes between
 * clauses ("–", "—", " - ") as tokens of their own. Japanese and Chinese write no spaces between words,
 * so each of their characters is a token, and a phrase such as "申し訳" matches as a run of them. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isStop(c)) {
      const start = i;
      while (i < n && isStop(text.charCodeAt(i))) i++;
      const marks = text.slice(start, i);
      // "…" is read as the three dots it stands for.
      tokens.push({ norm: marks.includes('…') ? marks.replaceAll('…', '...') : marks, start, end: i });
      continue;
    }
    if (c === 38) {
      ENTITY.lastIndex = i;
      i = ENTITY.test(text) ? ENTITY.lastIndex : i + 1;
      continue;
    }
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2013 || c === 0x2014 || (c === 45 && isSpacedHyphen(text, i))) {
      tokens.push({ norm: text[i]!, start: i, end: i + 1 });
      i++;
      continue;
    }
    const start = i;
    // ASCII letters and digits are read inline, the rest through wordCharAt; a word with no capital
    // letter needs no lower-casing.
    let upper = false;
    let width = 0;
    for (;;) {
      const d = i < n ? text.charCodeAt(i) : 0;
      if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) i += 1;
      else if (d >= 65 && d <= 90) {
        upper = true;
        i += 1;
      } else if (d > 127 && isCjk(d)) {
        if (i === start) i += 1;
        break;
      } else if (d > 127 && (width = wordCharAt(text, i, LETTER_OR_DIGIT)) > 0) {
        upper = true;
        i += width;
      } else break;
    }
    if (i === start) {
      i++;
      continue;
    }
    let apostrophe = false;
    // Apostrophe groups take letters only, as in "it's" or "o'neill's".
    while (i + 1 < n && isApostrophe(text.charCodeAt(i)) && (width = wordCharAt(text, i + 1, LETTER)) > 0) {
      apostrophe = true;
      upper = true;
      i += 1;
      while (width > 0) {
        i += width;
        width = i < n ? wordCharAt(text, i, LETTER) : 0;
      }
    }
    if (upper && !apostrophe && start > 0 && text.charCodeAt(start - 1) === 35) {
      pushHashtag(tokens, text, start, i);
      continue;
    }
    const word = text.slice(start, i);
    pushWord(tokens, text, upper ? word.toLowerCase() : word, start, i, apostrophe);
  }
  return tokens;
}

function pushWord(tokens: Token[], text: string, lower: string, start: number, end: number, apostrophe: boolean): void {
  if (!apostrophe) {
    if (PERFECT_AFTER_S.has(lower)) splitHasBefore(tokens);
    const parts = readBareContraction(lower, tokens[tokens.length - 1]?.norm, text, end);
    if (parts === undefined) tokens.push({ norm: lower, start, end });
    else for (const part of parts) tokens.push({ norm: part, start, end });
    return;
  }
  const word = lower.replace(APOSTROPHES, "'");
  for (const part of expandContraction(word, word.indexOf("'"))) tokens.push({ norm: part, start, end });
}

/** Participles after which a noun's "'s" can only mean "has": "the fine's been cancelled", "your order's gone out". */
const PERFECT_AFTER_S = new Set(['been', 'gone', 'got']);

/** Reads the last token's "'s" as "has" ("fine's" -> "fine has"), both words keeping its span, when it is
 * a noun's (a pronoun's "'s", as in "it's", was already read as "is"). */
function splitHasBefore(tokens: Token[]): void {
  const last = tokens[tokens.length - 1];
  if (last === undefined || last.norm.length < 3 || !last.norm.endsWith("'s")) return;
  tokens[tokens.length - 1] = { norm: last.norm.slice(0, -2), start: last.start, end: last.end };
  tokens.push({ norm: 'has', start: last.start, end: last.end });
}

/** A hashtag's words, split where a lower-case letter meets a capital ("#ThanksForNothing" reads
 * "thanks for nothing"); one written in a single case stays one word. */
function pushHashtag(tokens: Token[], text: string, start: number, end: number): void {
  let from = start;
  for (let k = start + 1; k <= end; k++) {
    const prev = text.charCodeAt(k - 1);
    const next = k < end ? text.charCodeAt(k) : 0;
    if (k === end || (prev >= 97 && prev <= 122 && next >= 65 && next <= 90)) {
      tokens.push({ norm: text.slice(from, k).toLowerCase(), start: from, end: k });
      from = k;
    }
  }
}

/** A hyphen with space on both sides joins clauses ("oh no - please"), not words ("check-in", "-Becky"). */
function isSpacedHyphen(text: string, i: number): boolean {
  return i > 0 && i + 1 < text.length && /\s/.test(text[i - 1]!) && /\s/.test(text[i + 1]!);
}

function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** The first mark of a run of them ("!!" -> "!", "..." -> ".", "?!" -> "?"), which is what a phrase that
 * ends a sentence with one mark reads it as; undefined for a single mark or any other token. */
export function leadingStop(norm: string): string | undefined {
  if (norm.length < 2 || !isStop(norm.charCodeAt(0))) return undefined;
  for (let i = 1; i < norm.length; i++) if (!isStop(norm.charCodeAt(i))) return undefined;
  return norm[0];
}

/** Hiragana, katakana and CJK ideographs: scripts written without spaces between words. */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 96 || c === 0xb4 || c === 0x2bc;
}

/** The width (1 or 2 UTF-16 units) of the letter or digit at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number, pattern: RegExp): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (pattern === LETTER_OR_DIGIT && c >= 48 && c <= 57) ? 1 : 0;
  const width = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return pattern.test(text.slice(i, i + width)) ? width : 0;
}

function expandContraction(word: string, apostrophe: number): string[] {
  const head = word.slice(0, apostrophe);
  const tail = word.slice(apostrophe + 1);
  if (tail === 't' && head.endsWith('n')) {
    const stem = head.slice(0, -1);
    return [NOT_STEMS[stem] ?? stem, 'not'];
  }
  if (tail === 's') return head === 'let' ? ['let', 'us'] : IS_BEFORE_S.has(head) ? [head, 'is'] : [word];
  const expanded = SUFFIXES[tail];
  return expanded ? [head, expanded] : [word];
}

const PUNCTUATION = /^[.!?,;:()\u2013\u2014\u3002\uff01\uff1f-]+$/;

export function isPunctuation(norm: string): boolean {
  const c = norm.charCodeAt(0);
  // Most tokens are lower-case words or numbers: answer those without the pattern.
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return false;
  return PUNCTUATION.test(norm);
}

/** Whether a token is an @handle's name: the tokens keep "@115712" as "115712", without its "@", and read
 * "@dan_on_the_go" as four words, each of them the handle's. */
export function isHandle(text: string, token: Token): boolean {
  let i = token.start - 1;
  while (i > 0 && text[i] === '_') {
    i -= 1;
    while (i > 0 && /[\p{L}\p{N}]/u.test(text[i]!)) i -= 1;
  }
  return text[i] === '@';
}
