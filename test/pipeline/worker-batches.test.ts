// Workers score a batch whole or split it with the reading thread (which then reads the agent turns,
// and the worker the customer turns); either way the report must be the same as scoring everything on
// one thread.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/detect/load-rules.js';
import { resolveInputs } from '../../src/ingest/resolve-inputs.js';
import { auditSources, type AuditOptions } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';

const CUSTOMER = ['Where is my refund? Third time asking!', 'Thanks, that worked.', 'The app crashes every time. Useless.', 'Can you check order 4411?', 'refund*', 'WHY IS MY ORDER STILL NOT HERE? As I already told you, write to jo@example.com'];
const AGENT = ["I'm so sorry about that. I'll take care of it today.", 'Please send the order number.', 'As I already told you, refunds take 10 days.', 'Happy to help!'];
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const file = path.join(dir, 'export.csv');
const rows = ['conversation_id,role,agent,text'];
for (let c = 0; c < 150; c++) {
  for (let t = 0; t < 4; t++) {
    const customer = t % 2 === 0;
    const text = customer ? CUSTOMER[(c + t) % CUSTOMER.length]! : AGENT[(c * 3 + t) % AGENT.length]!;
    rows.push(`C${c},${customer ? 'customer' : 'agent'},${customer ? '' : `Agent ${c % 5}`},"${text}"`);
  }
}
writeFileSync(file, `${rows.join('\n')}\n`);
// The first ten conversations again, as in an overlapping second export: read once, whatever the threads.
const again = path.join(dir, 'export-again.csv');
writeFileSync(again, `${rows.slice(0, 41).join('\n')}\n`);

async function audit(jobs: number, more: Partial<AuditOptions> = {}): Promise<string> {
  const rules = loadBuiltinRules();
  const turns: string[] = [];
  const report = await auditSources(await resolveInputs([file, again], dir), {
    overrides: {},
    from: 'auto',
    by: 'agent',
    agents: new Set(),
    stdin: Readable.from([]),
    rules,
    coaching: 5,
    jobs,
    batchTurns: 50,
    onConversation: (scored) => turns.push(JSON.stringify(scored)),
    ...more,
  });
  return JSON.stringify(report) + turns.join('\n');
}

describe('worker batches', () => {
  it('give the same report and turns whole, split or on one thread', async () => {
    const one = await audit(1);
    expect(one).toContain('temper');
    expect(one).toContain('"skipped":{"conversation repeats an earlier one turn for turn (same id, speakers, times and text)":40}');
    // Customer turns are read on the worker in split batches: every label and finding must come back
    // the same, hostile text (shouting, blame) included.
    expect(one).toMatch(/"label":"negative"/);
    expect(one).toMatch(/"role":"customer"(?:(?!"role").)*"findings":\[\{"rule":"temper\/blame"/);
    expect(one).toContain('"rule":"temper/shouting"');
    expect(one).toMatch(/"excerpt":"refund\*","chars":7,"sentiment":\{"score":0,"label":"neutral"\}/);
    // One worker splits every batch with this thread; three take whole batches whenever one is idle.
    expect(await audit(2)).toBe(one);
    expect(await audit(4)).toBe(one);
    const masked = await audit(1, { redact: true });
    expect(masked).not.toContain('jo@example.com');
    expect(await audit(2, { redact: true })).toBe(masked);
    expect(await audit(4, { redact: true })).toBe(masked);
  }, 60_000);
});
