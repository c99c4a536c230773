#!/usr/bin/env node
// Measures how often attune's labels agree with the human labels in the shared development data:
// customer sentiment on the airline tweets, and empathy / temper / categories on the labeled agent turns.
// Usage: node scripts/measure-agreement.mjs [path/to/shared/data]   (skips cleanly when the data is absent)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const data = path.resolve(process.argv[2] ?? '../shared/data');
const airline = path.join(data, 'sentiment/airline-dev.csv');
const empathy = path.join(data, 'empathy/agent-turns-dev.jsonl');
if (!existsSync(airline) && !existsSync(empathy)) {
  console.log(`skipped: no labeled data under ${data}`);
  process.exit(0);
}
const bin = new URL('../bin/attune.js', import.meta.url).pathname;
const work = mkdtempSync(path.join(tmpdir(), 'attune-measure-'));

function turnsOf(file, args) {
  const out = path.join(work, `${path.basename(file)}.ndjson`);
  execFileSync(process.execPath, [bin, 'audit', file, ...args, '--turns', out, '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return new Map(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((t) => [t.conversation, t]));
}

function prf(pairs) {
  const tp = pairs.filter(([p, g]) => p && g).length;
  const fp = pairs.filter(([p, g]) => p && !g).length;
  const fn = pairs.filter(([p, g]) => !p && g).length;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn };
}
const fmt = (x) => x.toFixed(3);

if (existsSync(airline)) {
  const rows = parse(readFileSync(airline), { columns: true, bom: true });
  const turns = turnsOf(airline, ['--map', 'conversation=id,text=text', '--assume-role', 'customer']);
  const pairs = rows.map((r) => [turns.get(r.id)?.sentiment?.label ?? 'neutral', r.airline_sentiment]);
  const accuracy = pairs.filter(([p, g]) => p === g).length / pairs.length;
  const classes = ['negative', 'neutral', 'positive'];
  const perClass = classes.map((c) => ({ c, ...prf(pairs.map(([p, g]) => [p === c, g === c])) }));
  const macro = perClass.reduce((s, x) => s + x.f1, 0) / classes.length;
  console.log(`Customer sentiment, ${path.basename(airline)} (${pairs.length} tweets): accuracy ${fmt(accuracy)}, macro-F1 ${fmt(macro)}`);
  for (const x of perClass) console.log(`  ${x.c.padEnd(9)} precision ${fmt(x.precision)} recall ${fmt(x.recall)} F1 ${fmt(x.f1)} (n=${x.support})`);
}

if (existsSync(empathy)) {
  const rows = readFileSync(empathy, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const turns = turnsOf(empathy, ['--map', 'conversation=id', '--assume-role', 'agent']);
  const found = (r) => turns.get(r.id)?.findings ?? [];
  const empathyPairs = rows.map((r) => [found(r).some((f) => f.kind === 'empathy'), r.empathy === 1]);
  const agree = empathyPairs.filter(([p, g]) => p === g).length / rows.length;
  console.log(`Agent turns, ${path.basename(empathy)} (${rows.length} messages): empathy labels agree on ${fmt(agree)}`);
  const show = (name, pairs) => {
    const x = prf(pairs);
    console.log(`  ${name.padEnd(16)} precision ${fmt(x.precision)} recall ${fmt(x.recall)} F1 ${fmt(x.f1)} (n=${x.support})`);
  };
  show('empathy', empathyPairs);
  const temperPairs = rows.map((r) => [found(r).some((f) => f.kind === 'temper'), r.temper === 1]);
  show('temper', temperPairs);
  const falseTemper = temperPairs.filter(([p, g]) => p && !g).length / temperPairs.filter(([, g]) => !g).length;
  console.log(`  non-temper turns flagged as temper: ${fmt(falseTemper)}`);
  for (const c of ['apology', 'acknowledgement', 'validation', 'reassurance', 'gratitude', 'positive-regard']) {
    show(c, rows.map((r) => [found(r).some((f) => f.category === c), r.categories.includes(c)]));
  }
}
rmSync(work, { recursive: true, force: true });
