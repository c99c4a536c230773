import { describe, expect, it } from 'vitest';
import { createHindsightDetector, findHindsight, isCustomerAct } from '../../src/detect/hindsight.js';
import type { Finding } from '../../src/detect/detector.js';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { loadLexicon } from '../../src/detect/load-rules.js';
import { detectAlone } from './detect-alone.js';

const { cheer } = loadLexicon();

function detect(text: string, blameFound = false): Finding[] {
  return detectAlone(createHindsightDetector(cheer), text, (c) => blameFound && c === 'blame');
}

describe('hindsight blame', () => {
  it.each([
    ['You should have ordered earlier if you knew you’d run out.', 'You should have ordered earlier if you knew you’d run out'],
    ["It's been in collections for six months, you should've called sooner.", "you should've called sooner"],
    ["The key's with the caretaker. You should've rung him.", "You should've rung him"],
    ['Had you paid on time, the late fee would not have been applied.', 'Had you paid on time, the late fee would not have been applied'],
    ['If you had proofread it, the spelling mistake wouldn’t be in the book.', 'If you had proofread it, the spelling mistake wouldn’t be in the book'],
    ["If you'd bothered to renew on time you'd be covered, wouldn't you.", "If you'd bothered to renew on time you'd be covered, wouldn't you"],
    ["We're not a lost property service, you should have checked the seat.", 'you should have checked the seat'],
    ["If you didn't want the box you should have skipped it.", 'you should have skipped it'],
    ['The late fee is $5, which you would have known if you had read your statement.', 'you would have known if you had read your statement'],
    ["You should have been in. The driver can't wait around all day.", 'You should have been in'],
    ['You should have been home for the delivery.', 'You should have been home for the delivery'],
    ["If your guests had been on time for the group photos, we wouldn't have run out of light.", "If your guests had been on time for the group photos, we wouldn't have run out of light"],
    ["If you'd moved the car off the street like we asked, he could have started on time.", "If you'd moved the car off the street like we asked, he could have started on time"],
    // "used", "tried" and "charged" tell what happened to the customer as often as what they did: theirs when the
    // consequence is denied, and not of what we would do.
    ["If you'd used the cable we supplied, this wouldn't be happening.", "If you'd used the cable we supplied, this wouldn't be happening"],
    ["If you'd charged it properly, the battery wouldn't have died.", "If you'd charged it properly, the battery wouldn't have died"],
    ['You should have paid the deposit by Friday.', 'You should have paid the deposit by Friday'],
    // A refund in the same sentence does not take the blame back when a conjunction turns to it.
    ['We refunded the ticket, but you should have told us sooner.', 'you should have told us sooner'],
    ['I refunded it and you should have checked the size chart first.', 'you should have checked the size chart first'],
    // With no subject, opening a sentence or the reply after a handle.
    ["@cy_a Should've trimmed the strays.", "Should've trimmed the strays"],
    ['Your dog false-started. Should have trained the changeovers harder.', 'Should have trained the changeovers harder'],
    ["Sand gets everywhere! Should've just packed a brush.", "Should've just packed a brush"],
  ])('quotes the customer’s missed act to the end of its sentence: %s', (text, quote) => {
    expect(findHindsight(text)).toBe(quote);
  });

  it.each([
    'You should have received an email from us with the new time.',
    'You should have plenty of time to make your connection.',
    "If you'd like a refund, we would be happy to arrange it.",
    'If you had a 2nd checked bag up to 50lbs it would be 55.00.',
    "I'm not saying you should have known.",
    "You should've boarded by now, so the crew will make up time in the air.",
    'You should have been told about the change, and I am sorry you were not.',
    'I agree you should have had a callback.',
    'If you had paid by card, you would have been refunded automatically, so let me do it by hand.',
    'You would have been refunded if you had cancelled a day earlier.',
    'With Main Cabin Extra you should have been in Group 5, Jay.',
    'You should have been in receipt of a letter from us last week.',
    'If your order had been placed before 2pm, it would have shipped today.',
    'If you had used Apple Pay, the refund would go back to it.',
    'If you had used a card, we would not need your bank details.',
    'If you had been charged twice, the second payment would not show.',
    'Totally fair to be annoyed, that price sticker was wrong and you should have paid what it said.',
    // Money given back that the customer was owed.
    "Hi Amir, I've checked the fare and refunded the £8.40 you should have saved.",
    "I've credited the discount you should have had.",
    // The agent's own slip, with no subject: said sorry for, or done to the customer, or mid-sentence.
    'Should have told you sooner, sorry!',
    "Should've checked the list before I replied, my bad.",
    'Should have sent you the new map on Friday.',
    "Ah, should've mentioned, the car park shuts at 6.",
    'Should have been sorted by now.',
    // A standard we fell short of.
    'Dear Mr Walsh,\n\nFour months is far longer than you should have waited.',
    'You planned well ahead, and you should have arrived on time.',
  ])('leaves what should have happened to the customer, and offers, alone: %s', (text) => {
    expect(findHindsight(text)).toBeUndefined();
  });

  it('reads a participle as the customer’s act, and what they wanted or were given as not', () => {
    expect(isCustomerAct('measured')).toBe(true);
    expect(isCustomerAct('read')).toBe(true);
    expect(isCustomerAct('received')).toBe(false);
    expect(isCustomerAct('wanted')).toBe(false);
    expect(isCustomerAct('need')).toBe(false);
  });

  it('reports blame once a turn, and not in a cheering turn', () => {
    expect(detect('You should have checked the size chart before ordering.')).toMatchObject([{ rule: 'temper/blame', kind: 'temper', category: 'blame' }]);
    expect(detect('You should have checked the size chart before ordering.', true)).toEqual([]);
    expect(detect("We love being creative! You should've taken a pic of the Dalmatian.")).toEqual([]);
  });

  it('is not silenced by a sign-off of thanks above the signature, and is by thanks in the reply', () => {
    const body = 'If you had registered the product, you would already have the warranty.';
    for (const signOff of ['Thanks,', 'Many thanks,', 'Thank you', 'Cheers!']) {
      expect(detect(`Hi Sam,\n\n${body}\n\n${signOff}\nJo\nIronHome Fitness`).map((f) => f.rule)).toEqual(['temper/blame']);
    }
    expect(detect(`Hi Sam,\n\nThanks for your patience! ${body}\n\nJo`)).toEqual([]);
    expect(detect(`Thanks,\n${body}`)).toEqual([]);
  });

  it('runs in the default engine on agent turns, and not on customer turns', () => {
    const engine = createDefaultEngine(undefined, { sentiment: false, learned: false });
    const text = 'If you had uploaded the correct documents, there would be no delay.';
    expect(engine.analyse('agent', text).findings.map((f) => f.rule)).toContain('temper/blame');
    expect(engine.analyse('customer', text).findings.filter((f) => f.kind === 'temper')).toEqual([]);
  });
});
