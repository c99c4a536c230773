// Property-based tests over the readers: random input never crashes them (only attune's own one-line
// errors), and every record of a well-formed file is accounted for, analysed or skipped.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TurnExtractor } from '../../src/conversations/extract-turns.js';
import { Accounting } from '../../src/conversations/turn.js';
import { AttuneError } from '../../src/errors.js';
import { openReader } from '../../src/ingest/open-reader.js';

async function readAll(bytes: Uint8Array | string, strict = false): Promise<{ records: number; turns: number; skipped: number }> {
  const accounting = new Accounting();
  let readerSkips = 0;
  const context = { file: '-', strict, agents: new Set<string>(), skip: (r: string, n = 1) => { readerSkips += n; accounting.skip(r, n); }, note: (r: string, n = 1) => accounting.note(r, n) };
  const opened = await openReader({ display: '-', path: null }, { from: 'auto', stdin: Readable.from([Buffer.from(bytes)]), people: new Map(), context });
  const extractor = new TurnExtractor('-', { overrides: {} }, accounting);
  let records = 0;
  let turns = 0;
  for await (const record of opened.records) {
    records += 1;
    turns += extractor.extract(record).turns.length;
  }
  return { records: records + readerSkips, turns, skipped: accounting.skippedTotal() };
}

async function onlyAttuneErrors(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AttuneError)) throw error;
    expect(error.message.split('\n')).toHaveLength(1);
  }
}

const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('"', '""', ',', '\n', '\r\n', '\r', ';', 'customer', 'agent', '{', '}', '[', ']', '😡', 'é'));

describe('readers under random input', () => {
  it('never crash on arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => onlyAttuneErrors(() => readAll(bytes))), { numRuns: 150 });
  });

  it('never crash on CSV-like text with stray quotes, delimiters and line breaks, strict or not', async () => {
    const text = fc.array(fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(',')), { maxLength: 12 }).map((rows) => ['conversation_id,role,text', ...rows].join('\n'));
    await fc.assert(fc.asyncProperty(text, fc.boolean(), async (t, strict) => onlyAttuneErrors(() => readAll(t, strict))), { numRuns: 150 });
  });

  it('never crash on JSON-like text', async () => {
    const json = fc.oneof(fc.json(), fc.string({ maxLength: 60 }).map((s) => `[{"conversation_id": 1, "role": "customer", "text": ${JSON.stringify(s)}}${s}`));
    await fc.assert(fc.asyncProperty(json, async (t) => onlyAttuneErrors(() => readAll(t))), { numRuns: 150 });
  });

  it('account for every row of a well-formed CSV: analysed or skipped', async () => {
    const row = fc.record({
      id: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 5 }).map(String)),
      role: fc.constantFrom('customer', 'agent', 'bot', 'wizard'),
      text: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 20 }), async (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const csv = ['conversation_id,role,text', ...rows.map((r) => [r.id, r.role, quote(r.text)].join(','))].join('\n');
        const { records, turns, skipped } = await readAll(csv);
        expect(records).toBe(rows.length);
        expect(turns + skipped).toBe(rows.length);
      }),
      { numRuns: 150 },
    );
  });
});
