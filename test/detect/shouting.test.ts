import { describe, expect, it } from 'vitest';
import { createShoutingDetector, findCapsRun, findOneWordSentences } from '../../src/detect/shouting.js';
import type { Finding } from '../../src/detect/detector.js';
import { detectAlone } from './detect-alone.js';
import { loadLexicon } from '../../src/detect/load-rules.js';

const acronyms = new Set(['DM', 'USA', 'ETA']);
const { cheer, pointed } = loadLexicon();

/** Findings on an agent turn, or on a customer turn (no pointed word needed) when `aimed` is false. */
function shout(text: string, aimed = true): Finding[] {
  return detectAlone(createShoutingDetector(acronyms, ['agent'], cheer, aimed ? pointed : undefined), text);
}

describe('shouting', () => {
  it('flags a run of three or more capitalised words, including a leading I', () => {
    expect(findCapsRun('No. I TOLD YOU ALREADY, read it', acronyms)).toBe('I TOLD YOU ALREADY');
  });

  it('leaves acronyms, names and short emphasis alone', () => {
    expect(findCapsRun('PLEASE DM US', acronyms)).toBeUndefined();
    expect(findCapsRun('Your ETA is 5pm, USA time', acronyms)).toBeUndefined();
    expect(findCapsRun('That is NOT what I said', acronyms)).toBeUndefined();
  });

  it('flags bursts of exclamation marks with the matched text', () => {
    const [finding] = shout('Read the email!!!');
    expect(finding).toMatchObject({ rule: 'temper/shouting', category: 'shouting', kind: 'temper', match: '!!!' });
    expect(shout('Great news!')).toEqual([]);
  });

  it('leaves cheering alone: warm words or a smile beside the capitals or the exclamation marks', () => {
    expect(shout('Awesome!!! Thanks so much for the shout out!')).toEqual([]);
    expect(shout('CONGRATULATIONS ON YOUR NEW STATUS!!!')).toEqual([]);
    expect(shout('WE CAN NOT WAIT 🎉')).toEqual([]);
    expect(shout('I TOLD YOU TO READ THE EMAIL!!!')).toHaveLength(1);
    expect(shout('GREAT, ANOTHER DELAY!!!', false)).toHaveLength(1);
  });

  it('does not take a denied warm word for cheering, except thanks that cannot be said enough', () => {
    expect(shout('Not happy at all!!!', false)).toHaveLength(1);
    expect(shout('not thanks to you, we made it!!!', false)).toHaveLength(1);
    expect(shout('Happy at last!!!', false)).toEqual([]);
    expect(shout("I can't thank you enough!!!", false)).toEqual([]);
  });

  it('on agent turns, needs the shouted sentence to be aimed at the reader', () => {
    const banter = ["LET'S DO THIS DAVE!!!!!", 'No.. C...Can it be?? TESCO... FROM OUTTA NOWHERE 🐍', 'BUT THERE ARE RULES! We hope for a more orderly boarding process next time, Molly!', 'The link is in the email!!! Have a nice day.'];
    const aimed = ["Good news. WE DON'T ISSUE REFUNDS FOR THIS FARE, but you can change it.", "Hi Sam. WE DON'T ISSUE REFUNDS FOR THIS FARE.", 'Hi Sam. CHECK YOUR SPAM FOLDER. It is there.', 'FOR THE LAST TIME, PAYPAL DECLINED IT. Use a card.', 'Sorry, THIS IS RIDICULOUS.', 'As I said, the link is in the email!!!'];
    for (const text of banter) expect(shout(text), text).toEqual([]);
    for (const text of aimed) expect(shout(text), text).toHaveLength(1);
    // A customer's capitals count without a pointed word.
    expect(shout("WE DON'T ISSUE REFUNDS FOR THIS FARE.", false)).toHaveLength(1);
    expect(shout('The link is in the email!!! Have a nice day.', false)).toHaveLength(1);
  });

  it('on agent turns, leaves a burst that closes a handle alone, but not a later one', () => {
    expect(shout('HI! if there is anything we can assist you, send us a dm to @doordash_help!!!')).toEqual([]);
    expect(shout('Send us a DM at @acme_help!!! Did you even read the email!!!')).toMatchObject([{ match: '!!!' }]);
    expect(shout('Write to @acme_help!!! you were told', false)).toHaveLength(1);
  });

  it('does not count sign-off initials as capitals', () => {
    expect(findCapsRun('LIFT OFF! ^LB', acronyms)).toBeUndefined();
    expect(findCapsRun('STOP ASKING ME *TMT', acronyms)).toBe('STOP ASKING ME');
  });
});

describe('shouting in full stops', () => {
  it('flags words typed one to a sentence, where one of them is never a sentence alone', () => {
    expect(findOneWordSentences('Please. Read. The. Email. Thanks')).toEqual({ text: 'Please. Read. The. Email.', at: 0 });
    expect(shout('I have answered this. Read. The. Email.')).toMatchObject([{ category: 'shouting', match: 'Read. The. Email.' }]);
    expect(shout('Get. It. Together.', false)).toMatchObject([{ match: 'Get. It. Together.' }]);
  });

  it('leaves slogans, initials and sentences of several words alone', () => {
    for (const text of ['Fast. Friendly. Reliable.', 'Book. Fly. Relax. See you on board!', 'Ask for Mr. T. Jones.', 'Open the app. Tap Settings. Choose Your Plan.', 'Yes. No. Maybe.']) expect(findOneWordSentences(text), text).toBeUndefined();
  });

  it('on agent turns, needs the run aimed at the reader, as capitals do', () => {
    expect(shout('We are. Going. To. Hawaii.')).toEqual([]);
    expect(shout('We are. Going. To. Hawaii.', false)).toHaveLength(1);
  });
});
