// The most of a turn's text that is read: wink-nlp takes time that grows with the square of a word's
// length (8.7 s for one 100,000-character word), so an encoded image or a pasted log line in a
// message would stall an audit; and no turn of a conversation needs more than its first pages.

/** A run without spaces longer than this (a link is shorter) is read as its first and last MAX_WORD / 2 characters. */
export const MAX_WORD = 256;
/** Text beyond this many characters (some 8,000 words) is not read. */
export const MAX_TEXT = 50_000;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`, 'gu');

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
  LONG_WORD.lastIndex = 0;
  if (LONG_WORD.test(bounded)) {
    // Its two ends are kept: what is stuck to it ("…hahaha!", "…]Thanks") is read as before.
    bounded = bounded.replace(LONG_WORD, (word) => `${word.slice(0, MAX_WORD / 2)}…${word.slice(-MAX_WORD / 2)}`);
    cuts.push(`word longer than ${MAX_WORD} characters (an encoded file or a pasted log?): only its two ends read`);
  }
  if (bounded.length > MAX_TEXT) {
    const space = bounded.lastIndexOf(' ', MAX_TEXT);
    bounded = `${bounded.slice(0, space > MAX_TEXT / 2 ? space : MAX_TEXT)} …`;
    cuts.push(`turn longer than ${MAX_TEXT.toLocaleString('en')} characters: the rest not read`);
  }
  return { text: bounded, cuts };
}
