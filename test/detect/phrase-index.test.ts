import { describe, expect, it } from 'vitest';
import { negatedBefore, PhraseIndex } from '../../src/detect/phrase-index.js';
import { tokenize } from '../../src/detect/tokenize.js';

const fillers = new Set(['so', 'very', 'really']);
const negators = new Set(['not', 'never']);
const of = (patterns: [string, number][]) => PhraseIndex.of(fillers, patterns, negators);
const longest = (index: PhraseIndex, text: string, at = 0) => {
  const m = index.longestAt(tokenize(text), at);
  return m && { rules: m.rules, words: tokenize(text).slice(m.start, m.end).map((t) => t.norm).join(' ') };
};
/** Each text's longest match from its start: the rule and words it covers, or undefined for none. */
const expectLongest = (index: PhraseIndex, table: [text: string, rule: number | null, words?: string][]) => {
  for (const [text, rule, words] of table) expect(longest(index, text), text).toEqual(rule === null ? undefined : { rules: [rule], words });
};

describe('the flat phrase trie', () => {
  it('finds every child of a node with many, whatever their order in the patterns', () => {
    const verbs = ['zip', 'ask', 'mend', 'book', 'yield', 'check', 'fix', 'learn', 'help', 'open', 'quote', 'rebook', 'send', 'track'];
    const index = of(verbs.map((verb, i) => [`we will ${verb}`, i]));
    for (const [i, verb] of verbs.entries()) expect(longest(index, `we will ${verb} it`)).toEqual({ rules: [i], words: `we will ${verb}` });
    expect(longest(index, 'we will wait')).toBeUndefined();
    expect(longest(index, 'we will')).toBeUndefined();
  });

  it('shares one last node among the phrases that end with the same rules, and keeps the rules of each apart', () => {
    const index = of([['sorry (for|about) (that|this)', 0], ['thanks (for|about) (that|this)', 1], ['sorry', 0]]);
    const { rules, edgeWord } = index.encode();
    // The root, "sorry" and "thanks", the four "for" and "about" nodes after them, and one last node for
    // each rule instead of eight; the fourteen word children of the linked trie stay.
    expect(rules.length).toBe(3 + 4 + 2);
    expect(edgeWord.length).toBe(14);
    expect(longest(index, 'Sorry about this!')).toEqual({ rules: [0], words: 'sorry about this' });
    expect(longest(index, 'thanks for that')).toEqual({ rules: [1], words: 'thanks for that' });
    expect(longest(index, 'sorry you waited')).toEqual({ rules: [0], words: 'sorry' });
  });

  it('answers for the tokens it is given when turns alternate, though it keeps the last turn\'s word ids', () => {
    const index = of([['we are sorry', 0], ['we will help', 1]]);
    const first = tokenize('we are so sorry');
    const second = tokenize('we will help');
    expect(index.longestAt(first, 0)?.rules).toEqual([0]);
    expect(index.longestAt(second, 0)?.rules).toEqual([1]);
    expect(index.longestAt(first, 0)?.end).toBe(4);
    // A turn longer than any before it.
    const long = tokenize(`${'word '.repeat(300)}we will help`);
    expect(index.longestAt(long, 300)).toEqual({ rules: [1], start: 300, end: 303 });
  });

  it('fills an any-word slot with a word, never with punctuation or a negator, and skips fillers', () => {
    const index = of([['we will * help', 0]]);
    expect(longest(index, 'we will gladly help')).toEqual({ rules: [0], words: 'we will gladly help' });
    expect(longest(index, 'we will really gladly help')).toEqual({ rules: [0], words: 'we will really gladly help' });
    expect(longest(index, 'we will not help')).toBeUndefined();
    expect(longest(index, 'we will , help')).toBeUndefined();
  });

  it('finds a phrase ending before a match though a longer one from the same start runs into it', () => {
    const before = of([['is there', 0], ['is there anything', 0]]);
    const tokens = tokenize('is there anything I can do via chat?');
    // "anything I can do" starts at token 2: "is there" ends right before it, "is there anything" does not.
    expect(before.endsWithin(tokens, 2, 2)).toBe(true);
    expect(before.endsWithin(tokens, 3, 2)).toBe(true);
    expect(before.endsWithin(tokens, 5, 2)).toBe(false);
    expect(of([['is there anything', 0]]).endsWithin(tokens, 2, 2)).toBe(false);
    // The limit holds only while the check runs: the longest match from the same start is found after it.
    expect(longest(before, 'is there anything')).toEqual({ rules: [0], words: 'is there anything' });
  });

  it('reads the end of a turn as the full stop a phrase ends with, and only at the very end', () => {
    const index = of([['you are wrong (.|!)', 0], ['whatever (.|!)', 1], ['oh (.|,) no', 2]]);
    expectLongest(index, [
      ["You're wrong", 0, 'you are wrong'],
      ["You're wrong.", 0, 'you are wrong .'],
      ['whatever', 1, 'whatever'],
      ["You're wrong about the gate", null],
      ['whatever you need', null],
      // The end stands for a full stop that ends a phrase, not one a phrase goes on after.
      ['oh', null],
    ]);
    // A match that endsWithin bounds ends where it is told, not at the end of the turn.
    expect(index.endsWithin(tokenize('whatever you need'), 1, 1)).toBe(false);
  });

  it('reads a run of marks as its first where no phrase holds the run itself', () => {
    const index = of([['whatever (.|!)', 0], ['are you serious ?', 1], ['wow !!!', 2]]);
    expectLongest(index, [
      ['Whatever... fine', 0, 'whatever ...'],
      ['whatever!! fine', 0, 'whatever !!'],
      ['Are you serious?! ok', 1, 'are you serious ?!'],
      ['whatever?! fine', null],
      ['whatever, fine', null],
      // A run a phrase holds as it is stays itself.
      ['wow!!! ok', 2, 'wow !!!'],
      ['wow! ok', null],
    ]);
  });

  it('reads a shorthand as each word sequence it stands for, one token for several words', () => {
    const shorthand = new Map([['ur', ['your', 'you are']], ['u', ['you']], ['thx', ['thank you']]]);
    const index = PhraseIndex.of(fillers, [['you are right', 0], ['your fault', 1], ['thank you so much', 2], ['ur welcome', 3], ['i think you are right', 4]], negators, shorthand);
    expect(longest(index, 'i think ur right')).toEqual({ rules: [4], words: 'i think ur right' });
    expect(longest(index, 'ur right')).toEqual({ rules: [0], words: 'ur right' });
    expect(longest(index, 'u are so right')).toEqual({ rules: [0], words: 'u are so right' });
    expect(longest(index, 'ur fault')).toEqual({ rules: [1], words: 'ur fault' });
    expect(longest(index, 'Thx so much')).toEqual({ rules: [2], words: 'thx so much' });
    expect(longest(index, 'I thx so much', 1)).toEqual({ rules: [2], words: 'thx so much' });
    // A phrase of the shorthand itself still matches, and a reading that no phrase holds is no match.
    expect(longest(index, 'ur welcome')).toEqual({ rules: [3], words: 'ur welcome' });
    expect(longest(index, 'ur car')).toBeUndefined();
  });

  it('reads back from its encoded form with the same answers and no objects per node', () => {
    const index = of([['we (are|am) (truly|deeply)? sorry', 0], ['we will * help', 1]]);
    const encoded = index.encode();
    for (const key of ['rules', 'any', 'first', 'edgeWord', 'edgeChild'] as const) expect(encoded[key]).toBeInstanceOf(Int32Array);
    const read = PhraseIndex.decode(fillers, negators, structuredClone(encoded));
    for (const text of ['we are truly sorry', 'we am sorry', 'we will surely help', 'we will not help']) expect(longest(read, text)).toEqual(longest(index, text));
  });
});

describe('negation before a phrase', () => {
  const negation = { negators: new Set(['no', 'not', 'without']), negationWindow: 3, clauseWords: new Set(['but', 'because', 'so']), fillers: new Set(['so']), notNegating: [['oh', 'no'], ['without', 'a', 'doubt']], clauseSubjects: new Set(['we']), subjectTakers: new Set(['sure', 'something']), nounNegators: new Set(['without']), clauseVerbs: new Set(['is']), verbNegators: new Set(['never']), auxiliaries: new Set(['will', 'do', 'does']), sentenceVerbs: new Set(['is', 'must']), contrasts: new Set(['and']), particles: new Set(['up']), notObjects: new Set(['it', 'everyone']) };
  const negated = (text: string, phrase: string) => {
    const tokens = tokenize(text);
    return negatedBefore(tokens, tokens.findIndex((t) => t.norm === phrase), negation);
  };

  it('counts a negator in the same clause, and not past a clause word or punctuation', () => {
    expect(negated('we are not sorry', 'sorry')).toBe(true);
    expect(negated('not good but sorry', 'sorry')).toBe(false);
    expect(negated('no. sorry', 'sorry')).toBe(false);
  });

  it('ends a negator\'s reach at a phrase that opens with a clause word, unless the word is also a filler', () => {
    const at = (text: string, index: number) => negatedBefore(tokenize(text), index, negation);
    expect(at('not refunding you because you did', 3)).toBe(false);
    expect(at('not refunding you', 2)).toBe(true);
    expect(at('i am not so sorry', 3)).toBe(true);
  });

  it('ends a negator\'s reach at a phrase that opens with punctuation', () => {
    const at = (text: string, index: number) => negatedBefore(tokenize(text), index, negation);
    expect(at('you did not pay it , simple as that', 5)).toBe(false);
    expect(at('you did not pay it simple as that', 5)).toBe(true);
  });

  it('ends a negator\'s reach at a phrase that opens with its own subject, unless the word before takes it', () => {
    expect(negated('the tsa does not accept we apologize', 'we')).toBe(false);
    expect(negated('we do not apologize', 'apologize')).toBe(true);
    expect(negated('i am not sure we can help', 'we')).toBe(true);
    expect(negated('this is not something we can do', 'we')).toBe(true);
  });

  it('does not count a negator inside an idiom that negates nothing', () => {
    expect(negated('oh no sorry to hear', 'sorry')).toBe(false);
    expect(negated('without a doubt delays are frustrating', 'delays')).toBe(false);
    expect(negated('no sorry', 'sorry')).toBe(true);
    expect(negated('without delays', 'delays')).toBe(true);
  });

  it('ends the reach of a negator that governs a noun at a verb after it', () => {
    expect(negated('your trip without bags is tough', 'is')).toBe(false);
    expect(negated('without bags is tough', 'tough')).toBe(false);
    expect(negated('without any sorry', 'sorry')).toBe(true);
    expect(negated('it is not tough', 'tough')).toBe(true);
  });

  it('ends the reach of a negator on a verb of its own clause at the sentence\'s verb after it', () => {
    // "won't" reads "will not": a negator after an auxiliary is on a verb.
    expect(negated('a door that won\'t open is a pain', 'is')).toBe(false);
    expect(negated('a door that won\'t open is a pain', 'pain')).toBe(false);
    expect(negated('a parcel that never turns up is a pain', 'is')).toBe(false);
    expect(negated('not knowing is a pain', 'is')).toBe(false);
    // The verb may take a one-word object that is not one of the lexicon's notObjects ("it").
    expect(negated('a child who does not eat dairy is a pain', 'is')).toBe(false);
    expect(negated('a child who does not eat it is a pain', 'is')).toBe(true);
    // Not before a noun, a second word that is no particle or object, or without the sentence's verb.
    expect(negated('not everyone is happy', 'happy')).toBe(true);
    expect(negated('i do not think it is a pain', 'is')).toBe(true);
    expect(negated('it won\'t be a pain', 'pain')).toBe(true);
  });

  it('ends the reach of "and not" at the sentence\'s verb after the one thing it sets aside', () => {
    expect(negated('they were marigolds and not courgettes must have been a pain', 'must')).toBe(false);
    expect(negated('marigolds not courgettes must have been a pain', 'must')).toBe(true);
    expect(negated('and not everyone is happy', 'is')).toBe(true);
    expect(negated('so not courgettes must have been a pain', 'must')).toBe(true);
  });
});
