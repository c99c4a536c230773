import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPATHY_CATEGORIES, type Finding } from '../../src/detect/detector.js';
import { gramFeatures, gramWords } from '../../src/detect/empathy-grams.js';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { createLearnedEmpathyDetector, LEARNED_RULE, loadEmpathyModel, type EmpathyModel } from '../../src/detect/learned-empathy.js';
import { loadLexicon } from '../../src/detect/load-rules.js';
import { tokenize } from '../../src/detect/tokenize.js';
import { ruleCatalog } from '../../src/lint/rule-catalog.js';

const negation = { negators: loadLexicon().negators, window: 3 };

/** A model that knows three grams: "we hear you" and "hear you" lean to acknowledgement, "sorry" to apology. */
const small: EmpathyModel = {
  categories: ['apology', 'acknowledgement', 'validation', 'reassurance'],
  threshold: 0.8,
  bias: [-2, -2, -2, -2],
  grams: ['we hear you', 'hear you', 'sorry', '<s> thanks'],
  weights: [0, 2, 0, 0, 0, 1.5, 0, 0, 4, 0, 0, 0, 0, -0.5, 0, 0],
};

/** What the model adds to a turn in which earlier detectors found `alreadyFound`, set `setAside` aside, and
 * counter rules marked the tokens `countered` holds for a category. */
function detect(text: string, model: EmpathyModel = small, alreadyFound: string[] = [], setAside: string[] = [], countered: Record<string, number[]> = {}): Finding[] {
  const findings: Finding[] = [];
  const sink = {
    addFinding: (f: Finding) => void findings.push(f),
    setSentiment: () => {},
    setAside: () => {},
    counter: () => {},
    countered: (c: string) => countered[c] ?? [],
    found: (c: string) => alreadyFound.includes(c),
    settled: (c: string) => alreadyFound.includes(c) || setAside.includes(c),
  };
  createLearnedEmpathyDetector(model, negation).detect({ text, tokens: tokenize(text) }, sink);
  return findings;
}

describe('the words the learned model reads', () => {
  it('names every word, pair and triple, with the message start and end as words', () => {
    const features = [...gramFeatures(tokenize('We can wait.'), negation)];
    expect(features.map(([gram]) => gram)).toEqual([
      '<s>', '<s> we', '<s> we can', 'we', 'we can', 'we can wait', 'can', 'can wait', 'can wait .',
      'wait', 'wait .', 'wait . </s>', '.', '. </s>', '</s>',
    ]);
    expect(features.every(([, value]) => value === 1)).toBe(true);
  });

  it('numbers the sentences, a closing mark and the end marker belonging to the sentence they close', () => {
    const { words, sentences } = gramWords(tokenize('Sorry! We hear you. Thanks'), negation);
    expect(words).toEqual(['<s>', 'sorry', '!', 'we', 'hear', 'you', '.', 'thanks', '</s>']);
    expect(sentences).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2]);
    expect(gramWords(tokenize('We hear you.'), negation).sentences).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('marks the words a negator reaches, up to the window and the end of the clause', () => {
    expect(gramWords(tokenize("I don't understand a single word of it, sorry"), negation).words).toEqual(
      ['<s>', 'i', 'do', 'not', 'not_understand', 'not_a', 'not_single', 'word', 'of', 'it', ',', 'sorry', '</s>'],
    );
    expect(gramWords(tokenize('No, we hear you'), negation).words).toEqual(['<s>', 'no', ',', 'we', 'hear', 'you', '</s>']);
  });
});

describe('the learned empathy detector', () => {
  it('reports a category at or above the threshold, quoting the sentence that weighs most for it', () => {
    // acknowledgement: -2 + 2 + 1.5 = 1.5, a probability of 0.82
    const [finding, ...rest] = detect('Got the details. We hear you, Sam.');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: LEARNED_RULE, kind: 'empathy', category: 'acknowledgement', match: 'We hear you, Sam', confidence: 0.81 });
    expect(finding!.message).toBe("Agent's words read as acknowledgement to the learned model (81%): 'We hear you, Sam'.");
  });

  it('stays silent below the threshold, where a negative weight pulls the score down, and on negated words', () => {
    expect(detect('Thanks, we hear you')).toEqual([]);
    expect(detect('We hear nothing')).toEqual([]);
    expect(detect('We never hear you')).toEqual([]);
    expect(detect('')).toEqual([]);
  });

  it('adds nothing for a category an earlier detector found in the turn', () => {
    expect(detect('Sorry. We hear you.', small, ['apology']).map((f) => f.category)).toEqual(['acknowledgement']);
    expect(detect('Sorry. We hear you.', small, ['apology', 'acknowledgement'])).toEqual([]);
  });

  it('says nothing in a turn where temper was found, but speaks where temper words were only set aside', () => {
    expect(detect('We hear you', small, ['blame'])).toEqual([]);
    expect(detect('We hear you', small, ['shouting'])).toEqual([]);
    expect(detect('We hear you', small, [], ['shouting', 'blame']).map((f) => f.category)).toEqual(['acknowledgement']);
    expect(detect('We hear you', small, [], ['acknowledgement'])).toEqual([]);
  });

  it('weighs nothing from a sentence a counter rule marked, and quotes another', () => {
    // "We hear you." reads as acknowledgement; marked at its first token (the third of the turn), it weighs nothing,
    // and the apology of the other sentence stands.
    expect(detect('Sorry. We hear you.', small, [], [], { acknowledgement: [2] }).map((f) => f.category)).toEqual(['apology']);
    // Marked in the other sentence, it still reads, and is what the finding quotes.
    expect(detect('Sorry. We hear you.', small, [], [], { acknowledgement: [0] }).map((f) => [f.category, f.match])).toEqual([['apology', 'Sorry'], ['acknowledgement', 'We hear you']]);
    // A mark of another category changes nothing.
    expect(detect('We hear you.', small, [], [], { apology: [0] }).map((f) => f.category)).toEqual(['acknowledgement']);
  });

  it('quotes each category from its own sentence', () => {
    expect(detect('We hear you. So sorry!').map((f) => [f.category, f.match])).toEqual([['apology', 'So sorry'], ['acknowledgement', 'We hear you']]);
  });

  it('leaves a leading @handle out of the quote', () => {
    expect(detect('@115712 We hear you, Sam').map((f) => f.match)).toEqual(['We hear you, Sam']);
    expect(detect('@115712 @AirCo we hear you').map((f) => f.match)).toEqual(['we hear you']);
    // A handle with underscores is read as several words, each of them the handle's.
    expect(detect('@dan_on_the_go We hear you, Dan').map((f) => f.match)).toEqual(['We hear you, Dan']);
  });

  it('ends a sentence at a line break too, so an email greeting is not quoted', () => {
    expect(detect('Dear Sam,\n\nWe hear you\n\nRegards').map((f) => f.match)).toEqual(['We hear you']);
    expect(detect('Dear Sam,\nWe hear you.\nRegards').map((f) => f.match)).toEqual(['We hear you']);
    expect(gramWords(tokenize('Hi.\nWe hear you'), negation, 'Hi.\nWe hear you').sentences).toEqual([0, 0, 0, 1, 1, 1, 1]);
    // The words the model weighs do not change.
    expect(gramWords(tokenize('Dear Sam,\nWe hear you'), negation, 'Dear Sam,\nWe hear you').words).toEqual(gramWords(tokenize('Dear Sam,\nWe hear you'), negation).words);
  });

  it('weighs a gram only where all its words stand in that order', () => {
    expect(detect('We hear you')[0]).toMatchObject({ category: 'acknowledgement' });
    expect(detect('You hear we')).toEqual([]);
    expect(detect('We, hear you')).toEqual([]);
  });

  it('reads the threshold from the model', () => {
    expect(detect('We hear you', { ...small, threshold: 0.9 })).toEqual([]);
  });
});

describe('the shipped model', () => {
  const model = loadEmpathyModel();

  it('weighs the four empathy categories with grams of one to three words', () => {
    expect(model.categories).toEqual([...EMPATHY_CATEGORIES]);
    expect(model.threshold).toBeGreaterThan(0.5);
    expect(model.threshold).toBeLessThan(1);
    expect(model.grams.length).toBeGreaterThan(1000);
    expect(new Set(model.grams).size).toBe(model.grams.length);
    expect(model.weights).toHaveLength(model.grams.length * 4);
    for (const gram of model.grams) expect(gram.split(' ').length).toBeGreaterThanOrEqual(1), expect(gram.split(' ').length).toBeLessThanOrEqual(3);
  });

  it('is listed among the rules with the threshold it ships with', () => {
    const entry = ruleCatalog([]).find((r) => r.id === LEARNED_RULE);
    expect(entry).toMatchObject({ kind: 'empathy', lints: false });
    expect(entry!.description).toContain(`${Math.round(model.threshold * 100)}% or more`);
  });

  it('only adds categories the phrase rules did not find, under its own rule', () => {
    const engine = createDefaultEngine(undefined, { sentiment: false, roles: ['agent'] });
    for (const text of ['So sorry about the delay, we understand how frustrating this is and we will sort it out.', 'I am sorry. I am so sorry. Sorry again!']) {
      const empathy = engine.analyse('agent', text).findings.filter((f) => f.kind === 'empathy');
      const learned = empathy.filter((f) => f.rule === LEARNED_RULE);
      for (const f of learned) expect(empathy.filter((g) => g.category === f.category)).toEqual([f]);
      expect(empathy.filter((f) => f.category === 'apology').map((f) => f.rule)).not.toContain(LEARNED_RULE);
    }
  });
});

describe("the build's snapshot of the learned model (npm test builds first)", () => {
  const dist = '../../dist/detect/';
  const texts = ['We know how frustrating a delayed bag is, we will sort it out.', 'We will send you an email confirmation shortly.', 'Thanks for reaching out!', 'I hear you. That should not have happened.'];

  it('finds what the model read from its JSON finds, and is written from the shipped model', async () => {
    const { loadLearnedEmpathyDetector, currentSnapshot, EMPATHY_SNAPSHOT_FILE } = await import(`${dist}empathy-snapshot.js`);
    const { createLearnedEmpathyDetector: fromJson, loadEmpathyModel: distModel } = await import(`${dist}learned-empathy.js`);
    const { tokenize: distTokenize } = await import(`${dist}tokenize.js`);
    const { loadLexicon: distLexicon } = await import(`${dist}load-rules.js`);
    const lex = distLexicon();
    const neg = { negators: lex.negators, window: lex.negationWindow };
    expect(existsSync(EMPATHY_SNAPSHOT_FILE)).toBe(true);
    // Made from the shipped model as the build copied it, and this code, so it is read rather than the JSON.
    expect(currentSnapshot()).toBeDefined();
    const found = (detector: { detect: (turn: object, sink: object) => void }, text: string) => {
      const findings: object[] = [];
      detector.detect({ text, tokens: distTokenize(text) }, { found: () => false, settled: () => false, countered: () => [], addFinding: (f: object) => findings.push(f) });
      return findings;
    };
    const snapshot = loadLearnedEmpathyDetector(neg);
    const json = fromJson(distModel(), neg);
    for (const text of texts) expect(found(snapshot, text), text).toEqual(found(json, text));
    expect(texts.some((text) => found(snapshot, text).length > 0)).toBe(true);
  });
});
