// `attune rules` lists every rule; `attune rules test [files]` runs the examples of every rule.
import path from 'node:path';
import { createDefaultEngine } from '../detect/engine.js';
import { loadBuiltinRules, loadRuleFiles } from '../detect/load-rules.js';
import type { RuleSpec } from '../detect/rule-spec.js';
import { EXIT } from '../errors.js';
import { defaultSettings, lintLibrary } from '../lint/lint-library.js';
import { LINT_RULES } from '../lint/lint-rules.js';
import { ruleCatalog } from '../lint/rule-catalog.js';
import type { Io } from './io.js';
import { resolveConfig } from './lint-command.js';

export function listRulesCommand(flags: { config?: string }, io: Io): number {
  const config = resolveConfig(io, flags.config);
  const catalog = ruleCatalog([...loadBuiltinRules(), ...config.rules]);
  const width = Math.max(...catalog.map((r) => r.id.length));
  for (const r of catalog) {
    const severity = config.severities.get(r.id) ?? r.severity;
    io.stdout(`${r.id.padEnd(width)}  ${r.kind.padEnd(8)}  ${(r.lints ? severity : 'evidence').padEnd(8)}  ${r.description}\n`);
  }
  io.stdout(`\n${catalog.length} rules${config.file ? ` (with ${path.relative(io.cwd, config.file) || config.file})` : ''}. Severity applies to attune lint; empathy and courtesy rules are evidence for attune audit.\n`);
  return EXIT.ok;
}

export function testRulesCommand(files: string[], flags: { config?: string }, io: Io): number {
  const config = resolveConfig(io, flags.config);
  const fromFiles = files.length > 0 ? loadRuleFiles(files.map((f) => path.resolve(io.cwd, f)), io.cwd, { customCategories: true }) : [];
  const builtin = loadBuiltinRules();
  const rules: RuleSpec[] = [...builtin, ...config.rules, ...fromFiles];
  const engine = createDefaultEngine(rules, { sentiment: false, roles: ['agent'] });
  const failures: string[] = [];
  let passed = 0;
  const check = (ok: boolean, what: string) => (ok ? (passed += 1) : failures.push(what));
  const tested = files.length > 0 ? fromFiles : rules;
  for (const rule of tested) {
    // A counter rule reports nothing: its examples say where its category is not reported, and where it still is.
    const reads = rule.counter ? (text: string) => !reports(engine, rule.category, text) : (text: string) => fires(engine, rule.id, text);
    for (const example of rule.examples.match) check(reads(example), `${rule.source}: ${rule.id} should ${rule.counter ? `keep ${rule.category} out of` : 'match'}: ${JSON.stringify(example)}`);
    for (const example of rule.examples.noMatch) check(!reads(example), `${rule.source}: ${rule.id} should ${rule.counter ? `leave ${rule.category} in` : 'not match'}: ${JSON.stringify(example)}`);
  }
  if (files.length === 0) {
    for (const rule of LINT_RULES) {
      const flagged = (text: string) => lintLibrary([{ title: 'example', text, tags: [], file: 'example', line: 1 }], engine, defaultSettings()).findings.some((f) => f.rule === rule.id);
      for (const example of rule.examples.flag) check(flagged(example), `${rule.id} should flag: ${JSON.stringify(example)}`);
      for (const example of rule.examples.pass) check(!flagged(example), `${rule.id} should pass: ${JSON.stringify(example)}`);
    }
  }
  for (const failure of failures) io.stdout(`✖ ${failure}\n`);
  io.stdout(`${failures.length === 0 ? '✔' : '✖'} ${passed} passed, ${failures.length} failed\n`);
  return failures.length === 0 ? EXIT.ok : EXIT.findings;
}

function fires(engine: ReturnType<typeof createDefaultEngine>, id: string, text: string): boolean {
  return engine.analyse('agent', text).findings.some((f) => f.rule === id);
}

function reports(engine: ReturnType<typeof createDefaultEngine>, category: string, text: string): boolean {
  return engine.analyse('agent', text).findings.some((f) => f.category === category);
}
