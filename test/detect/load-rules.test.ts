import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { COMPILED_RULES_FILE, loadBuiltinRuleFiles, loadRuleFiles } from '../../src/detect/load-rules.js';
import { tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('rule files', () => {
  it('are what the build compiles to JSON for start-up (npm test builds first)', () => {
    const compiled: unknown = JSON.parse(readFileSync(new URL(`../../dist/detect/rules/${COMPILED_RULES_FILE}`, import.meta.url), 'utf8'));
    const rules = loadBuiltinRuleFiles();
    expect(rules.length).toBeGreaterThan(10);
    expect(compiled).toEqual(rules);
  });

  it('report every problem at once, each with file:line', () => {
    const file = path.join(dir, 'team.yaml');
    writeFileSync(file, [
      'rules:',
      '  - id: team/ok',
      '    category: apology',
      '    message: "ok"',
      '    phrases: [we regret]',
      '    examples: {match: [we regret it]}',
      '  - id: Bad Id',
      '    category: grumpiness',
      '    message: "x"',
      '    phrases: ["(a|)"]',
      '    examples: {match: [a]}',
      '  - id: team/ok',
      '    category: blame',
      '    message: "dup"',
      '    phrases: [your fault]',
      '    examples: {match: [your fault]}',
    ].join('\n'));
    let message = '';
    try {
      loadRuleFiles([file], dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Rule files have 4 problem\(s\):/);
    expect(message).toContain("team.yaml:7: rules[1].id: 'id' must look like 'group/name'");
    expect(message).toContain('team.yaml:8: rules[1].category: unknown category "grumpiness"');
    expect(message).toContain("team.yaml:10: rules[1].phrases[0]: pattern '(a|)' '(a|)' holds an empty alternative");
    expect(message).toContain("team.yaml:12: rule id 'team/ok' is already used at team.yaml:2");
  });

  it('add the phrases and examples of an extends: entry to the rule it names, from any file of the set', () => {
    const first = path.join(dir, 'a-more.yaml');
    const second = path.join(dir, 'b-rule.yaml');
    writeFileSync(first, ['rules:', '  - extends: team/promise', '    phrases: [we promise]', '    examples: {match: [we promise it]}'].join('\n'));
    writeFileSync(second, ['rules:', '  - id: team/promise', '    category: reassurance', '    message: "m"', '    phrases: [we guarantee]', '    unless: {followedBy: [not]}', '    examples: {match: [we guarantee it], noMatch: [we guarantee not]}'].join('\n'));
    const [rule, ...others] = loadRuleFiles([first, second], dir);
    expect(others).toEqual([]);
    expect(rule?.phrases).toEqual(['we guarantee', 'we promise']);
    expect(rule?.examples).toEqual({ match: ['we guarantee it', 'we promise it'], noMatch: ['we guarantee not'] });
    expect(rule?.unless.exceptions).toEqual([{ followedBy: ['not'], precededBy: [], window: 3 }]);
    expect(rule?.source).toBe('b-rule.yaml:2');
  });

  it("add an extends: entry's exceptions to the rule it names, where they cancel the rule's phrases from every file", () => {
    const base = path.join(dir, 'c-rule.yaml');
    const more = path.join(dir, 'd-more.yaml');
    writeFileSync(base, ['rules:', '  - id: team/promise', '    category: reassurance', '    message: "m"', '    phrases: [we guarantee]', '    unless: {followedBy: [not]}', '    examples: {match: [we guarantee it]}'].join('\n'));
    writeFileSync(more, ['rules:', '  - extends: team/promise', '    phrases: [we promise]', '    unless: [{precededBy: [if only], window: 1}]', '    examples: {match: [we promise it], noMatch: [if only we guarantee it, if only we promise it]}'].join('\n'));
    const [rule] = loadRuleFiles([base, more], dir);
    expect(rule?.unless.exceptions).toEqual([{ followedBy: ['not'], precededBy: [], window: 3 }, { followedBy: [], precededBy: ['if only'], window: 1 }]);
    const engine = createDefaultEngine([rule!], { sentiment: false, learned: false });
    const found = (text: string): string[] => engine.analyse('agent', text).findings.filter((f) => f.rule === 'team/promise').map((f) => f.match);
    expect(found('we guarantee it')).toEqual(['we guarantee']);
    expect(found('if only we guarantee it')).toEqual([]);
    expect(found('if only we promise it')).toEqual([]);
    expect(found('we guarantee not')).toEqual([]);
  });

  it('take an extends: entry of exceptions alone, with an example they let through, and report one with neither', () => {
    const file = path.join(dir, 'exceptions-only.yaml');
    writeFileSync(file, ['rules:', '  - id: team/promise', '    category: reassurance', '    message: "m"', '    phrases: [we guarantee]', '    examples: {match: [we guarantee it]}', '  - extends: team/promise', '    unless: {precededBy: [if only], window: 1}', '    examples: {noMatch: [if only we guarantee it]}'].join('\n'));
    const [rule] = loadRuleFiles([file], dir);
    expect(rule?.phrases).toEqual(['we guarantee']);
    expect(rule?.examples.noMatch).toEqual(['if only we guarantee it']);
    const bare = path.join(dir, 'exceptions-bare.yaml');
    writeFileSync(bare, ['rules:', '  - id: team/promise', '    category: reassurance', '    message: "m"', '    phrases: [we guarantee]', '    examples: {match: [we guarantee it]}', '  - extends: team/promise', '    unless: {precededBy: [if only], window: 1}'].join('\n'));
    expect(() => loadRuleFiles([bare], dir)).toThrowError(/exceptions-bare\.yaml:7: rules\[1\]\.examples\.noMatch: an entry that adds only exceptions needs at least one example they let through/);
  });

  it("report 'cheering' in an extends: entry: whether a rule stands down in a cheering reply is set where it is defined", () => {
    const file = path.join(dir, 'cheer-part.yaml');
    writeFileSync(file, ['rules:', '  - id: team/promise', '    category: reassurance', '    message: "m"', '    phrases: [we guarantee]', '    examples: {match: [we guarantee it]}', '  - extends: team/promise', '    phrases: [we promise]', '    unless: {followedBy: [lol], cheering: true}', '    examples: {match: [we promise it]}'].join('\n'));
    expect(() => loadRuleFiles([file], dir)).toThrowError(/cheer-part\.yaml:9: rules\[1\]\.unless: 'cheering' is set where the rule is defined, not in an entry that extends it/);
  });

  it('report an extends: entry that names no rule of the set or carries more than phrases, exceptions and examples', () => {
    const file = path.join(dir, 'stray.yaml');
    writeFileSync(file, ['rules:', '  - extends: team/nowhere', '    phrases: [we promise]', '    examples: {match: [we promise]}', '  - extends: team/nowhere', '    message: "m"', '    phrases: [x]', '    examples: {match: [x]}'].join('\n'));
    expect(() => loadRuleFiles([file], dir)).toThrowError(/stray\.yaml:6: rules\[1\]\.message: an entry that extends a rule adds only 'phrases', 'unless' and 'examples', found 'message'/);
    expect(() => loadRuleFiles([file], dir)).toThrowError(/stray\.yaml:2: 'extends' names 'team\/nowhere', which no rule of these files defines/);
  });

  it("report a hashtag that YAML reads as a comment, which would cut a phrase short", () => {
    const file = path.join(dir, 'hashtag.yaml');
    writeFileSync(file, ['rules:', '  - id: team/cheer', '    category: reassurance', '    message: "m"', '    phrases:', '      - will have you #wheelsup', '      - "we are #fAAmily"', '      - we have you # a comment of our own', '    examples: {match: [we will have you wheelsup]}'].join('\n'));
    expect(() => loadRuleFiles([file], dir)).toThrowError(/^Rule files have 1 problem\(s\):\nhashtag\.yaml:6: 'will have you #wheelsup' ends at 'will have you': a '#' after a space starts a YAML comment; quote the text to keep the '#'$/);
  });

  it('report a broken rule once, not again for each part that extends it', () => {
    const file = path.join(dir, 'broken-base.yaml');
    writeFileSync(file, ['rules:', '  - id: team/promise', '    category: grumpiness', '    message: "m"', '    phrases: [we promise]', '    examples: {match: [we promise]}', '  - extends: team/promise', '    phrases: [we guarantee]', '    examples: {match: [we guarantee]}'].join('\n'));
    expect(() => loadRuleFiles([file], dir)).toThrowError(/^Rule files have 1 problem\(s\):\nbroken-base\.yaml:3: rules\[0\]\.category: unknown category "grumpiness"$/);
  });

  it('report a key a rule does not take, with the one it was likely meant to be', () => {
    const file = path.join(dir, 'typo.yaml');
    writeFileSync(file, ['rules:', '  - id: team/not-sorry', '    category: dismissal', '    message: "m"', '    phrases: [sorry not sorry]', '    rolez: [agent]', '    colour: red', '    examples: {match: [sorry not sorry]}'].join('\n'));
    let message = '';
    try {
      loadRuleFiles([file], dir);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe('Rule files have 2 problem(s):');
    expect(lines[1]).toMatch(/^typo\.yaml:6: rules\[0\]\.rolez: unknown key 'rolez' \(perhaps you meant 'roles'\?\); a rule takes id, category, .*roles/);
    expect(lines[2]).toMatch(/^typo\.yaml:7: rules\[0\]\.colour: unknown key 'colour'; a rule takes /);
  });

  it('names a YAML syntax error with its line', () => {
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'rules:\n  - id: a/b\n    phrases: [unclosed\n');
    expect(() => loadRuleFiles([file], dir)).toThrowError(/broken\.yaml:\d+:/);
  });
});
