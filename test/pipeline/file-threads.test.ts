// Whole files on different threads (--jobs over several files) must give the report, the partial
// aggregate and the errors that one thread reading the files in order gives.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Partial as ShardPartial } from '../../src/aggregate/partial.js';
import { auditFiles, splitsByFile } from '../../src/audit-files.js';
import { AgentMap } from '../../src/conversations/agent-map.js';
import { loadBuiltinRules } from '../../src/detect/load-rules.js';
import { resolveInputs } from '../../src/ingest/resolve-inputs.js';
import type { AuditOptions } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';

const CUSTOMER = ['Where is my refund? Third time asking!', 'Thanks, that worked.', 'The app crashes every time. Useless.', 'Can you check order 4411?'];
const AGENT = ["I'm so sorry about that. I'll take care of it today.", 'Please send the order number.', 'As I already told you, refunds take 10 days.', 'Happy to help! ^JK'];
const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A CSV export of `conversations` conversations, its texts picked by `seed`. */
function exportFile(name: string, conversations: number, seed: number, extra = ''): string {
  const rows = ['conversation_id,role,agent,created_at,text'];
  for (let c = 0; c < conversations; c++) {
    for (let t = 0; t < 4; t++) {
      const customer = t % 2 === 0;
      const text = customer ? CUSTOMER[(c + t + seed) % CUSTOMER.length]! : AGENT[(c * 3 + t + seed) % AGENT.length]!;
      rows.push(`${name}-${c},${customer ? 'customer' : 'agent'},${customer ? '' : `Agent ${(c + seed) % 4}`},2026-0${1 + ((c + seed) % 3)}-1${t}T09:00:00Z,"${text}"`);
    }
  }
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, `${rows.join('\n')}\n${extra}`);
  return file;
}

const files = [exportFile('small', 60, 1), exportFile('large', 120, 2), exportFile('middle', 80, 3, 'x,customer,,2026-01-01,"one field too many",oops\n'), exportFile('tiny', 3, 4)];

async function audit(jobs: number, inputs: string[], more: Partial<AuditOptions> = {}): Promise<{ report: string; partial: string }> {
  let partial: ShardPartial | undefined;
  const report = await auditFiles(resolveInputs(inputs, dir), {
    overrides: {},
    from: 'auto',
    by: 'agent',
    agents: new Set(),
    stdin: Readable.from([]),
    rules: loadBuiltinRules(),
    coaching: 5,
    jobs,
    onPartial: (p) => (partial = p),
    ...more,
  });
  return { report: JSON.stringify(report), partial: JSON.stringify(partial) };
}

describe('whole files on several threads', () => {
  it('go to threads only when they share out evenly and need not be read in order', () => {
    const sources = resolveInputs(files, dir);
    expect(splitsByFile(sources, { jobs: 2 })).toBe(true);
    expect(splitsByFile(sources, { jobs: 1 })).toBe(false);
    // Three threads: the largest file alone is more than its share.
    expect(splitsByFile(sources, { jobs: 3 })).toBe(false);
    expect(splitsByFile(sources, { jobs: 2, onConversation: () => {} })).toBe(false);
    expect(splitsByFile(resolveInputs([files[1]!], dir), { jobs: 2 })).toBe(false);
  });

  it('give the report and partial aggregate of one thread, skipped rows and all', async () => {
    const one = await audit(1, files);
    expect(one.report).toContain('row with more fields than the header');
    expect(JSON.parse(one.report).inputs.map((i: { file: string }) => path.basename(i.file))).toEqual(['small.csv', 'large.csv', 'middle.csv', 'tiny.csv']);
    expect(await audit(2, files)).toEqual(one);
    expect(await audit(3, files)).toEqual(one);
  }, 60_000);

  it('report progress over every thread, ending at all the bytes and records', async () => {
    const seen: [number, number][] = [];
    const one = await audit(1, files);
    await audit(2, files, { onProgress: (bytes, records) => seen.push([bytes, records]) });
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    expect(seen.at(-1)).toEqual([bytes, JSON.parse(one.report).totals.records]);
    expect(seen.length).toBeGreaterThanOrEqual(files.length);
  }, 60_000);

  it('name agents from an agent map on every thread', async () => {
    const agentMap = AgentMap.of([['Agent 1', { name: 'Jo King', team: 'Billing' }]]);
    const one = await audit(1, files, { agentMap, by: 'team' });
    expect(one.report).toContain('Billing');
    expect(await audit(2, files, { agentMap, by: 'team' })).toEqual(one);
  }, 60_000);

  it('stop at the first bad file in the order given, with its file and line (--strict)', async () => {
    const message = await audit(1, files, { strict: true }).catch((e: Error) => e.message);
    expect(message).toMatch(/middle\.csv:\d+: row has 6 fields but the header has 5/);
    await expect(audit(2, files, { strict: true })).rejects.toThrow(message as string);
  }, 60_000);
});
