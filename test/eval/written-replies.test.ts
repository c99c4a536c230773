// The written-out agent replies in scripts/data (registers the shared data lacks: helpdesk email, chat
// shorthand, utilities, banking, hardship): attune keeps agreeing with their labels as rules change.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const DATA = path.resolve(import.meta.dirname, '../../scripts/data');
const files = readdirSync(DATA).filter((f) => /^written-replies-\d+\.jsonl$/.test(f)).sort();

interface Score { label: string; precision: number; f1: number; support: number; predicted: number }

describe('written-out agent replies', () => {
  it('are there to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s: empathy, each category and temper agree with the labels', async (file) => {
    const { code, stdout } = await runCli(['eval', 'empathy', path.join(DATA, file), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { n: number; empathy: Score; temper: Score; categories: Score[] };
    expect(r.n).toBeGreaterThan(80);
    expect(r.empathy.f1).toBeGreaterThanOrEqual(0.94);
    for (const c of r.categories.filter((s) => s.support > 0)) expect([c.label, c.f1 >= 0.9]).toEqual([c.label, true]);
    // Temper: never flagged where the labels have none, and found where they have it.
    expect(r.temper.predicted - Math.round(r.temper.precision * r.temper.predicted)).toBe(0);
    if (r.temper.support > 0) expect(r.temper.f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('written-out temper and firm replies', () => {
  it('finds most temper and flags no firm but polite reply', async () => {
    const { code, stdout } = await runCli(['eval', 'empathy', path.join(DATA, 'written-temper-1.jsonl'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { n: number; temper: Score & { recall: number } };
    expect(r.n).toBe(89);
    expect(r.temper.precision).toBe(1);
    expect(r.temper.recall).toBeGreaterThanOrEqual(0.8);
  });
});
