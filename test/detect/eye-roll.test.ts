import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/detect/detector.js';
import { createEyeRollDetector, findEyeRoll } from '../../src/detect/eye-roll.js';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { loadLexicon } from '../../src/detect/load-rules.js';
import { detectAlone } from './detect-alone.js';

const { cheer } = loadLexicon();

function detect(text: string, found: string[] = []): Finding[] {
  return detectAlone(createEyeRollDetector(cheer), text, (c) => found.includes(c));
}

describe('eye-roll', () => {
  it.each([
    ["@chris_p We can't control the weather, Chris. 🙄 ^JS", "We can't control the weather, Chris. 🙄"],
    ['The cable goes in the other port 🤦‍♂️', 'The cable goes in the other port 🤦'],
    ['Read the email. 🙄 It has the code.', 'Read the email. 🙄'],
    ['🙄', '🙄'],
  ])('quotes the sentence the emoji closes: %s', (text, quote) => {
    expect(findEyeRoll(text)).toBe(quote);
    expect(detect(text).map((f) => [f.rule, f.category, f.match])).toEqual([['temper/condescension', 'condescension', quote]]);
  });

  it.each([
    ["I'm so sorry it got cut off. 😒", 'a sigh in sympathy is not an eye-roll'],
    ['Mondays 🙄 Glad you made it! 🎉', 'a cheering turn is banter'],
    ['Thanks so much for waiting 🙄 the queue is long today', 'a warm word makes it banter'],
    ['We can’t control the weather, but we can rebook you.', 'no emoji'],
  ])('finds nothing in %s (%s)', (text) => {
    expect(detect(text)).toEqual([]);
  });

  it('stands down when a phrase rule already found condescension in the turn', () => {
    expect(detect('Read the FAQ. 🙄', ['condescension'])).toEqual([]);
  });

  it("stands down when the emoji closes the agent's own apology, and not when it closes another sentence", () => {
    expect(detect("Really sorry the van's lock glitched 🤦 A team night over in ten minutes is a damp squib.", ['apology'])).toEqual([]);
    expect(detect('Sorry for the wait! Read the email next time 🙄', ['apology']).map((f) => f.match)).toEqual(['Read the email next time 🙄']);
    // The apology words alone, which no apology rule found ("sorry, not sorry"), do not stand it down.
    expect(detect('Sorry not sorry 🙄').map((f) => f.match)).toEqual(['Sorry not sorry 🙄']);
    const engine = createDefaultEngine(undefined, { learned: false });
    expect(engine.analyse('agent', "Hey Tariq, really sorry the van's lock glitched 🤦 It's such a damp squib.").findings.filter((f) => f.kind === 'temper')).toEqual([]);
  });

  it('reads agent turns only: a customer’s eye-roll is their mood', () => {
    const engine = createDefaultEngine(undefined, { learned: false });
    const text = "Another delay. Of course. 🙄";
    expect(engine.analyse('agent', text).findings.filter((f) => f.kind === 'temper').map((f) => f.match)).toEqual(['Of course. 🙄']);
    expect(engine.analyse('customer', text).findings.filter((f) => f.kind === 'temper')).toEqual([]);
  });
});
