// Hindsight blame: what the customer should have done, told after the fact ("You should have checked the
// size chart", "If you'd packed it properly it wouldn't have broken", "Had you read the policy, you would
// have known"). The verb is the customer's own act in the past participle, which a phrase pattern cannot
// name as a class; "you should have received an email" (what should have happened to the customer), "you
// should have plenty of time" and "if you'd like a refund, we would…" are not blame.
import { isCheering } from './cheering.js';
import type { Detector, DetectionSink, TurnText } from './detector.js';
import { sentenceSpan } from './sentence-span.js';

/** Past participles that do not end in -ed, as a customer's own act. */
const IRREGULAR = new Set(['read', 'put', 'brought', 'kept', 'sent', 'paid', 'worn', 'done', 'taken', 'told', 'left', 'found', 'bought', 'thought', 'set', 'shut', 'made', 'said', 'met', 'built', 'sold', 'shown', 'known', 'come', 'written', 'driven', 'given', 'chosen', 'spoken', 'run', 'spent', 'lost', 'caught', 'stuck', 'dealt', 'meant', 'understood', 'withdrawn', 'drawn', 'eaten', 'forgotten', 'hidden', 'hung', 'fed', 'led', 'sat', 'slept', 'stood', 'swept', 'taught', 'thrown', 'upheld', 'woken', 'proofread', 'reread']);
/** Verbs in -ed that tell what the customer wanted or what happened to them, not what they failed to do. */
const NOT_AN_ACT = new Set(['received', 'recieved', 'needed', 'wanted', 'liked', 'loved', 'preferred', 'wished', 'hoped', 'expected', 'intended', 'planned', 'started', 'noticed', 'experienced', 'encountered', 'offered', 'charged', 'billed', 'contacted', 'notified', 'informed', 'advised', 'warned', 'allowed', 'affected', 'impacted', 'entitled', 'covered', 'accepted', 'approved', 'refunded', 'credited', 'used', 'tried', 'enjoyed']);

const SHOULD_HAVE = /\byou\s+(?:really\s+|just\s+|simply\s+|probably\s+)?(?:should|shoulda)(?:\s+really|\s+just)?(?:\s+have|'ve|’ve)\s+(?:just\s+|really\s+|simply\s+|at\s+least\s+)?([a-z]+)\b/giu;
const IF_YOU_HAD = /\b(?:if\s+you(?:\s+had|'d|’d)|had\s+you)\s+(?:only\s+|just\s+|actually\s+|simply\s+|properly\s+)?([a-z]+)\b[^.?!;\n]{0,100}?(?:\b(?:you|we|it|this|there|that|i|they|he|she)(?:'d|’d)|\swould(?:n't|n’t|\s+not)?)(?![a-z])/giu;
/** A negation in the three words before it takes the blame back: "I'm not saying you should have known". */
const DENIED = /(?:\b(?:not|never|nobody|no\s+one)\b|n't\b|n’t\b)(?:\s+\S+){0,2}\s*$/iu;
const REMEDY = /\b(?:so|but)\s+(?:let\s+(?:me|us)|(?:i|we)(?:'ll|’ll|'ve|’ve|\s+will|\s+have|\s+can))\b/iu;

export function isCustomerAct(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_AN_ACT.has(w)) return false;
  return IRREGULAR.has(w) || (w.length >= 5 && w.endsWith('ed'));
}

/** The first hindsight blame in the text, quoted to the end of its sentence, or undefined. */
export function findHindsight(text: string): string | undefined {
  for (const pattern of [IF_YOU_HAD, SHOULD_HAVE]) {
    for (const m of text.matchAll(pattern)) {
      if (!isCustomerAct(m[1]!)) continue;
      const { start, end } = sentenceSpan(text, m.index);
      if (DENIED.test(text.slice(start, m.index))) continue;
      const sentence = text.slice(m.index, end).trim().replace(/[,;:]+$/u, '');
      // "You should've boarded by now" tells the time, not a fault; "…, so let me do it by hand" explains
      // what went wrong on the way to putting it right.
      if (/\bby\s+now\b/iu.test(sentence) || REMEDY.test(sentence)) continue;
      return sentence;
    }
  }
  return undefined;
}

/** Reads agent turns; stands down when a phrase rule already found blame in the turn, or when the turn
 * cheers ("We love being creative! You should've taken a pic"). */
export function createHindsightDetector(cheer: ReadonlySet<string> = new Set()): Detector {
  return {
    id: 'temper/blame',
    roles: ['agent'],
    detect(turn: TurnText, sink: DetectionSink): void {
      if (sink.found('blame') || !/\b(?:should|shoulda|if|had)\b/iu.test(turn.text)) return;
      const match = findHindsight(turn.text);
      if (match && !isCheering(turn, cheer)) sink.addFinding({ rule: 'temper/blame', kind: 'temper', category: 'blame', match, message: `Agent blames the customer in hindsight: '${match}'.` });
    },
  };
}
