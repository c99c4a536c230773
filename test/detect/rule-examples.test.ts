// Runs every example of every built-in rule: rule data cannot rot without a failing test.
import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { loadBuiltinRules } from '../../src/detect/load-rules.js';

const rules = loadBuiltinRules();
const engine = createDefaultEngine(rules);
const firedRules = (text: string) => engine.analyse('agent', text).findings.map((f) => f.rule);
const categories = (text: string) => engine.analyse('agent', text).findings.map((f) => f.category);

describe('built-in phrase rules', () => {
  it('are loaded, with at least one example each', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) expect(rule.examples.match.length, rule.id).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      // A counter rule reports nothing: its examples are where its category is not reported, and where it still is.
      if (rule.counter) {
        for (const example of rule.examples.match) it(`keeps ${rule.category} out of: ${example}`, () => expect(categories(example)).not.toContain(rule.category));
        for (const example of rule.examples.noMatch) it(`leaves ${rule.category} in: ${example}`, () => expect(categories(example)).toContain(rule.category));
        return;
      }
      for (const example of rule.examples.match) it(`matches: ${example}`, () => expect(firedRules(example)).toContain(rule.id));
      for (const example of rule.examples.noMatch) it(`does not match: ${example}`, () => expect(firedRules(example)).not.toContain(rule.id));
    });
  }
});
