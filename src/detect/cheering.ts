// Whether a turn cheers: excitement and banter ("CONGRATULATIONS!!!", "Nice try, David! Happy birthday!")
// rather than anger. Shouting and the banter-prone temper rules (unless.cheering) ask it.
import type { TurnText } from './detector.js';
import { CLOSING_WORDS } from '../conversations/evidence-text.js';
import { isPunctuation } from './tokenize.js';
import { POSITIVE_EMOJI } from './sentiment-features.js';

/** Emoji and emoticons that smile, cheer or applaud: the sentiment model's positive ones and a few more. */
const CHEERFUL = new RegExp(`${POSITIVE_EMOJI.source}|[🥳🎂🍰👐✈😂🤣😜😉]`, 'u');

/** Words of the `cheer` list that also address the customer between commas ("It's a puncture, love, any adult
 * can…"): said so, they name the customer and cheer nothing. */
const ADDRESS = new Set(['love', 'luv']);

/** A smiling or applauding emoji, or a warm word of the lexicon's `cheer` list ("congrats", "thanks", "enjoy")
 * that is not denied ("…a session you didn't enjoy." cheers nothing). */
export function isCheering(turn: TurnText, cheer: ReadonlySet<string>): boolean {
  return CHEERFUL.test(turn.text) || turn.tokens.some((token, i) => cheer.has(token.norm) && !namesCustomer(turn.tokens, i) && !denied(turn.tokens, i) && !signsOff(turn.text, token.start));
}

/** Whether the word at `i` follows "not" ("didn't enjoy", "not happy at all!!!", "not thanks to you"), but not in
 * "can't thank you enough", which thanks all the more. */
function denied(tokens: TurnText['tokens'], i: number): boolean {
  if (tokens[i - 1]?.norm !== 'not') return false;
  return !(tokens[i]!.norm.startsWith('thank') && tokens.slice(i + 1, i + 4).some((token) => token.norm === 'enough'));
}

/** A closing line of thanks above the signature ("…Open a window.\n\nThanks,\nJo"): a macro's sign-off, said to
 * every customer alike, cheers nothing in the reply above it. */
const SIGN_OFF = new RegExp(`^[ \\t]*${CLOSING_WORDS}[ \\t]*[,.!]?[ \\t]*$`, 'i');

/** Whether the word starting at `start` is on a sign-off line that is not the turn's first line. */
function signsOff(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (lineStart === 0) return false;
  const lineEnd = text.indexOf('\n', start);
  return SIGN_OFF.test(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd));
}

/** Whether the word at `i` is an address word set off by a comma before it and punctuation or the end after it. */
function namesCustomer(tokens: TurnText['tokens'], i: number): boolean {
  const next = tokens[i + 1];
  return ADDRESS.has(tokens[i]!.norm) && tokens[i - 1]?.norm === ',' && (next === undefined || isPunctuation(next.norm));
}
