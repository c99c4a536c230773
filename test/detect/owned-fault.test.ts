import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { createOwnedFaultDetector, findOwnedFault, isOwnedAct } from '../../src/detect/owned-fault.js';
import { detectAlone } from './detect-alone.js';

describe('a fault owned in hindsight', () => {
  it.each([
    ["I'm so sorry, Gail, I should have double-checked it before I left.", 'I should have double-checked it before I left'],
    ['We definitely should have warned you about the roadworks.', 'We definitely should have warned you about the roadworks'],
    ["Honestly, we should've checked the tyres before you left.", "we should've checked the tyres before you left"],
    ['I’m sorry, Lily, I should have spent more time on your mirror checks.', 'I should have spent more time on your mirror checks'],
    ['We should have had more staff on, and I have refunded your tickets.', 'We should have had more staff on, and I have refunded your tickets'],
  ])('quotes what was left undone, from its subject to the end of its sentence: %s', (text, quote) => {
    expect(findOwnedFault(text)).toBe(quote);
  });

  it.each([
    // A time, an expectation or stock, not a fault.
    'We should have you boarding soon.',
    'We should have some seats available tomorrow.',
    'We should have received your payment by now.',
    'I think we should have landed at 5.',
    'We should have it fixed shortly.',
    // Taken back, asked, or the customer's act (hindsight blame, not validation).
    "I'm not saying we should have refunded it.",
    'Do you think I should have waited?',
    'You should have checked the size chart.',
    'They should have told you at the desk.',
    // A thing's, in the passive: the same words redirect or remind.
    'The form should have been sent to you by the council, so please check with them.',
    'This should have been explained to you at the time of booking.',
  ])('reads nothing in: %s', (text) => {
    expect(findOwnedFault(text)).toBeUndefined();
  });

  it('reads the verb by its form: a past participle of something done, hyphenated by its last part', () => {
    expect(['checked', 'double-checked', 'told', 'had', 'spent', 'warned'].filter((w) => !isOwnedAct(w))).toEqual([]);
    expect(['received', 'arrived', 'been', 'some', 'you', 'bed'].filter((w) => isOwnedAct(w))).toEqual([]);
  });

  it('is validation, and stands down where a phrase rule already read it', () => {
    const alone = detectAlone(createOwnedFaultDetector(), 'We definitely should have warned you about the roadworks.');
    expect(alone.map((f) => [f.rule, f.category])).toEqual([['empathy/validation', 'validation']]);
    // Not in a turn with temper, where such words blame a third party or come with a rebuke.
    expect(detectAlone(createOwnedFaultDetector(), 'We definitely should have warned you about the roadworks.', (c) => c === 'blame')).toEqual([]);
    const engine = createDefaultEngine(undefined, { sentiment: false, learned: false });
    // "we should have told" is a phrase: one validation finding, the phrase's.
    const found = engine.analyse('agent', "You're right, we should have told you the park-and-ride doesn't run on Sundays.").findings.filter((f) => f.category === 'validation');
    expect(found).toHaveLength(1);
    expect(found[0]!.match).not.toMatch(/Sundays$/u);
  });
});
