// Hindsight blame: what the customer should have done, told after the fact ("You should have checked the size
// chart", "If you'd packed it properly it wouldn't have broken", "Had you read the policy, you would have known",
// "Should've trimmed the strays.", and of the people with them: "If your guests had been on time…"). The verb is the
// customer's own act in the past participle, which a phrase pattern cannot name as a class; "you should have
// received an email" (what should have happened to the customer), "you should have plenty of time" and "if you'd
// like a refund, we would…" are not blame.
import { isCheering } from './cheering.js';
import type { Detector, DetectionSink, TurnText } from './detector.js';
import { sentenceSpan } from './sentence-span.js';

/** Past participles that do not end in -ed, as a customer's own act. */
export const IRREGULAR = new Set(['read', 'rung', 'put', 'brought', 'kept', 'sent', 'paid', 'worn', 'done', 'taken', 'told', 'left', 'found', 'bought', 'thought', 'set', 'shut', 'made', 'said', 'met', 'built', 'sold', 'shown', 'known', 'come', 'written', 'driven', 'given', 'chosen', 'spoken', 'run', 'spent', 'lost', 'caught', 'stuck', 'dealt', 'meant', 'understood', 'withdrawn', 'drawn', 'eaten', 'forgotten', 'hidden', 'hung', 'fed', 'led', 'sat', 'slept', 'stood', 'swept', 'taught', 'thrown', 'upheld', 'woken', 'proofread', 'reread']);
/** Verbs in -ed that tell what the customer wanted or what happened to them, not what they failed to do. */
const NOT_AN_ACT = new Set(['received', 'recieved', 'needed', 'wanted', 'liked', 'loved', 'preferred', 'wished', 'hoped', 'expected', 'intended', 'planned', 'started', 'noticed', 'experienced', 'encountered', 'offered', 'charged', 'billed', 'contacted', 'notified', 'informed', 'advised', 'warned', 'allowed', 'affected', 'impacted', 'entitled', 'covered', 'accepted', 'approved', 'refunded', 'credited', 'used', 'tried', 'enjoyed']);

/** Of those, the ones that are the customer's act when the consequence is denied: "If you'd used the cable we supplied,
 * this wouldn't be happening", "If you'd charged it properly, the battery wouldn't have died"; not "If you had used Apple
 * Pay, the refund would go back to it" (the terms). */
const ACT_WHEN_DENIED = new Set(['used', 'tried', 'charged']);
/** A denied consequence that is not what we would do: "…, this wouldn't be happening", not "…, we would not need your
 * bank details". */
const DENIED_TO_CUSTOMER = /(?<!\b(?:we|i))\s(?:would|could)(?:n't|n’t|\s+not)$/iu;

/** "had" after "you" ("you had", "you'd"), and the adverbs allowed before the customer's verb. */
const HAD = String.raw`(?:\s+had|'d|’d)`;
const ADVERB = String.raw`(?:only\s+|just\s+|actually\s+|simply\s+|properly\s+)?`;
/** The people with the customer whose acts read as the customer's: "If your guests had been on time…". */
const PEOPLE = 'guests|kids|children|family|friends|partner|husband|wife|son|daughter|team|staff|builder|driver|colleagues';

const SHOULD_HAVE = /\byou\s+(?:really\s+|just\s+|simply\s+|probably\s+)?(?:should|shoulda)(?:\s+really|\s+just)?(?:\s+have|'ve|’ve)\s+(?:just\s+|really\s+|simply\s+|at\s+least\s+)?([a-z]+)\b/dgiu;
const IF_YOU_HAD = new RegExp(String.raw`\b(?:if\s+(?:you|your\s+(?:${PEOPLE}))${HAD}|had\s+you)\s+${ADVERB}([a-z]+)\b[^.?!;\n]{0,100}?(?:\b(?:you|we|it|this|there|that|i|they|he|she)(?:'d|’d)|\s(?:would|could)(?:n't|n’t|\s+not)?)(?![a-z])`, 'dgiu');
/** The same with no subject, opening a sentence: "Should've checked your spare.", "Should have proved it longer." Not
 * the agent's own slip ("Should have told you sooner, sorry!"): the verb's object is not "you", and the turn does not
 * apologise (SORRY). What opens the sentence is looked behind, so the match, and the quote, start at "should". */
const SUBJECTLESS = /(?<=^|[.!?]\s+|^@\S+\s+)(?:should|shoulda)(?:\s+have|'ve|’ve)\s+(?:just\s+|really\s+|simply\s+|at\s+least\s+)?([a-z]+)\b(?!\s+(?:you|us|me)\b)/dgiu;
const SORRY = /\b(?:sorry|apolog|my\s+(?:bad|fault|mistake)|our\s+(?:fault|mistake)|oops)/iu;
/** The reverse order, with what the customer would have known: "which you would have known if you had read your
 * statement". Only knowing and seeing verbs: "you would have been refunded if you had…" states the terms. */
const KNOWN_IF = new RegExp(String.raw`\byou(?:\s+would|'d|’d)(?:\s+have|'ve|’ve)\s+(?:known|seen|noticed|realised|realized|spotted|avoided)\b[^.?!;\n]{0,60}?\bif\s+you${HAD}\s+${ADVERB}([a-z]+)\b`, 'dgiu');
/** Where the customer should have been: "You should have been in.", "…been home for the delivery", "If your guests
 * had been on time…". Not "You should have been in Group 5" (what they were owed). Sticky: read where "been" ends. */
const BEEN_WHERE = /\s+(?:(?:in|there|here)(?=\s*(?:[.!?;,]|$|\s+(?:when|for|to|at|by|on\s+time|early)\b))|home\b|more\s+careful\b|careful\b|on\s+time\b|punctual\b)/iuy;
/** The price the customer was owed, not a payment they missed: "…the sticker was wrong and you should have paid what it
 * said". Sticky: read where "paid" ends. */
const PRICE_SHOWN = /\s+(?:only\s+)?what\s+(?:it|the\s+(?:sticker|label|tag|price|website|site|menu|sign|board|app))\s+(?:said|says|showed|shows)\b/iuy;
/** A negation in the three words before it takes the blame back: "I'm not saying you should have known". */
export const DENIED = /(?:\b(?:not|never|nobody|no\s+one)\b|n't\b|n’t\b)(?:\s+\S+){0,2}\s*$/iu;
/** Money given back that the customer was owed, which the clause after it names: "I've refunded the £8.40 you should have
 * saved", "…credited the discount you should have had". Up to three words between, none of them a conjunction ("We
 * refunded the ticket, but you should have told us" still blames). Read on the text before the match, not the sentence,
 * as the point of a price ("£8.40") ends no sentence here. */
const GIVEN_BACK = /\b(?:refunded|credited|repaid|reimbursed|(?:paid|given|gave)\s+back)\s+(?:you\s+)?(?:the\s+)?(?:(?!(?:but|and|so|though|although|yet)\b)(?:[^\s,;.!?]|\.(?=\d))+\s+){1,3}$/iu;
/** What comes before a standard the customer was owed, not a fault of theirs: "Four months is far longer than you should
 * have waited.", "You planned well ahead, and you should have arrived on time." */
const OWED = /\b(?:than|(?:planned|booked|left)\s+(?:well\s+)?ahead,?\s+and)\s+$/iu;
const REMEDY = /\b(?:so|but)\s+(?:let\s+(?:me|us)|(?:i|we)(?:'ll|’ll|'ve|’ve|\s+will|\s+have|\s+can))\b/iu;

/** Whether the verb is the customer's own act; "been" is, when what follows it in `text` at `at` says where or how
 * they should have been; "used", "tried" and "charged" are when the consequence is `denied` to the customer; "paid" is
 * not when a price shown follows it. */
export function isCustomerAct(word: string, text = '', at = text.length, denied = false): boolean {
  const w = word.toLowerCase();
  if (w === 'been') {
    BEEN_WHERE.lastIndex = at;
    return BEEN_WHERE.test(text);
  }
  if (NOT_AN_ACT.has(w)) return denied && ACT_WHEN_DENIED.has(w);
  if (w === 'paid') {
    PRICE_SHOWN.lastIndex = at;
    if (PRICE_SHOWN.test(text)) return false;
  }
  return IRREGULAR.has(w) || (w.length >= 5 && w.endsWith('ed'));
}

/** The patterns in the order they are tried: the subject-less form last, as it stands down in a turn that apologises. */
const PATTERNS = [IF_YOU_HAD, SHOULD_HAVE, KNOWN_IF, SUBJECTLESS] as const;

/** The first hindsight blame in the text, quoted to the end of its sentence, or undefined. */
export function findHindsight(text: string): string | undefined {
  for (const pattern of PATTERNS) {
    if (pattern === SUBJECTLESS && SORRY.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      // "been" is read on from where the verb ends ("been in.", "been on time"), which the `d` flag gives.
      const denied = pattern === IF_YOU_HAD && DENIED_TO_CUSTOMER.test(m[0]);
      if (!isCustomerAct(m[1]!, text, m.indices![1]![1], denied)) continue;
      const { start, end } = sentenceSpan(text, m.index);
      const before = text.slice(start, m.index);
      if (DENIED.test(before) || OWED.test(before) || (pattern === SHOULD_HAVE && GIVEN_BACK.test(text.slice(Math.max(0, m.index - 80), m.index)))) continue;
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
