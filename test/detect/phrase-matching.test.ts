import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { checkPattern, expandPattern } from '../../src/detect/phrase-pattern.js';
import { tokenize } from '../../src/detect/tokenize.js';
import type { DetectionSink, TurnText } from '../../src/detect/detector.js';
import { loadLexicon } from '../../src/detect/load-rules.js';
import { compilePhraseRules } from '../../src/detect/phrase-detector.js';
import { checkRule } from '../../src/detect/rule-spec.js';

const engine = createDefaultEngine();
const categories = (text: string) => engine.analyse('agent', text).findings.map((f) => f.category);

describe('tokenize', () => {
  it('lower-cases, straightens curly apostrophes and expands contractions', () => {
    expect(tokenize('I’m sorry, we can’t — it’s Dana’s call').map((t) => t.norm)).toEqual(['i', 'am', 'sorry', ',', 'we', 'can', 'not', '—', 'it', 'is', "dana's", 'call']);
    expect(tokenize('We cannot').map((t) => t.norm)).toEqual(['we', 'can', 'not']);
  });

  it("reads a noun's \"'s\" before been, gone or got as \"has\", and keeps it a possessive elsewhere", () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm).join(' ');
    expect(norms("The fine's been cancelled and your order's gone out")).toBe('the fine has been cancelled and your order has gone out');
    expect(norms("Dave's got your keys; Dave's van; it's been fixed")).toBe("dave has got your keys ; dave's van ; it is been fixed");
    expect(tokenize("fine's been").map((t) => [t.norm, t.start, t.end])).toEqual([['fine', 0, 6], ['has', 0, 6], ['been', 7, 11]]);
    expect(categories("The £10 fine's been cancelled.")).toContain('reassurance');
  });

  it('reads contractions typed without the apostrophe as the contraction', () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm).join(' ');
    expect(norms('dont worry, im here and thats fine')).toBe('do not worry , i am here and that is fine');
    expect(norms('we cant, it wont, youre right')).toBe('we can not , it will not , you are right');
    // Words that are also ordinary words stay as they are.
    expect(norms('its fine, were well, id')).toBe('its fine , were well , id');
    // "ill" is "I'll" before a word, unless what comes before makes it the adjective.
    expect(norms('ill check now. I feel ill today. an ill passenger. ill-advised. so ill')).toBe('i will check now . i feel ill today . an ill passenger . ill advised . so ill');
    expect(norms('one sec and ill sort it. tired and ill today')).toBe('one sec and i will sort it . tired and ill today');
    // "lets" is "let's" unless an object follows it.
    expect(norms('lets get you sorted; it lets me pick')).toBe('let us get you sorted ; it lets me pick');
    // Each part keeps the word's span.
    expect(tokenize('dont').map((t) => [t.start, t.end])).toEqual([[0, 4], [0, 4]]);
  });

  it('matches and negates phrases in text typed without apostrophes', () => {
    expect(categories('i dont understand what you mean')).not.toContain('acknowledgement');
    expect(categories('I understand what you mean')).toContain('acknowledgement');
    expect(categories('dont worry ill sort it out for you')).toContain('reassurance');
    expect(categories('thats not ok at all, youre right')).toContain('validation');
  });

  it('matches chat shorthand as the word it stands for, in every phrase rule', () => {
    // No phrase names "r" or "u" here: the lexicon's shorthand reads them as "are" and "you".
    expect(categories('sry abt the wait, we r looking into it')).toEqual(expect.arrayContaining(['apology', 'reassurance']));
    expect(categories('did u even read it')).toContain('condescension');
    expect(categories('pls dont worry, we will sort it')).toContain('reassurance');
    // A word that only looks like shorthand elsewhere is not read so: "R" in a terminal name starts no phrase.
    expect(categories('Gate R12 is open')).toEqual([]);
    // Also where "u" has phrases of its own ("u r welcome"): every phrase of "you" is tried too.
    expect(categories('u are not the only customer')).toContain('dismissal');
    // "ur" reads as "your" or as "you are", whichever the phrase has.
    expect(categories('ur right, that should not have happened')).toContain('validation');
    expect(categories('thats ur problem not ours')).toContain('dismissal');
    expect(categories('ur wrong')).toContain('condescension');
    // A team's own rule too.
    const { rule } = checkRule({ id: 'team/sure', category: 'reassurance', message: 'm', phrases: ['are you sure'], examples: { match: ['are you sure'] } }, 'test');
    const found: string[] = [];
    compilePhraseRules([rule!], loadLexicon()).detect({ text: 'r u sure?', tokens: tokenize('r u sure?') } as TurnText, { addFinding: (f) => void found.push(f.match), setAside: () => {} } as DetectionSink);
    expect(found).toEqual(['r u sure']);
  });

  it('reads an HTML entity as the character it stands for, so "&amp;" joins words as "&" does', () => {
    expect(tokenize('ready &amp; able; &lt;3 &AMP; Co').map((t) => t.norm)).toEqual(['ready', 'able', ';', '3', 'co']);
    expect(tokenize('ready & able').map((t) => t.norm)).toEqual(['ready', 'able']);
    expect(categories('Our Employees are ready &amp; able to rebook you if necessary.')).toContain('reassurance');
  });

  it('reads "…" as the three dots it stands for, so a negator before it does not reach past it', () => {
    expect(tokenize('not sure… sorry').map((t) => [t.norm, t.start, t.end])).toEqual([['not', 0, 3], ['sure', 4, 8], ['...', 8, 9], ['sorry', 10, 15]]);
    expect(tokenize('wait…!').map((t) => t.norm)).toEqual(['wait', '...!']);
    expect(categories("I'm not sure… sorry about that")).toEqual(['apology']);
  });

  it('keeps dashes between clauses as tokens, so negation stops there, and hyphens inside words out', () => {
    expect(tokenize('oh no - please check-in -Becky').map((t) => t.norm)).toEqual(['oh', 'no', '-', 'please', 'check', 'in', 'becky']);
    expect(tokenize('alone – we').map((t) => t.norm)).toEqual(['alone', '–', 'we']);
  });

  it('makes each Japanese or Chinese character a token, so phrases match inside unspaced text', () => {
    expect(tokenize('ご迷惑を。Fire TV').map((t) => t.norm)).toEqual(['ご', '迷', '惑', 'を', '。', 'fire', 'tv']);
    expect(categories('アマゾンです。ご迷惑をおかけしております。')).toContain('apology');
  });

  it('splits a camel-case hashtag into its words, each with its own span, and leaves other words whole', () => {
    const text = 'so #ThanksForNothing #fail #NOREPLY MacBook';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['so', 'thanks', 'for', 'nothing', 'fail', 'noreply', 'macbook']);
    expect(tokens.slice(1, 4).map((t) => text.slice(t.start, t.end))).toEqual(['Thanks', 'For', 'Nothing']);
  });

  it('keeps the source span of every token', () => {
    const text = 'Don’t worry';
    const tokens = tokenize(text);
    expect(text.slice(tokens[0]!.start, tokens[1]!.end)).toBe('Don’t');
  });
});

describe('phrase patterns', () => {
  it('expand alternatives, optional words and contractions into token sequences', () => {
    expect(expandPattern("(i|we) (am|are)? sorry")).toEqual([['i', 'am', 'sorry'], ['i', 'are', 'sorry'], ['i', 'sorry'], ['we', 'am', 'sorry'], ['we', 'are', 'sorry'], ['we', 'sorry']]);
    expect(expandPattern("don't worry")).toEqual([['do', 'not', 'worry']]);
    expect(expandPattern('(look_into|check)')).toEqual([['look', 'into'], ['check']]);
  });

  it("read `_` before a contraction's ending as its apostrophe, so \"we_ll\" matches what \"we'll\" does", () => {
    expect(expandPattern('(we_ll|i_ll) put it up')).toEqual([['we', 'will', 'put', 'it', 'up'], ['i', 'will', 'put', 'it', 'up']]);
    expect(expandPattern("(don_t|can_t|won_t|there_wasn_t) go")).toEqual([['do', 'not', 'go'], ['can', 'not', 'go'], ['will', 'not', 'go'], ['there', 'was', 'not', 'go']]);
    for (const text of ["don't", 'dont', 'do not']) expect(tokenize(text).map((t) => t.norm)).toEqual(expandPattern('don_t')[0]);
    expect(expandPattern('(today_s|it_s|let_s) plan')).toEqual([["today's", 'plan'], ['it', 'is', 'plan'], ['let', 'us', 'plan']]);
    // Elsewhere `_` is a space, a lone letter after it too.
    expect(expandPattern('(look_into|plan_b|vitamin_d|rob_t)')).toEqual([['look', 'into'], ['plan', 'b'], ['vitamin', 'd'], ['rob', 't']]);
    const { rule } = checkRule({ id: 'team/scoff', category: 'blame', message: 'm', phrases: ['you_d think we_d'], examples: { match: ["You'd think we'd kidnapped him."] } }, 'test');
    const found: string[] = [];
    const text = "You’d think we’d kidnapped him.";
    compilePhraseRules([rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void found.push(f.match), setAside: () => {} } as DetectionSink);
    expect(found).toEqual(['You’d think we’d']);
  });

  it('leave out an optional group of skipped words between required words, and nowhere else', () => {
    const skipped = new Set(['so', 'very']);
    expect(expandPattern('(i|we) (so|very)? sorry', skipped)).toEqual([['i', 'sorry'], ['we', 'sorry']]);
    // At the start, the group decides where a match starts; at the end, where it stops; a real word keeps it.
    expect(expandPattern('(so|very)? sorry', skipped)).toHaveLength(3);
    expect(expandPattern('sorry (so)?', skipped)).toHaveLength(2);
    expect(expandPattern('i (so|quite)? sorry', skipped)).toHaveLength(3);
    expect(categories("We're so very sorry.")).toContain('apology');
  });

  it('refuse empty alternatives and runaway expansions', () => {
    expect(() => expandPattern('(a|)')).toThrowError(/empty alternative/);
    expect(() => expandPattern('(a|b|c|d|e|f|g|h) '.repeat(4))).toThrowError(/more than 2048/);
  });

  it('refuse a group split apart, as a comma in a YAML [ ] list splits one', () => {
    for (const bad of ['priority (', ')? and', '(a|b', 'a) b', 'x ((a|b) c)', '(a|b)c)']) expect(() => checkPattern(bad), bad).toThrowError(/unmatched parenthesis/);
    const { problems } = checkRule({ id: 'team/x', category: 'reassurance', message: 'm', phrases: ['we promise'], unless: { precededBy: ['priority (', ')? and'] }, examples: { match: ['we promise'] } }, 'test');
    expect(problems.map((p) => p.message).join('\n')).toMatch(/pattern 'priority \(' has an unmatched parenthesis in '\(' .*quote a pattern that holds a comma/);
  });

  it('checks a pattern without expanding it, with the same verdicts', () => {
    for (const bad of ['(a|)', '(a|b|c|d|e|f|g|h) '.repeat(4), '* sorry', 'sorry *', 'a? * b', 'b * c?', '']) {
      expect(() => checkPattern(bad), bad).toThrowError();
      expect(() => expandPattern(bad), bad).toThrowError();
    }
    for (const good of ['(i|we) *? understand', 'sorry (for|about) * delay', '"?"']) {
      expect(() => checkPattern(good)).not.toThrow();
      expect(expandPattern(good).length).toBeGreaterThan(0);
    }
  });
});

describe('empathy matching', () => {
  it('survives case, curly apostrophes and small fillers', () => {
    expect(categories('I’M SO VERY SORRY for the wait')).toContain('apology');
    expect(categories('i really do understand')).toContain('acknowledgement');
  });

  it('ends a negator\'s reach at a line break, a bullet, a slash or an emoji, which are no tokens', () => {
    for (const gap of ['\n', '\n\n', ' • ', ' / ', ' 😕 ']) expect(categories(`I'm not sure${gap}sorry about that`)).toEqual(['apology']);
    expect(categories("I'm not sure sorry about that")).toEqual([]);
    expect(categories("I'm not \"sorry\"")).toEqual([]);
  });

  it('respects negation and refusals', () => {
    expect(categories("I'm not sorry.")).toEqual([]);
    expect(categories("That's not good and we're sorry for the rudeness.")).toContain('apology');
    expect(categories("Delays are never intentional, so we apologize.")).toContain('apology');
    expect(categories("I don't understand what you want")).toEqual([]);
    expect(categories("Sorry, but that's our policy.")).toEqual([]);
  });

  it("never fills a phrase's any-word slot with a negator", () => {
    // "(we|i) (will|can|…) *? *? help_you": a refusal is not an offer of help.
    expect(categories('We can definitely help you with that.')).toContain('reassurance');
    expect(categories("We can't help you with that, I'm afraid.")).not.toContain('reassurance');
    expect(categories('We cannot help you with bookings here.')).not.toContain('reassurance');
  });

  it('reports each rule once per turn, with the words as written', () => {
    const findings = engine.analyse('agent', 'Sorry to hear that. So sorry again!').findings;
    expect(findings.map((f) => [f.rule, f.match])).toEqual([['empathy/apology', 'Sorry to hear']]);
    expect(findings[0]!.message).toBe("Agent apologises: 'Sorry to hear'.");
  });

  it('reads empathy only in agent turns, and temper in customer turns as hostility', () => {
    expect(engine.analyse('customer', "I'm sorry, this is stupid").findings.map((f) => f.rule)).toEqual(['temper/profanity']);
    expect(engine.analyse('other', "I'm sorry, this is stupid")).toEqual({ sentiment: null, findings: [] });
  });
});

describe('overlapping phrases', () => {
  it('count once per category, and each category they belong to', () => {
    expect(categories("We regret the frustration we've caused you.").sort()).toEqual(['acknowledgement', 'apology']);
    const reassurance = engine.analyse('agent', 'Please DM us so we can take a look.').findings.filter((f) => f.category === 'reassurance');
    expect(reassurance.map((f) => f.match)).toEqual(['so we can take a look']);
  });
});

describe('rule exceptions', () => {
  const matches = (window: number, text: string): boolean => {
    const { rule } = checkRule({ id: 'team/on-it', category: 'reassurance', message: 'm', phrases: ['on it'], unless: { followedBy: ['later'], precededBy: ['not'], window }, negation: 'ignore', examples: { match: ['on it'] } }, 'test');
    const found: string[] = [];
    compilePhraseRules([rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void found.push(f.match), setAside: () => {} } as DetectionSink);
    return found.length > 0;
  };

  it('count the window the same way before and after a match', () => {
    expect(matches(1, 'not on it')).toBe(false);
    expect(matches(1, 'on it later')).toBe(false);
    expect(matches(1, 'not yet on it')).toBe(true);
    expect(matches(1, 'on it much later')).toBe(true);
    expect(matches(2, 'not yet on it')).toBe(false);
    expect(matches(2, 'on it much later')).toBe(false);
  });

  it('find a long exception before a match however many words it has, fillers between them included', () => {
    const { rule } = checkRule({ id: 'team/get-there', category: 'reassurance', message: 'm', phrases: ['get you there'], unless: { precededBy: ['continue working with our team on the ground to'], window: 1 }, negation: 'ignore', examples: { match: ['get you there'] } }, 'test');
    const found = (text: string): string[] => {
      const out: string[] = [];
      compilePhraseRules([rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void out.push(f.match), setAside: () => {} } as DetectionSink);
      return out;
    };
    expect(found('Please continue working with our team on the ground to get you there.')).toEqual([]);
    expect(found('Please continue working so very closely with our team on the ground to get you there.')).toEqual(['get you there']);
    expect(found('Please do continue working with our team really on the ground to get you there.')).toEqual([]);
    expect(found('Our team on the ground will get you there.')).toEqual(['get you there']);
  });

  it('give each exception of a list its own window, and name the one that is wrong', () => {
    const unless = [{ followedBy: ['but'], window: 1 }, { followedBy: ['later'], window: 3 }];
    const spec = { id: 'team/on-it', category: 'reassurance', message: 'm', phrases: ['on it'], unless, negation: 'ignore', examples: { match: ['on it'] } };
    const found = (text: string): number => {
      const out: string[] = [];
      compilePhraseRules([checkRule(spec, 'test').rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void out.push(f.match), setAside: () => {} } as DetectionSink);
      return out.length;
    };
    expect(found('on it but slowly')).toBe(0);
    expect(found('on it today but slowly')).toBe(1);
    expect(found('on it right away later')).toBe(0);
    expect(found('on it right away, much later')).toBe(1);
    const bad = checkRule({ ...spec, unless: [{ followedBy: ['but'], window: 1 }, { followedBy: ['later'], window: 0 }, 'soon'] }, 'test');
    expect(bad.problems.map((p) => p.path)).toEqual(['unless[1].window', 'unless[2]']);
    const typo = checkRule({ ...spec, unless: { folowedBy: ['but'] } }, 'test');
    expect(typo.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(["unless.folowedBy: 'unless' takes followedBy, precededBy, window and cheering, found 'folowedBy'"]);
  });

  it('drop a match in a cheering turn only for rules that ask for it, and refuse a cheering that is not true or false', () => {
    const spec = (cheering: unknown) => ({ id: 'team/nice-try', category: 'condescension', message: 'm', phrases: ['nice try'], unless: { cheering }, examples: { match: ['nice try'] } });
    const hits = (cheering: boolean, text: string) => {
      const found: string[] = [];
      compilePhraseRules([checkRule(spec(cheering), 'test').rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void found.push(f.match), setAside: () => {} } as DetectionSink);
      return found.length;
    };
    expect(hits(true, 'Nice try, Dave! Happy birthday!')).toBe(0);
    expect(hits(true, 'Nice try 😊')).toBe(0);
    expect(hits(true, 'Nice try. The answer is still no.')).toBe(1);
    expect(hits(false, 'Nice try, Dave! Happy birthday!')).toBe(1);
    // "love" between commas names the customer; said of the customer's plans, it cheers.
    expect(hits(true, 'Nice try, love, the answer is still no.')).toBe(1);
    expect(hits(true, 'Nice try, love.')).toBe(1);
    expect(hits(true, 'Nice try! We love that you asked.')).toBe(0);
    expect(checkRule(spec('yes'), 'test').problems.map((p) => p.path)).toEqual(['unless.cheering']);
  });

  it('match a rule that asks for it only when the phrase is the whole turn, a handle and a sign-off aside', () => {
    const spec = (alone: unknown) => ({ id: 'team/bare-ok', category: 'dismissal', message: 'm', phrases: ['ok'], alone, examples: { match: ['ok'] } });
    const hits = (alone: boolean, text: string) => {
      const found: string[] = [];
      compilePhraseRules([checkRule(spec(alone), 'test').rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void found.push(f.match), setAside: () => {} } as DetectionSink);
      return found.length;
    };
    for (const text of ['Ok.', 'ok', '@115712 Ok. ^JR', '@dan_on_the_go Ok.', 'Ok... -Dana', 'OK 👍']) expect([text, hits(true, text)]).toEqual([text, 1]);
    for (const text of ['Ok, I have refunded it.', 'Ok!', 'Ok?', 'Is that ok.', 'Ok. ^JR thanks']) expect([text, hits(true, text)]).toEqual([text, 0]);
    expect(hits(false, 'Ok, I have refunded it.')).toBe(1);
    expect(checkRule(spec('yes'), 'test').problems.map((p) => p.path)).toEqual(['alone']);
  });

  it('report nothing for a counter rule, and mark where its words stand unless its exceptions cancel them', () => {
    const spec = (category: string, counter: unknown) => ({ id: 'team/not-help', category, counter, message: 'm', phrases: ['close this out'], unless: { followedBy: ['and refund'], window: 1 }, examples: { match: ['x'] } });
    const read = (text: string) => {
      const found: string[] = [];
      const marks: string[] = [];
      const sink = { addFinding: (f) => void found.push(f.match), setAside: () => {}, counter: (c: string, at: number) => void marks.push(`${c}@${at}`) } as DetectionSink;
      compilePhraseRules([checkRule(spec('reassurance', true), 'test').rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, sink);
      return { found, marks };
    };
    expect(read("Thanks, I'll close this out.")).toEqual({ found: [], marks: ['reassurance@4'] });
    expect(read("I'll close this out and refund you.")).toEqual({ found: [], marks: [] });
    expect(checkRule(spec('reassurance', 'yes'), 'test').problems.map((p) => p.path)).toEqual(['counter']);
    expect(checkRule(spec('blame', true), 'test').problems.map((p) => p.path)).toEqual(['counter']);
  });

  it("keep a counter rule's category out where its words stand, and leave other categories and earlier words alone", () => {
    const rules = [
      { id: 'team/help', category: 'reassurance', message: 'm', phrases: ['know when', "won't close this"], examples: { match: ['x'] } },
      { id: 'team/blame', category: 'blame', message: 'm', phrases: ['let you know'], examples: { match: ['x'] } },
      { id: 'team/not-help', category: 'reassurance', counter: true, negation: 'ignore', message: 'm', phrases: ['let you know when it ships', 'close this ticket'], examples: { match: ['x'] } },
    ].map((rule) => checkRule(rule, 'test').rule!);
    const detector = compilePhraseRules(rules, loadLexicon());
    const read = (text: string) => {
      const found: string[] = [];
      const marks: number[] = [];
      const sink = { addFinding: (f) => void found.push(`${f.category}:${f.match}`), setAside: () => {}, counter: (_: string, at: number) => void marks.push(at) } as DetectionSink;
      detector.detect({ text, tokens: tokenize(text) } as TurnText, sink);
      return { found, marks };
    };
    // The counter phrase, longer than the blame phrase at "let", does not hide it, and the help phrase that starts
    // among its words is not read.
    expect(read("We'll let you know when it ships.")).toEqual({ found: ['blame:let you know'], marks: [2] });
    expect(read("We'll let you know when it's fixed.")).toEqual({ found: ['blame:let you know', 'reassurance:know when'], marks: [] });
    // A help phrase that starts before the counter's words still reads; the counter still marks its own.
    expect(read("I won't close this ticket until you're happy.")).toEqual({ found: ["reassurance:won't close this"], marks: [3] });
  });

  it('mark no customer hostile for a bare reply: "Nope." answers a question', () => {
    const hostile = (role: 'agent' | 'customer', text: string) => engine.analyse(role, text).findings.filter((f) => f.kind === 'temper').map((f) => f.rule);
    expect(hostile('agent', 'Nope.')).toEqual(['temper/brush-off']);
    expect(hostile('customer', 'Nope.')).toEqual([]);
    expect(hostile('customer', 'Calm down.')).toEqual(['temper/dismissal']);
  });

  it('keep a temper rule whose file says roles: [agent] off customer turns, and check what roles may say', () => {
    const spec = (extra: Record<string, unknown>) => ({ id: 'team/not-sorry', category: 'dismissal', message: 'm', phrases: ['sorry not sorry'], examples: { match: ['x'] }, ...extra });
    const hostile = (roles: unknown, role: 'agent' | 'customer', text: string) =>
      createDefaultEngine([checkRule(spec(roles === undefined ? {} : { roles }), 'test').rule!], { sentiment: false, learned: false })
        .analyse(role, text).findings.filter((f) => f.rule === 'team/not-sorry').length;
    expect([hostile(undefined, 'agent', 'No refund, sorry not sorry.'), hostile(undefined, 'customer', 'Cake for breakfast #SorryNotSorry')]).toEqual([1, 1]);
    expect([hostile(['agent'], 'agent', 'No refund, sorry not sorry.'), hostile(['agent'], 'customer', 'Cake for breakfast #SorryNotSorry')]).toEqual([1, 0]);
    expect(hostile(['agent', 'customer'], 'customer', 'Sorry not sorry.')).toBe(1);
    const problems = (extra: Record<string, unknown>) => checkRule(spec(extra), 'test').problems.map((p) => p.message);
    expect(problems({ roles: ['agent'] })).toEqual([]);
    expect(problems({ roles: 'agent' })).toEqual(["'roles' must be a list of agent, customer or both"]);
    expect(problems({ roles: ['customer'] })).toEqual(["every rule reads agent turns: 'roles' is [agent], or [agent, customer] for a temper rule"]);
    expect(problems({ roles: ['agent', 'customer'], alone: true })).toEqual(["a rule with 'alone: true' reads agent turns only"]);
    expect(problems({ roles: ['agent', 'customer'], category: 'apology' })).toEqual(['only temper rules read customer turns']);
  });
});

describe('phrases that start at the same word', () => {
  const rule = (id: string, category: string, phrases: string[]) =>
    checkRule({ id, category, message: 'm', phrases, negation: 'ignore', examples: { match: [phrases[0]!] } }, 'test').rule!;
  const found = (rules: ReturnType<typeof rule>[], text: string) => {
    const out: string[] = [];
    compilePhraseRules(rules, loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void out.push(`${f.category}:${f.match}`), setAside: () => {} } as DetectionSink);
    return out;
  };

  it('take the longest: its meaning wins over a shorter phrase inside it', () => {
    const rules = [rule('t/ack', 'acknowledgement', ['we appreciate your frustration']), rule('t/thanks', 'gratitude', ['we appreciate'])];
    expect(found(rules, 'We appreciate your frustration.')).toEqual(['acknowledgement:We appreciate your frustration']);
    expect(found(rules, 'We appreciate your patience.')).toEqual(['gratitude:We appreciate']);
  });

  it('give a phrase that two rules share to both', () => {
    const rules = [rule('t/ack', 'acknowledgement', ['sorry for the frustration']), rule('t/apology', 'apology', ['sorry', 'sorry for the frustration'])];
    expect(found(rules, 'Sorry for the frustration.')).toEqual(['acknowledgement:Sorry for the frustration', 'apology:Sorry for the frustration']);
  });

  it('give the words to the later of two rules of one category (a team rule after the built-in ones), once', () => {
    const rules = [rule('t/ack', 'acknowledgement', ['sorry for the frustration']), rule('t/apology', 'apology', ['sorry for the frustration']), rule('team/apology', 'apology', ['sorry for the frustration'])];
    const out: string[] = [];
    compilePhraseRules(rules, loadLexicon()).detect({ text: 'Sorry for the frustration.', tokens: tokenize('Sorry for the frustration.') } as TurnText, { addFinding: (f) => void out.push(f.rule), setAside: () => {} } as DetectionSink);
    expect(out).toEqual(['t/ack', 'team/apology']);
  });
});

describe('quotes', () => {
  const quoted = (phrases: string[], text: string) => {
    const { rule } = checkRule({ id: 't/quote', category: 'reassurance', message: 'm', phrases, negation: 'ignore', examples: { match: [text] } }, 'test');
    const out: string[] = [];
    compilePhraseRules([rule!], loadLexicon()).detect({ text, tokens: tokenize(text) } as TurnText, { addFinding: (f) => void out.push(f.match), setAside: () => {} } as DetectionSink);
    return out;
  };

  it('leave out a full stop, comma, colon or dash the phrase starts or ends on, and keep other marks', () => {
    expect(quoted(['sorry about that ,'], 'Sorry about that, can you DM us?')).toEqual(['Sorry about that']);
    expect(quoted([', to give you a hand'], 'Tell us what is going on, to give you a hand.')).toEqual(['to give you a hand']);
    expect(quoted(['ouch !'], 'Ouch! That hurts.')).toEqual(['Ouch!']);
    expect(quoted(['understandable .'], 'Understandable. We will look into it.')).toEqual(['Understandable']);
  });
});
