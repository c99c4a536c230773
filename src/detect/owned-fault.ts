// A fault owned in hindsight: what the agent or the team should have done, said as their own ("I should have
// double-checked it before I left", "we should've warned you the road was shut", "We should have had more staff
// on"). Validation under the rubric ("that shouldn't have happened"): it grants that the customer's expectation was
// fair. The verb is in the past participle, a class no phrase pattern can name; "We should have you boarding soon",
// "we should have received it by now" and "we should have some available" tell a time, an expectation or stock.
import { TEMPER_CATEGORIES, type Detector, type DetectionSink, type TurnText } from './detector.js';
// A negation in the three words before it takes the fault back (DENIED): "I don't think we should have charged you".
import { DENIED, IRREGULAR } from './hindsight.js';
import { sentenceSpan } from './sentence-span.js';

const OWNED = /\b(?:i|we)\s+(?:really\s+|definitely\s+|certainly\s+|clearly\s+|obviously\s+|absolutely\s+)?should(?:\s+have|'ve|’ve)\s+(?:just\s+|really\s+|at\s+least\s+|also\s+|first\s+)?([a-z]+(?:-[a-z]+)*)\b/giu;
/** Participles that tell what was expected or wanted, or where things should be by now, not a thing left undone. */
const NOT_A_FAULT = new Set(['received', 'recieved', 'needed', 'wanted', 'expected', 'hoped', 'liked', 'loved', 'preferred', 'wished', 'intended', 'planned', 'arrived', 'landed', 'departed', 'boarded', 'reached', 'finished', 'completed', 'started', 'begun', 'been', 'got', 'gotten', 'heard']);
/** Times and states that make it an expectation: "we should have landed by now", "…should have finished shortly". */
const EXPECTATION = /\b(?:by\s+now|soon|shortly|any\s+(?:minute|moment)|tomorrow|later\s+today)\b/iu;

/** Whether the word is something done, in the past participle ("double-checked" by its last part). */
export function isOwnedAct(word: string): boolean {
  const w = word.toLowerCase().split('-').at(-1)!;
  if (w === 'had') return true;
  if (NOT_A_FAULT.has(w)) return false;
  // Four letters will do ("tied", "used"), but not a noun in "-eed" ("we should have feed in stock").
  return IRREGULAR.has(w) || (w.endsWith('ed') && (w.length >= 5 || (w.length === 4 && !w.endsWith('eed'))));
}

/** The first fault owned in hindsight in the text, quoted from its subject to the end of its sentence, or undefined.
 * Only the speaker's own: of a thing, in the passive, the same words also redirect or remind ("The form should have
 * been sent to you by the council", "This should have been explained to you at the time of booking"). */
export function findOwnedFault(text: string): string | undefined {
  for (const m of text.matchAll(OWNED)) {
    if (!isOwnedAct(m[1]!)) continue;
    const { start, end } = sentenceSpan(text, m.index);
    if (DENIED.test(text.slice(start, m.index)) || text[end] === '?') continue;
    const sentence = text.slice(m.index, end).trim().replace(/[,;:]+$/u, '');
    if (EXPECTATION.test(sentence)) continue;
    return sentence;
  }
  return undefined;
}

/** Reads agent turns; stands down where a phrase rule already found validation or set it aside, and in a turn with
 * temper ("Boards should have been covered. That's the dresser's job." blames). */
export function createOwnedFaultDetector(): Detector {
  return {
    id: 'empathy/validation',
    roles: ['agent'],
    detect(turn: TurnText, sink: DetectionSink): void {
      if (sink.settled('validation') || TEMPER_CATEGORIES.some((category) => sink.found(category)) || !/\bshould\b/iu.test(turn.text)) return;
      const match = findOwnedFault(turn.text);
      if (match) sink.addFinding({ rule: 'empathy/validation', kind: 'empathy', category: 'validation', match, message: `Agent owns a fault in hindsight, granting the customer's expectation: '${match}'.` });
    },
  };
}
