// The built-in checks of `attune lint` that are not phrase rules: each with a stable id, a default
// severity, a description and examples that the test suite runs.
import type { Severity } from './severity.js';

export interface LintRuleMeta {
  id: string;
  severity: Severity;
  description: string;
  examples: { flag: string[]; pass: string[] };
}

export const LINT_RULES: LintRuleMeta[] = [
  {
    id: 'template/malformed-placeholder',
    severity: 'error',
    description: 'A template placeholder that is not closed, is empty, or cannot be read would reach customers as written.',
    examples: { flag: ['Hello {{ticket.requester.name}, thanks!', 'You sent [AMOUNT to us.', 'Hi {{ }}!'], pass: ['Hello {{ticket.requester.name}}, you sent [AMOUNT].'] },
  },
  {
    id: 'tone/negative',
    severity: 'warning',
    description: 'The response delivers bad news or a refusal ("unfortunately", "not possible", "we cannot") with no empathy or courtesy to soften it.',
    examples: { flag: ['Unfortunately your request is rejected. This is final and cannot be changed.', "Manual cancelling is not possible."], pass: ["We're sorry for the trouble. Unfortunately we cannot change this, but here is what we can do instead.", 'Your card was charged once.'] },
  },
  {
    id: 'empathy/apology-without-next-step',
    severity: 'warning',
    description: 'An apology with no next step leaves the customer where they were: say what happens now.',
    examples: { flag: ['We apologize for the inconvenience this might have caused you.'], pass: ["We're sorry for the delay. We will send your replacement today."] },
  },
  {
    id: 'empathy/required',
    severity: 'warning',
    description: 'Responses about complaints, delays, refunds or errors should acknowledge how the customer feels.',
    examples: { flag: ['Refunds are processed within 10 business days.'], pass: ["I'm sorry for the wait. Refunds are processed within 10 business days."] },
  },
  {
    id: 'empathy/scripted',
    severity: 'info',
    description: 'The same empathy sentence reused across many responses reads as scripted.',
    examples: { flag: [], pass: [] },
  },
  {
    id: 'library/near-duplicate',
    severity: 'info',
    description: 'Two responses that say almost the same thing: keep one, or make the difference clear.',
    examples: { flag: [], pass: [] },
  },
];

/** Topics that call for empathy, matched in a response's title, tags and text (configurable). */
export const EMPATHY_TOPICS = ['complaint', 'complain', 'delay', 'delayed', 'late', 'refund', 'refunds', 'error', 'errors', 'fail', 'failed', 'failure', 'broken', 'not working', 'cancel', 'cancelled', 'canceled', 'charged', 'chargeback', 'dispute', 'lost', 'damaged', 'compensation', 'outage', 'declined', 'blocked', 'frozen', 'stuck'];

/** How many responses may share one empathy sentence before it counts as scripted. */
export const SCRIPTED_MIN_RESPONSES = 3;

/** Words that show a next step after an apology: an action, an instruction, a time or a link. */
export const NEXT_STEP = /\b(?:please|you can|you may|you will|we will|we'll|i will|i'll|we have|we've|i have|i've|here is|here's|follow|click|visit|reply|contact|send|call|check|try|go to|let us|let me|within \d|as soon as|today|tomorrow|https?:\/\/)/i;

/** Wording that delivers bad news or refuses: the cue for tone/negative when nothing softens it. */
export const NEGATIVE_TONE = /\b(?:unfortunately|regrettably|not possible|impossible|(?:we|i) (?:can ?not|can't|cannot|are unable|am unable|are not able|am not able|will not|won't|do not (?:accept|allow|offer|provide|support|refund))|(?:is|are|was|were|been) (?:rejected|denied|declined|refused|prohibited|not allowed|not permitted)|no longer (?:available|possible|supported)|under no circumstances|at your own risk|(?:will|may) be (?:closed|suspended|blocked|terminated|cancelled|canceled)|(?:failure|failing) to)\b/i;
