// Keeps the README true: the field names, role values and options it lists are the ones the code uses, and
// its accuracy tables are what `npm run accuracy` prints, and its links lead somewhere.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_ALIASES } from '../src/conversations/field-map.js';
import { AGENT_VALUES, CUSTOMER_VALUES, OTHER_VALUES } from '../src/conversations/roles.js';
import { FIXTURES, runCli, tempDir } from './helpers.js';

const readme = readFileSync(path.join(FIXTURES, '../README.md'), 'utf8');

describe('README', () => {
  it('lists every field name attune looks for', () => {
    for (const [name, aliases] of Object.entries(FIELD_ALIASES)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${name} |`));
      expect(row, name).toBeDefined();
      for (const alias of aliases) expect(row, `${name}: ${alias}`).toContain(`\`${alias}\``);
    }
  });

  it('lists every role value', () => {
    for (const [label, values] of [['customer', CUSTOMER_VALUES], ['agent', AGENT_VALUES], ['other (counted, not scored)', OTHER_VALUES]] as const) {
      expect(readme).toContain(`- ${label}: ${values.join(', ')}`);
    }
  });

  for (const command of [['audit'], ['eval', 'sentiment'], ['eval', 'empathy'], ['lint'], ['rules'], ['rules', 'test'], ['init'], ['diff'], ['merge']]) {
    it(`documents every option of attune ${command.join(' ')}`, async () => {
      const help = (await runCli([...command, '--help'])).stdout;
      const flags = [...help.matchAll(/--[a-z-]+/g)].map((m) => m[0]).filter((f) => f !== '--help');
      for (const flag of new Set(flags)) expect(readme, flag).toContain(flag);
    });
  }

  it('links only to files that exist, and to anchors those files define', () => {
    const repo = path.join(FIXTURES, '..');
    const docs = ['README.md', 'scripts/data/written-replies.md', 'scripts/data/agent-turn-labels.md'];
    const anchors = new Map(docs.map((doc) => [doc, anchorsOf(readFileSync(path.join(repo, doc), 'utf8'))]));
    const broken: string[] = [];
    for (const doc of docs) {
      const text = readFileSync(path.join(repo, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^https?:/.test(target!)) continue;
        const [file, fragment] = target!.split('#') as [string, string | undefined];
        const resolved = file === '' ? doc : path.relative(repo, path.resolve(repo, path.dirname(doc), file));
        if (!existsSync(path.join(repo, resolved))) broken.push(`${doc}: ${target}`);
        else if (fragment && anchors.has(resolved) && !anchors.get(resolved)!.has(fragment)) broken.push(`${doc}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has a Quickstart of exactly the two commands', () => {
    const quickstart = readme.split('## Quickstart')[1]!.split('```sh\n')[1]!.split('```')[0]!;
    expect(quickstart.trim().split('\n')).toEqual(['npm install && npm start', 'npm test']);
  });
});

describe('README format examples', () => {
  const section = readme.split('## Formats')[1]!.split('\n## ')[0]!;
  const blocks = [...section.matchAll(/```(json|csv|text)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const expected = ['zendesk', 'freshdesk', 'intercom', 'helpscout', 'twitter', 'tagged-thread', 'chat'];

  it('has one example per vendor reader', () => expect(blocks).toHaveLength(expected.length));

  blocks.forEach((block, i) => {
    it(`reads the ${expected[i]} example with the ${expected[i]} reader`, async () => {
      const r = await runCli(['audit', '-', '--format', 'json'], { stdin: block.body });
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.inputs[0].reader).toBe(expected[i]);
      expect(report.totals.turns.agent).toBeGreaterThan(0);
    });
  });
});

describe('README JSON report sample', () => {
  it("holds the demo agent's own figures, as attune audit fixtures/demo --format json gives them", async () => {
    const sample = readme.split('// AgentReport\n')[1]!.split('```')[0]!;
    const r = await runCli(['audit', path.join(FIXTURES, 'demo'), '--format', 'json']);
    const agent = JSON.parse(r.stdout).agents.find((a: { agent: string }) => a.agent === 'Dana Whitfield');
    const sampleOf = (key: string) => sample.match(new RegExp(`"${key}":\\s+\\{ ([^{}]*?)(?:, "byCategory"| \\},|, "endNegative")`))![1]!;
    const valuesOf = (text: string) => Object.fromEntries([...text.matchAll(/"(\w+)": (-?[\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(sample).toContain(`"conversations": ${agent.conversations}, "agentTurns": ${agent.agentTurns}`);
    for (const key of ['empathy', 'courtesy', 'temper', 'exposure']) expect(valuesOf(sampleOf(key)), key).toEqual(Object.fromEntries(Object.keys(valuesOf(sampleOf(key))).map((k) => [k, agent[key][k]])));
    const sentiment = valuesOf(sampleOf('sentiment'));
    expect(sentiment).toEqual({ conversations: agent.sentiment.conversations, start: agent.sentiment.start, end: agent.sentiment.end, change: agent.sentiment.change });
  });
});

describe('README configuration example', () => {
  it('is a config attune accepts, whose rule examples pass', async () => {
    const yaml = readme.split('## Configuration')[1]!.split('```yaml\n')[1]!.split('```')[0]!;
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(path.join(dir, '.attunerc.yaml'), yaml);
      const r = await runCli(['rules', 'test'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/0 failed/);
    } finally {
      cleanup();
    }
  });
});

// The Accuracy section's tables are what `npm run accuracy` prints on the shared data (when it is there):
// a rule change that moves a held-out figure must move the README with it.
describe('README accuracy tables', () => {
  const repo = path.join(FIXTURES, '..');
  const data = path.resolve(repo, '../shared/data');
  it.skipIf(!existsSync(path.join(data, 'empathy/agent-turns-dev.jsonl')))('hold every row npm run accuracy prints', () => {
    const out = execFileSync(process.execPath, ['scripts/accuracy.mjs', data], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
    const rows = out.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| |'));
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => !readme.includes(row))).toEqual([]);
  }, 180_000);
});

/** The anchors a Markdown file defines: its `<a id>` tags and its headings, as GitHub spells them. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set([...markdown.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1]!));
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.*)/.exec(line);
    if (heading) anchors.add(heading[1]!.trim().toLowerCase().replace(/[^\w\- ]/g, '').replaceAll(' ', '-'));
  }
  return anchors;
}
