import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const demo = path.join(FIXTURES, 'demo/support-export.csv');
const eq = (format: string) => path.join(FIXTURES, 'equivalence', format, 'export.txt');
const withoutInputs = (json: string) => JSON.stringify({ ...JSON.parse(json), inputs: undefined });

describe('attune CLI', () => {
  it('prints its version and help with exit 0', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(FIXTURES, '../package.json'), 'utf8')).version);
    const help = await runCli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--turns <file>');
  });

  it('says so when no agent turn was read, instead of praising an empty queue', async () => {
    const onlyCustomers = 'conversation_id,role,text\nc1,customer,Where is my parcel?\n';
    for (const format of ['table', 'md']) {
      const r = await runCli(['audit', '-', '--format', format], { stdin: onlyCustomers });
      expect(r.stdout, format).toContain('No agent turns were read: nothing to review.');
      expect(r.stdout, format).not.toContain('Nothing stood out');
    }
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['audit'])).code).toBe(2);
    expect((await runCli(['audit', demo, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['nonsense'])).code).toBe(2);
  });

  it('gives byte-identical reports for the same data as CSV, JSON and NDJSON', async () => {
    for (const format of ['table', 'json', 'csv']) {
      // Run from each folder so that the file is named the same: the report lists its inputs.
      const outs = await Promise.all(['csv', 'json', 'ndjson'].map((f) => runCli(['audit', 'export.txt', '--format', format], { cwd: path.dirname(eq(f)) })));
      expect(outs.map((o) => o.code)).toEqual([0, 0, 0]);
      expect(outs[1]!.stdout).toBe(outs[0]!.stdout);
      expect(outs[2]!.stdout).toBe(outs[0]!.stdout);
    }
  });

  it('gives the same report twice and reads standard input', async () => {
    const a = await runCli(['audit', eq('csv'), '--format', 'json']);
    const again = await runCli(['audit', eq('csv'), '--format', 'json']);
    expect(again.stdout).toBe(a.stdout);
    const b = await runCli(['audit', '-', '--format', 'json'], { stdin: readFileSync(eq('ndjson'), 'utf8') });
    expect(withoutInputs(b.stdout)).toBe(withoutInputs(a.stdout));
    expect(JSON.parse(b.stdout).inputs).toEqual([{ file: '-', reader: 'generic', decided: expect.stringContaining("role from 'role'") }]);
    expect(JSON.parse(a.stdout).schemaVersion).toBe(1);
  });

  it('writes the report with --out and one line per turn, in order, with --turns', async () => {
    const out = path.join(dir, 'report.json');
    const turns = path.join(dir, 'turns.ndjson');
    const result = await runCli(['audit', eq('csv'), '--format', 'json', '--out', out, '--turns', turns]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).totals.records).toBe(9);
    const lines = readFileSync(turns, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.conversation}/${l.turn}`)).toEqual(['A-1/0', 'A-1/1', 'A-1/2', 'A-2/0', 'A-2/1', 'A-3/0', 'A-3/1', 'A-3/2', 'A-3/3']);
    expect(lines[1]).toMatchObject({ role: 'agent', agent: 'Kim Lee', source: `${eq('csv')}:3`, sentiment: null });
    expect(lines[1].findings[0]).toEqual({ rule: 'empathy/apology', category: 'apology', kind: 'empathy', match: "I'm so sorry" });
    expect(lines[0].sentiment.label).toBe('negative');
  });

  it('takes the report format from --out when --format is not given', async () => {
    const file = (name: string) => path.join(dir, name);
    for (const name of ['auto.html', 'auto.MD', 'auto.csv', 'auto.json', 'auto.txt', 'chosen.html']) {
      const result = await runCli(['audit', eq('csv'), '--out', file(name), ...(name.startsWith('chosen') ? ['--format', 'json'] : [])]);
      expect(result.code).toBe(0);
    }
    expect(readFileSync(file('auto.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(file('auto.MD'), 'utf8')).toMatch(/^# attune audit/);
    expect(readFileSync(file('auto.csv'), 'utf8')).toMatch(/^agent,/);
    expect(JSON.parse(readFileSync(file('auto.json'), 'utf8')).schemaVersion).toBe(1);
    // An extension that names no format gets the table; --format always wins.
    expect(readFileSync(file('auto.txt'), 'utf8')).toMatch(/^attune audit · /);
    expect(JSON.parse(readFileSync(file('chosen.html'), 'utf8')).schemaVersion).toBe(1);
  });

  it('leaves no file behind when the input is bad', async () => {
    const bad = path.join(dir, 'bad');
    const result = await runCli(['audit', eq('csv'), '-', '--strict', '--out', `${bad}.json`, '--turns', `${bad}.ndjson`], { stdin: '{"conversation_id":"x","role":"customer","text":"hi"}\n{broken\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^attune: -:2: not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).filter((f) => f.startsWith('bad') || f.startsWith('.bad'))).toEqual([]);
  });

  it('colours the table only on a terminal, and never under NO_COLOR', async () => {
    const esc = '\u001b[';
    expect((await runCli(['audit', demo])).stdout).not.toContain(esc);
    expect((await runCli(['audit', demo], { tty: true })).stdout).toContain(esc);
    expect((await runCli(['audit', demo], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await runCli(['audit', demo, '--no-color'], { tty: true })).stdout).not.toContain(esc);
  });

  it('neutralises spreadsheet formulas in the CSV report', async () => {
    const result = await runCli(['audit', '-', '--format', 'csv', '--input-format', 'csv'], {
      stdin: 'conversation_id,role,agent,text\n1,customer,,hi\n1,agent,"=HYPERLINK(""x"")",hello\n',
    });
    expect(result.stdout).toContain(`'=HYPERLINK`);
  });

  it('does not print a stack trace without --debug', async () => {
    const result = await runCli(['audit', path.join(dir, 'missing.csv')]);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(dir, 'missing.csv'))).toBe(false);
  });
});

describe('attune audit --jobs', () => {
  it('gives byte-identical reports for any number of threads', async () => {
    const demo = path.join(FIXTURES, 'demo');
    const [one, two, three] = await Promise.all(['1', '2', '3'].map((jobs) => runCli(['audit', demo, '--format', 'json', '--jobs', jobs])));
    expect(one!.code).toBe(0);
    expect(JSON.parse(one!.stdout).totals.turns.customer).toBeGreaterThan(0);
    expect(two!.stdout).toBe(one!.stdout);
    expect(three!.stdout).toBe(one!.stdout);
  });

  it('rejects a thread count that is not a whole number from 1 to 64', async () => {
    for (const jobs of ['many', '0']) {
      const r = await runCli(['audit', path.join(FIXTURES, 'demo'), '--jobs', jobs]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--jobs: '${jobs}' is not a whole number from 1 to 64.`);
    }
  });
});

describe('attune audit --partial and attune merge', () => {
  it('merges shard aggregates into the report a single run over all the shards gives', async () => {
    const lines = readFileSync(path.join(FIXTURES, 'demo/support-export.csv'), 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines;
    // The second and third shards each hold a turn with empty text: the merged report counts both and,
    // as a single run does, says the second shard's is the first.
    const empty = (id: string) => `${id},0,customer,,,2026-10-01T08:00:00Z`;
    const shards = [rows.slice(0, 50), [...rows.slice(50, 90), empty('E-1')], [empty('E-2'), ...rows.slice(90)]].map((part, i) => {
      const file = path.join(dir, `shard-${i}.csv`);
      writeFileSync(file, `${[header, ...part].join('\n')}\n`);
      return file;
    });
    const single = await runCli(['audit', ...shards, '--format', 'json']);
    for (const [i, shard] of shards.entries()) {
      const r = await runCli(['audit', shard, '--partial', path.join(dir, `part-${i}.json`), '--format', 'csv']);
      expect(r.code).toBe(0);
    }
    const merged = await runCli(['merge', ...shards.map((_, i) => path.join(dir, `part-${i}.json`)), '--format', 'json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).totals.skipped).toEqual({ 'empty text': 2 });
    expect(JSON.parse(merged.stdout).totals.skippedAt).toEqual({ 'empty text': `${shards[1]}:42` });
    const html = path.join(dir, 'merged.html');
    expect((await runCli(['merge', ...shards.map((_, i) => path.join(dir, `part-${i}.json`)), '--out', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('refuses files that are not partial aggregates', async () => {
    const r = await runCli(['merge', path.join(FIXTURES, 'cases/diff-gate/old.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a partial aggregate');
  });

  it('leaves the learned empathy model out of audits and lint when the config turns empathy/learned off', async () => {
    const csv = 'conversation_id,role,agent,text\nc1,customer,,My order is late again.\nc1,agent,Ana,May I have your registered mobile number so that I can verify your account?\n';
    writeFileSync(path.join(dir, 'learned.csv'), csv);
    writeFileSync(path.join(dir, 'learned-off.yaml'), 'rules:\n  empathy/learned: off\n');
    const rulesOf = (file: string) => readFileSync(path.join(dir, file), 'utf8').trim().split('\n').flatMap((line) => JSON.parse(line).findings.map((f: { rule: string }) => f.rule));
    for (const jobs of ['1', '2']) {
      expect((await runCli(['audit', 'learned.csv', '--turns', 'on.ndjson', '--jobs', jobs, '--no-progress'], { cwd: dir })).code).toBe(0);
      expect(rulesOf('on.ndjson'), jobs).toEqual(['empathy/learned']);
      const [finding] = JSON.parse(readFileSync(path.join(dir, 'on.ndjson'), 'utf8').trim().split('\n')[1]!).findings;
      expect(finding.confidence).toBeGreaterThanOrEqual(0.8);
      expect(finding.confidence).toBeLessThan(1);
      expect((await runCli(['audit', 'learned.csv', '--turns', 'off.ndjson', '--config', 'learned-off.yaml', '--jobs', jobs, '--no-progress'], { cwd: dir })).code).toBe(0);
      expect(rulesOf('off.ndjson'), jobs).toEqual([]);
    }
  });
});
