// The most of a turn's text that is read: wink-nlp takes time that grows with the square of a word's
// length (8.7 s for one 100,000-character word), so an encoded image or a pasted log line in a
// message would stall an audit; and no turn of a conversation needs more than its first pages.

/** A run without spaces longer than this (a link is shorter) is read as its first and last MAX_WORD / 2 characters. */
export const MAX_WORD = 256;
/** Text beyond this many characters (some 8,000 words) is not read. */
export const MAX_TEXT = 50_000;

export interface BoundedText {
  text: string;
  /** What was shortened, as report notes say it; empty when the text is read whole. */
  cuts: string[];
}

export function boundText(text: string): BoundedText {
  // Most turns are far shorter than one long word: nothing to look for.
  if (text.length <= MAX_WORD) return { text, cuts: [] };
  const cuts: string[] = [];
  let bounded = text;
  const shortened = shortenLongWords(bounded);
  if (shortened !== null) {
    bounded = shortened;
    cuts.push(`word longer than ${MAX_WORD} characters (an encoded file or a pasted log?): only its two ends read`);
  }
  if (bounded.length > MAX_TEXT) {
    const space = bounded.lastIndexOf(' ', MAX_TEXT);
    bounded = `${bounded.slice(0, space > MAX_TEXT / 2 ? space : MAX_TEXT)} …`;
    cuts.push(`turn longer than ${MAX_TEXT.toLocaleString('en')} characters: the rest not read`);
  }
  return { text: bounded, cuts };
}

/** The text with each run of over MAX_WORD characters without a space cut to its two ends (what is
 * stuck to it, "…hahaha!", is read as before), or null when it has none. A loop, not a regular
 * expression: one over a 30 MB word overflows the stack. */
function shortenLongWords(text: string): string | null {
  let out = '';
  let copied = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > MAX_WORD) {
      out += `${text.slice(copied, cutAt(text, start + MAX_WORD / 2))}…${text.slice(cutAt(text, i - MAX_WORD / 2), i)}`;
      copied = i;
    }
    start = -1;
  }
  return copied === 0 ? null : out + text.slice(copied);
}

/** `at`, or one further when it would split a surrogate pair. */
function cutAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/** The characters \s matches. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
