import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('names a YAML syntax error with its line', () => {
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'rules:\n  - id: a/b\n    phrases: [unclosed\n');
    expect(() => loadRuleFiles([file], dir)).toThrowError(/broken\.yaml:\d+:/);
  });
});
