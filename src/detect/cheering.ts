// Whether a turn cheers: excitement and banter ("CONGRATULATIONS!!!", "Nice try, David! Happy birthday!")
// rather than anger. Shouting and the banter-prone temper rules (unless.cheering) ask it.
import type { TurnText } from './detector.js';
import { POSITIVE_EMOJI } from './sentiment-features.js';

/** Emoji and emoticons that smile, cheer or applaud: the sentiment model's positive ones and a few more. */
const CHEERFUL = new RegExp(`${POSITIVE_EMOJI.source}|[🥳🎂🍰👐✈😂🤣😜😉]`, 'u');

/** A smiling or applauding emoji, or a warm word of the lexicon's `cheer` list ("congrats", "thanks", "enjoy"). */
export function isCheering(turn: TurnText, cheer: ReadonlySet<string>): boolean {
  return CHEERFUL.test(turn.text) || turn.tokens.some((token) => cheer.has(token.norm));
}
