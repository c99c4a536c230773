// The sentence around a stretch of a turn's text: from the last sentence end before it to the next one after.
const SENTENCE_END = /[.!?…\n]/u;

/** Where the sentence (or sentences) holding text[from, to) starts and ends, its closing mark left out. */
export function sentenceSpan(text: string, from: number, to: number = from): { start: number; end: number } {
  let start = from;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start -= 1;
  let end = to;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end += 1;
  return { start, end };
}
