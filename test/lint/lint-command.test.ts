import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/lint/machine-formats.js';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const cwd = path.join(FIXTURES, 'lint');
const lint = (...args: string[]) => runCli(['lint', ...args], { cwd });
const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('attune lint output', () => {
  it('writes SARIF 2.1.0 that validates against the schema, with rules and results', async () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(schema);
    for (const target of ['.', 'map.yaml']) {
      const { stdout } = await lint(target, '--format', 'sarif');
      const sarif = JSON.parse(stdout);
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
      expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('temper/blame');
      expect(Array.isArray(sarif.runs[0].results)).toBe(true);
    }
    const { stdout } = await lint('macros.json', '--format', 'sarif');
    const result = JSON.parse(stdout).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'template/malformed-placeholder');
    expect(result).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'macros.json' }, region: { startLine: 8 } } }] });
  });

  it('writes JUnit XML that parses, one test case per response', async () => {
    const { stdout } = await lint('.', '--format', 'junit');
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(stdout);
    const suites = [doc.testsuites.testsuite].flat();
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat());
    expect(cases).toHaveLength(13);
    expect(doc.testsuites['@_failures']).toBe('6');
  });

  it('escapes GitHub workflow commands', async () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const { stdout } = await lint('macros.json', '--format', 'github');
    expect(stdout).toMatch(/^::error file=macros\.json,line=8,title=temper\/blame::Broken placeholder: /m);
  });

  it('gives GitLab Code Quality issues unique fingerprints', async () => {
    const issues = JSON.parse((await lint('.', '--format', 'gitlab')).stdout);
    expect(issues.length).toBeGreaterThan(3);
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues[0]).toMatchObject({ check_name: expect.any(String), severity: expect.stringMatching(/^(info|minor|major)$/), location: { path: expect.any(String), lines: { begin: expect.any(Number) } } });
  });
});

describe('attune lint exit codes', () => {
  it('exits 1 on errors, 0 when only warnings, and honours --fail-on and --max-warnings', async () => {
    expect((await lint('macros.json')).code).toBe(1);
    expect((await lint('map.yaml')).code).toBe(0);
    expect((await lint('map.yaml', '--fail-on', 'warning')).code).toBe(1);
    expect((await lint('map.yaml', '--max-warnings', '0')).code).toBe(1);
    expect((await lint('map.yaml', '--max-warnings', '1')).code).toBe(0);
    expect((await lint('missing.json')).code).toBe(2);
  });
});

describe('attune lint baseline', () => {
  it('records today\'s findings, then reports only new ones, wherever it runs from', async () => {
    const { dir: home, cleanup: done } = tempDir();
    try {
      const mkdir = (await import('node:fs')).mkdirSync;
      mkdir(path.join(home, 'macros'));
      mkdir(path.join(home, 'ci'));
      const library = path.join(home, 'macros', 'lib.yaml');
      writeFileSync(library, 'Closed: Unfortunately your account is closed.\nRude: Calm down, that is not my problem.\n');
      const written = await runCli(['lint', 'macros/lib.yaml', '--write-baseline', 'ci/baseline.json'], { cwd: home });
      expect(written.code).toBe(0);
      expect(written.stderr).toContain('wrote 2 finding(s) to the baseline ci/baseline.json');
      const baseline = JSON.parse(readFileSync(path.join(home, 'ci', 'baseline.json'), 'utf8'));
      expect(baseline.findings.map((f: { rule: string; file: string }) => [f.rule, f.file])).toEqual([['temper/dismissal', '../macros/lib.yaml'], ['tone/negative', '../macros/lib.yaml']]);

      // A new response above the old ones moves their lines: they stay excused; only the new one is reported.
      writeFileSync(library, 'Lazy: Read the manual, it is all in there.\nClosed: Unfortunately your account is closed.\nRude: Calm down, that is not my problem.\n');
      const later = await runCli(['lint', 'lib.yaml', '--baseline', '../ci/baseline.json', '--format', 'json'], { cwd: path.join(home, 'macros') });
      expect(later.code).toBe(1);
      expect([...new Set(JSON.parse(later.stdout).findings.map((f: { response: string }) => f.response))]).toEqual(['Lazy']);
      expect(later.stderr).toContain('2 finding(s) excused by the baseline');

      // A finding fixed since: its entry is stale, and attune says how to refresh the baseline.
      writeFileSync(library, 'Closed: Unfortunately your account is closed.\nRude: I understand, let me fix this for you.\n');
      const fixed = await runCli(['lint', 'macros/lib.yaml', '--baseline', 'ci/baseline.json'], { cwd: home });
      expect(fixed.code).toBe(0);
      expect(fixed.stderr).toContain('1 baseline entry matches no finding any more');
    } finally {
      done();
    }
  });

  it('names a missing or foreign baseline, and refuses both flags at once', async () => {
    const missing = await lint('map.yaml', '--baseline', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: cannot read the baseline (ENOENT); write one with --write-baseline.');
    const foreign = path.join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ findings: [] }));
    expect((await lint('map.yaml', '--baseline', foreign)).stderr).toContain('not an attune lint baseline');
    expect((await lint('map.yaml', '--baseline', foreign, '--write-baseline', foreign)).stderr).toContain('--baseline and --write-baseline: give one of them.');
  });
});

describe('config', () => {
  it('turns rules off, changes severities and adds team phrase rules', async () => {
    const config = path.join(dir, 'team.yaml');
    writeFileSync(config, [
      'failOn: warning',
      'rules:',
      '  tone/negative: off',
      '  temper/dismissal: warning',
      'phraseRules:',
      '  - id: team/reopen',
      '    category: policy',
      '    severity: error',
      '    message: "Never say: \'{match}\'."',
      '    phrases: [can not be reopened]',
      '    examples: {match: [It cannot be reopened.]}',
    ].join('\n'));
    const { stdout, code } = await lint('map.yaml', 'responses.yaml', '--config', config, '--format', 'json');
    const rules = JSON.parse(stdout).findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`);
    expect(rules).toContain('team/reopen:error');
    expect(rules).toContain('temper/dismissal:warning');
    expect(rules).not.toContain('tone/negative:warning');
    expect(code).toBe(1);
  });

  it('reports every problem at once with file:line and a suggestion', async () => {
    const config = path.join(dir, 'bad.yaml');
    writeFileSync(config, ['failOn: sometimes', 'rulez: {}', 'rules:', '  tone/negativ: off', '  empathy/required: loud', 'phraseRules:', '  - id: team/x', '    category: policy', '    message: m', '    phrases: ["(a|)"]', '    examples: {match: [a]}'].join('\n'));
    const { stderr, code } = await lint('map.yaml', '--config', config);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.yaml has 5 problem(s):');
    expect(stderr).toContain('bad.yaml:1: failOn: must be info, warning or error');
    expect(stderr).toContain("bad.yaml:2: rulez: unknown setting (perhaps you meant 'rules'?)");
    expect(stderr).toContain("bad.yaml:4: rules.tone/negativ: unknown rule (perhaps you meant 'tone/negative'?)");
    expect(stderr).toContain("bad.yaml:5: rules.empathy/required: 'loud' is not off, info, warning or error");
    expect(stderr).toContain("bad.yaml:10: phraseRules[0].phrases[0]: pattern '(a|)'");
  });

  it('says where a rule may continue when a config entry extends one', async () => {
    const config = path.join(dir, 'extends.yaml');
    writeFileSync(config, ['phraseRules:', '  - extends: empathy/apology', '    phrases: [we regret the mix-up]', '    examples: {match: [we regret the mix-up]}'].join('\n'));
    const { stderr, code } = await lint('map.yaml', '--config', config);
    expect(code).toBe(2);
    expect(stderr).toContain("extends.yaml:2: phraseRules[0].extends: a rule continues ('extends') only in rule files");
  });

  it('reports a hashtag in a config phrase that YAML reads as a comment', async () => {
    const config = path.join(dir, 'hashtag.yaml');
    writeFileSync(config, ['phraseRules:', '  - id: team/cheer', '    category: policy', '    message: m', '    phrases:', '      - thanks #AATeam', '    examples: {match: [thanks]}'].join('\n'));
    const { stderr, code } = await lint('map.yaml', '--config', config);
    expect(code).toBe(2);
    expect(stderr).toContain("hashtag.yaml:6: phraseRules: 'thanks #AATeam' ends at 'thanks': a '#' after a space starts a YAML comment");
  });

  it('finds the config upward from the working directory', async () => {
    writeFileSync(path.join(dir, '.attunerc.json'), JSON.stringify({ rules: { 'tone/negative': 'error' } }));
    const sub = path.join(dir, 'nested');
    await import('node:fs').then((fs) => fs.mkdirSync(sub, { recursive: true }));
    writeFileSync(path.join(sub, 'lib.yaml'), 'Closed: Unfortunately your account is closed.\n');
    const r = await runCli(['lint', 'lib.yaml', '--format', 'json'], { cwd: sub });
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ rule: 'tone/negative', severity: 'error' });
    expect(r.code).toBe(1);
  });
});

describe('attune init and attune rules', () => {
  it('writes a starter config that attune accepts, and refuses to overwrite it', async () => {
    const { dir: home, cleanup: done } = tempDir();
    try {
      expect((await runCli(['init'], { cwd: home })).code).toBe(0);
      expect((await runCli(['rules', 'test'], { cwd: home })).stdout).toMatch(/✔ \d+ passed, 0 failed/);
      expect((await runCli(['rules'], { cwd: home })).stdout).toContain('team/no-guarantees');
      const again = await runCli(['init'], { cwd: home });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    } finally {
      done();
    }
  });

  it('fails rules test when an example does not hold, naming the rule file and line', async () => {
    const file = path.join(dir, 'rules.yaml');
    writeFileSync(file, 'rules:\n  - id: team/promise\n    category: policy\n    message: m\n    phrases: [we promise]\n    examples:\n      match: [I guarantee it]\n      noMatch: [we promise nothing]\n');
    const r = await runCli(['rules', 'test', file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rules.yaml:2: team/promise should match: "I guarantee it"');
    expect(r.stdout).toContain('rules.yaml:2: team/promise should not match: "we promise nothing"');
  });

  it("tests a counter rule's examples by whether its category is reported, and says so when one does not hold", async () => {
    const { dir: home, cleanup: done } = tempDir();
    try {
      const file = path.join(home, 'counter.yaml');
      // The learned model reads this owned mistake as help; the counter rule keeps reassurance out of it.
      const rule = (examples: string) => `rules:\n  - id: team/not-help\n    category: reassurance\n    counter: true\n    message: m\n    phrases: [should have deprecated]\n    examples:\n${examples}`;
      writeFileSync(file, rule('      match: ["We should have deprecated this for a release before removing it, that\'s on us."]\n      noMatch: [We should have deprecated this. I will refund you today.]\n'));
      const ok = await runCli(['rules', 'test', file], { cwd: home });
      expect(ok.stdout).toContain('✔ 2 passed, 0 failed');
      writeFileSync(file, rule('      match: [I will refund you today.]\n'));
      const bad = await runCli(['rules', 'test', file], { cwd: home });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('team/not-help should keep reassurance out of: "I will refund you today."');
    } finally {
      done();
    }
  });

  it("reports a team rule that shares a built-in rule's category and words under the team rule's id", async () => {
    const file = path.join(dir, 'apology.yaml');
    writeFileSync(file, 'rules:\n  - id: team/sorry\n    category: apology\n    message: m\n    phrases: [we are sorry]\n    examples:\n      match: [We are sorry for the wait.]\n');
    const r = await runCli(['rules', 'test', file], { cwd: dir });
    expect(r.stdout).toContain('✔ 1 passed, 0 failed');
    expect(r.code).toBe(0);
  });
});
