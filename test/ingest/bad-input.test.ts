// The bad-input corpus: every file gives a clear outcome (a report with what was skipped and why, or
// one line naming the file, line and problem with exit 2), never a stack trace or a hang.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const bad = (name: string) => path.join(FIXTURES, 'bad', name);
const { dir, cleanup } = tempDir();
afterAll(cleanup);

interface Case {
  file: string;
  /** Exit code by default and with --strict. */
  code: [number, number];
  stderr?: RegExp;
  strictError?: RegExp;
  skipped?: Record<string, number>;
}

const CASES: Case[] = [
  { file: 'unclosed-quote.csv', code: [0, 2], skipped: { 'a quoted field is never closed: the rest of the file was not read': 1 }, strictError: /unclosed-quote\.csv:2: a quoted field is never closed\.$/ },
  { file: 'ragged-rows.csv', code: [0, 2], skipped: { 'row with more fields than the header': 1 }, strictError: /ragged-rows\.csv:3: row has 6 fields but the header has 4\.$/ },
  { file: 'broken-line.ndjson', code: [0, 2], skipped: { 'record that is not valid JSON': 1 }, strictError: /broken-line\.ndjson:2: not valid JSON/ },
  { file: 'truncated.json', code: [0, 2], strictError: /truncated\.json:3: the JSON document is cut off before its end/ },
  { file: 'text-after-json.json', code: [0, 2], skipped: { 'unexpected text after the end of the JSON document: the rest of the file was not read': 1 }, strictError: /text-after-json\.json:5: unexpected text after the end of the JSON document\.$/ },
  { file: 'appended-pages.json', code: [0, 0] },
  { file: 'joined-exports.csv', code: [0, 0] },
  { file: 'array-of-numbers.json', code: [0, 2], skipped: { 'record that is not a JSON object': 3 }, strictError: /array-of-numbers\.json:1: expected a JSON object, found number\.$/ },
  { file: 'wrong-shape.json', code: [2, 2], stderr: /wrong-shape\.json: cannot tell which field holds the conversation\. Fields found: data, ok\./ },
  { file: 'binary-garbage.csv', code: [2, 2], stderr: /binary-garbage\.csv: not a text export: the file holds binary data/ },
  { file: 'empty.csv', code: [0, 0] },
  { file: 'header-only.csv', code: [0, 0] },
  { file: 'nul-bytes.csv', code: [0, 0] },
  { file: 'missing-and-duplicate-ids.csv', code: [0, 0], skipped: { 'no conversation id': 1 } },
  { file: 'unknown-roles.csv', code: [0, 0] },
  {
    file: 'repeated-rows.csv',
    code: [0, 0],
    skipped: { 'message repeats an earlier one of its conversation (same speaker, time and text)': 3 },
  },
  { file: 'timestamps.csv', code: [0, 0] },
  { file: 'languages.csv', code: [0, 0] },
];

describe('bad-input corpus', () => {
  for (const c of CASES) {
    it(`${c.file}: exit ${c.code[0]}, and ${c.code[1]} with --strict`, async () => {
      for (const [strict, code] of [[false, c.code[0]], [true, c.code[1]]] as const) {
        const r = await runCli(['audit', bad(c.file), '--format', 'json', ...(strict ? ['--strict'] : [])]);
        expect(r.code, r.stderr).toBe(code);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        if (code === 2) {
          expect(r.stderr.trim().split('\n')).toHaveLength(1);
          expect(r.stdout).toBe('');
          if (strict && c.strictError) expect(r.stderr.trim()).toMatch(c.strictError);
          if (c.stderr) expect(r.stderr).toMatch(c.stderr);
        } else {
          const { totals } = JSON.parse(r.stdout);
          const turns = totals.turns.customer + totals.turns.agent + totals.turns.other;
          const skipped = Object.values(totals.skipped as Record<string, number>).reduce((a, b) => a + b, 0);
          // Every record read is analysed or counted as skipped.
          expect(totals.records).toBe(turns + skipped);
          if (c.skipped) expect(totals.skipped).toEqual(c.skipped);
          // Each reason says where it was first met, in the report and on standard error.
          expect(Object.keys(totals.skippedAt)).toEqual(Object.keys(totals.skipped));
          for (const reason of Object.keys(totals.skipped)) {
            expect(totals.skippedAt[reason]).toMatch(new RegExp(`${c.file.replace('.', '\\.')}(:\\d+)?$`));
            expect(r.stderr).toContain(`: ${reason} (first at ${totals.skippedAt[reason]})`);
          }
        }
      }
    });
  }

  it('reads exports joined with cat as one: every part\'s turns, the repeated header noted, not read', async () => {
    for (const [name, turns] of [['joined-exports.csv', { customer: 2, agent: 2, other: 0 }], ['appended-pages.json', { customer: 2, agent: 1, other: 0 }], ['text-after-json.json', { customer: 1, agent: 1, other: 0 }]] as const) {
      const r = await runCli(['audit', bad(name), '--format', 'json']);
      const { totals } = JSON.parse(r.stdout);
      expect(totals.turns, name).toEqual(turns);
      if (name === 'joined-exports.csv') expect(totals.notes).toEqual({ [`header row repeated inside the file (exports joined together?), first at ${bad(name)}:4: not read as a turn`]: 1 });
    }
  });

  it('orders turns by any timestamp format it can read, else keeps file order', async () => {
    const file = path.join(dir, 'turns.ndjson');
    await runCli(['audit', bad('timestamps.csv'), '--turns', file]);
    const turns = (await import('node:fs')).readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(turns.map((t: { conversation: string; role: string }) => `${t.conversation}:${t.role}`)).toEqual(['1:customer', '1:agent', '2:customer', '2:agent', '3:customer', '3:agent', '4:customer', '4:agent']);
  });

  it('reads a turn holding a 300,000-character word (an encoded image) as its two ends, with a note', async () => {
    const file = path.join(dir, 'blob.ndjson');
    const blob = 'iVBORw0KGgo'.repeat(30_000);
    writeFileSync(file, `${JSON.stringify({ conversation_id: 'c1', role: 'customer', text: `Screenshot: ${blob} It fails again, this is ridiculous.` })}\n${JSON.stringify({ conversation_id: 'c1', role: 'agent', agent: 'Ann', text: 'So sorry about that!' })}\n`);
    const r = await runCli(['audit', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const { totals, team } = JSON.parse(r.stdout);
    expect(totals.turns).toEqual({ customer: 1, agent: 1, other: 0 });
    expect(totals.notes).toEqual({ 'word longer than 256 characters (an encoded file or a pasted log?): only its two ends read': 1 });
    // The words after the blob are still read: the customer is upset, and the apology answers it.
    expect(team.empathyWhenNeeded).toMatchObject({ count: 1, of: 1 });
  });

  it('reads a 30 MB text with a 30 MB word, on two threads too', async () => {
    const file = path.join(dir, 'huge-word.ndjson');
    writeFileSync(file, `${JSON.stringify({ conversation_id: 'c1', role: 'customer', text: `log: ${'x'.repeat(30 * 1024 * 1024)} still broken!` })}\n`);
    for (const jobs of ['1', '2']) {
      const r = await runCli(['audit', file, '--format', 'json', '--jobs', jobs]);
      expect(r.code, r.stderr).toBe(0);
      expect(Object.keys(JSON.parse(r.stdout).totals.notes)).toEqual(['word longer than 256 characters (an encoded file or a pasted log?): only its two ends read']);
    }
  });

  it('reads other scripts, right-to-left text and emoji without losing a turn', async () => {
    const r = await runCli(['audit', bad('languages.csv'), '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.totals.turns).toEqual({ customer: 3, agent: 3, other: 0 });
    expect(report.agents.map((a: { agent: string }) => a.agent)).toEqual(['Ann', 'سارة', '李明']);
  });

  it('stops a 50 MB field at the record size limit instead of buffering the file', async () => {
    const file = path.join(dir, 'huge.csv');
    writeFileSync(file, `conversation_id,role,agent,text\n1,customer,,hello\n1,agent,Ann,"${'x'.repeat(50 * 1024 * 1024)}"\n`);
    const r = await runCli(['audit', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).totals.skipped).toEqual({ 'a field is larger than 16 MB (likely an unclosed quote): the rest of the file was not read': 1 });
    const strict = await runCli(['audit', file, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/huge\.csv:\d+: a field is larger than 16 MB/);
  });
});
