// An eye-roll or a face-palm emoji in an agent's turn ("We can't control the weather, Chris. 🙄"): the agent
// mocks the customer without a word a phrase rule could name. Not in a cheering turn ("Mondays 🙄 Glad you
// made it! 🎉"), where it is banter, nor closing the agent's own apology ("Really sorry the lock glitched 🤦"), where
// it is at their own side; a customer's eye-roll is their mood, which the sentiment model reads.
import { isCheering } from './cheering.js';
import type { Detector, DetectionSink, TurnText } from './detector.js';
import { sentenceSpan } from './sentence-span.js';

/** 🙄 and 🤦 (with any skin tone or gender sign after it). 😒 is left out: agents send it in sympathy ("I'm so
 * sorry it got cut off. 😒"). */
const EYE_ROLL = /\u{1F644}|\u{1F926}/u;
/** Words of an apology in the quoted sentence, which an apology rule found in the turn. */
const APOLOGY_WORD = /\b(sorry|apolog)/i;

/** The sentence the emoji closes, with the emoji: "We can't control the weather, Chris. 🙄". */
export function findEyeRoll(text: string): string | undefined {
  const m = EYE_ROLL.exec(text);
  if (!m) return undefined;
  // The emoji usually stands after the sentence's full stop: quote the sentence before it.
  const before = text.slice(0, m.index).trimEnd();
  const { start } = sentenceSpan(before, Math.max(0, before.length - 1));
  // A leading @handle names the customer; the quote is the agent's words.
  return text.slice(start, m.index + m[0].length).trim().replace(/^@\w+\s+/u, '');
}

/** Reads agent turns; stands down when a phrase rule already found condescension in the turn, and when the
 * sentence the emoji closes is an apology the rules found. */
export function createEyeRollDetector(cheer: ReadonlySet<string> = new Set()): Detector {
  return {
    id: 'temper/condescension',
    roles: ['agent'],
    detect(turn: TurnText, sink: DetectionSink): void {
      if (sink.found('condescension')) return;
      const match = findEyeRoll(turn.text);
      const ownApology = match !== undefined && sink.found('apology') && APOLOGY_WORD.test(match);
      if (match && !ownApology && !isCheering(turn, cheer)) sink.addFinding({ rule: 'temper/condescension', kind: 'temper', category: 'condescension', match, message: `Agent rolls their eyes at the customer: '${match}'.` });
    },
  };
}
