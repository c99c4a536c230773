import { describe, expect, it } from 'vitest';
import { createShoutingDetector, findCapsRun } from '../../src/detect/shouting.js';
import type { Finding } from '../../src/detect/detector.js';
import { tokenize } from '../../src/detect/tokenize.js';

const acronyms = new Set(['DM', 'USA', 'ETA']);

function shout(text: string): Finding[] {
  const findings: Finding[] = [];
  createShoutingDetector(acronyms).detect({ text, tokens: tokenize(text) }, { addFinding: (f) => findings.push(f), setSentiment: () => {} });
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
});
