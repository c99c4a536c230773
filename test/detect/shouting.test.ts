import { describe, expect, it } from 'vitest';
import { createShoutingDetector, findCapsRun } from '../../src/detect/shouting.js';
import type { Finding } from '../../src/detect/detector.js';
import { tokenize } from '../../src/detect/tokenize.js';
import { loadLexicon } from '../../src/detect/load-rules.js';

const acronyms = new Set(['DM', 'USA', 'ETA']);
const { cheer } = loadLexicon();

function shout(text: string): Finding[] {
  const findings: Finding[] = [];
  createShoutingDetector(acronyms, ['agent'], cheer).detect({ text, tokens: tokenize(text) }, { addFinding: (f) => findings.push(f), setSentiment: () => {} });
  return findings;
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
    expect(shout('GREAT, ANOTHER DELAY!!!')).toHaveLength(1);
  });

  it('does not count sign-off initials as capitals', () => {
    expect(findCapsRun('LIFT OFF! ^LB', acronyms)).toBeUndefined();
    expect(findCapsRun('STOP ASKING ME *TMT', acronyms)).toBe('STOP ASKING ME');
  });
});
