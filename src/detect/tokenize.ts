// Normalises text into lower-case word tokens for phrase matching: curly and accent apostrophes straightened,
// contractions expanded ("I'm" -> "i am", "don't" -> "do not"), each token keeping its source span.

export interface Token {
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘`´ʼ][\p{L}]+)*|[.!?]+|[,;:()]/gu;

/** Pronoun-like words whose "'s" means "is", not a possessive. */
const IS_BEFORE_S = new Set(['it', 'that', 'there', 'what', 'here', 'he', 'she', 'who', 'where', 'how', 'everything', 'nothing', 'this']);
const NOT_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
const SUFFIXES: Record<string, string> = { m: 'am', re: 'are', ll: 'will', ve: 'have', d: 'would' };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = match[0].replace(/[’‘`´ʼ]/g, "'");
    const apostrophe = word.indexOf("'");
    if (apostrophe < 0) {
      if (word === 'cannot') {
        tokens.push({ norm: 'can', start, end }, { norm: 'not', start, end });
        continue;
      }
      tokens.push({ norm: word, start, end });
      continue;
    }
    for (const part of expandContraction(word, apostrophe)) tokens.push({ norm: part, start, end });
  }
  return tokens;
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

export function isPunctuation(norm: string): boolean {
  return /^[.!?,;:()]+$/.test(norm);
}

export function isSentenceEnd(norm: string): boolean {
  return /^[.!?]+$/.test(norm);
}
