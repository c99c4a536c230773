#!/usr/bin/env node
// Benchmark: a seeded synthetic export of N turns (default 1,000,000), then attune audit and the
// baseline "csv-parse + wink-nlp readDoc [sbd, negation, sentiment] on every turn" in the same run.
//   npm run bench -- [--turns N] [--rounds R]
// Prints turns/s for each, the ratio to the baseline (also by CPU time, which a busy machine moves
// less), the speed-up of workers, and each run's peak RSS and the cores it kept busy (via
// /usr/bin/time when present). attune runs with --jobs 1 (one thread) and 2 (that thread and a
// worker); then, as the limit any split of the work over two threads could reach here, the export's
// two halves run at once in two separate one-thread processes; last, the bound that one thread's CPU
// time sets.
// With --rounds R the runs are repeated R times, in turn, and the medians are printed with each
// round's figures: on a shared machine one run can be 10% off.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const turns = option('--turns', 1_000_000);
const rounds = option('--rounds', 1);
const work = mkdtempSync(path.join(tmpdir(), 'attune-bench-'));
const file = path.join(work, 'export.csv');
const root = new URL('..', import.meta.url).pathname;

// Realistic lengths and a support mix: customers open and reply, agents answer; a few turns are long.
const CUSTOMER = [
  'Where is my order #{n}? It was supposed to arrive on Monday.', 'This is the third time I am asking about my refund. Terrible service!',
  'Thanks, that worked perfectly.', 'How do I change the email address on my account?', 'My card was charged twice for order {n}, please fix this now.',
  'The app keeps crashing when I upload a photo. Really annoying.', 'Still no answer after {n} hours on hold. I want to speak to a manager.',
  'Great, another delay. Thanks for nothing.', 'Can you tell me when the store opens on Sunday?', 'I love the new dashboard, thank you {name}!',
];
const AGENT = [
  "I'm so sorry about the delay, {name}. I understand how frustrating this is and I'll take care of it today.",
  'Please send us your order number and we will look into it.', 'Thanks for reaching out! Your refund of {n} EUR was processed today.',
  'As I already told you, refunds take 10 business days.', 'Go to Settings, then Profile, and choose Edit next to your email.',
  "That sounds stressful. Let's get this sorted: I've arranged a replacement with next-day delivery.", 'Calm down, it is not our problem.',
  'Happy to help! Have a great day.',
];
const NAMES = ['Maya', 'Tom', 'Ana', 'Jo', 'Lee', 'Sam', 'Ravi', 'Noor', 'Ines', 'Kim'];
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const fill = (t) => t.replace('{n}', String(Math.floor(rnd() * 100000))).replace('{name}', pick(NAMES));

// The export, and the same export in two halves cut between conversations (for the limit, below).
const halves = [path.join(work, 'half-1.csv'), path.join(work, 'half-2.csv')];
await new Promise((resolve) => {
  const out = createWriteStream(file);
  const parts = halves.map((half) => createWriteStream(half));
  const header = 'conversation_id,role,agent,text\n';
  for (const stream of [out, ...parts]) stream.write(header);
  let written = 0;
  let conversation = 0;
  const agents = Array.from({ length: 40 }, (_, i) => `Agent ${i + 1}`);
  function more() {
    let ok = true;
    let waitFor = out;
    while (written < turns && ok) {
      const half = parts[written < turns / 2 ? 0 : 1];
      conversation += 1;
      const agent = pick(agents);
      const length = 2 + Math.floor(rnd() * 5);
      let chunk = '';
      for (let i = 0; i < length && written < turns; i++, written++) {
        const customer = i % 2 === 0;
        let text = fill(customer ? pick(CUSTOMER) : pick(AGENT));
        if (rnd() < 0.05) text = `${text} ${fill(pick(CUSTOMER))} ${fill(pick(CUSTOMER))}`;
        chunk += `C${conversation},${customer ? 'customer' : 'agent'},${customer ? '' : agent},"${text.replace(/"/g, '""')}"\n`;
      }
      ok = out.write(chunk);
      if (!half.write(chunk)) [ok, waitFor] = [false, half];
    }
    if (written < turns) waitFor.once('drain', more);
    else Promise.all([out, ...parts].map((stream) => new Promise((done) => stream.end(done)))).then(resolve);
  }
  more();
});

/** Runs a command; wall seconds, and where /usr/bin/time is present peak RSS (MB) and CPU seconds. */
function timed(command) {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%e %M %U %S'] : [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(time[0] ?? command[0], [...time.slice(1), ...(time.length ? command : command.slice(1))], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) return reject(new Error(`${command.join(' ')} failed: ${stderr}`));
      const [, rss, user, system] = time.length ? stderr.trim().split('\n').pop().split(' ').map(Number) : [];
      resolve({ seconds: (Date.now() - started) / 1000, rss: time.length ? rss / 1024 : NaN, cpu: time.length ? user + system : NaN });
    });
  });
}

const baselineScript = path.join(work, 'baseline.mjs');
await import('node:fs').then((fs) => fs.writeFileSync(baselineScript, `
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
const { parse } = require('csv-parse');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const { createReadStream } = await import('node:fs');
const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment']);
for await (const r of createReadStream(process.argv[2]).pipe(parse({ columns: true }))) nlp.readDoc(r.text).out(nlp.its.sentiment);
`));

console.log(`${turns.toLocaleString('en')} turns, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
const auditWith = (jobs, inputs = [file], out = `report-${jobs}.json`) => timed([process.execPath, 'bin/attune.js', 'audit', ...inputs, '--format', 'json', '--out', path.join(work, out), '--no-progress', '--jobs', String(jobs)]);
// The limit for two threads on this machine: the two halves audited at once by two separate
// processes of one thread each, which share nothing, against one thread on the whole export.
const bothHalves = async () => {
  const started = Date.now();
  const runs = await Promise.all(halves.map((half, i) => auditWith(1, [half], `half-${i + 1}.json`)));
  return { seconds: (Date.now() - started) / 1000, rss: Math.max(...runs.map((r) => r.rss)), cpu: runs.reduce((n, r) => n + r.cpu, 0) };
};
const rate = (seconds) => Math.round(turns / seconds);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const runs = [];
for (let round = 1; round <= rounds; round++) {
  const run = { base: await timed([process.execPath, baselineScript, file]), one: await auditWith(1), two: await auditWith(2), halves: await bothHalves() };
  runs.push(run);
  if (rounds > 1) console.log(`round ${round}: baseline ${rate(run.base.seconds).toLocaleString('en')}, --jobs 1 ${rate(run.one.seconds).toLocaleString('en')}, --jobs 2 ${rate(run.two.seconds).toLocaleString('en')} turns/s; ratio ${(run.base.seconds / run.one.seconds).toFixed(2)}, speed-up ${(run.one.seconds / run.two.seconds).toFixed(2)}, limit ${(run.one.seconds / run.halves.seconds).toFixed(2)}`);
}
const summary = (key) => ({ seconds: median(runs.map((r) => r[key].seconds)), rss: Math.max(...runs.map((r) => r[key].rss)), cpu: median(runs.map((r) => r[key].cpu)) });
const [base, one, two] = ['base', 'one', 'two'].map(summary);
const of = rounds > 1 ? ` (median of ${rounds} rounds; peak RSS the highest)` : '';
const cores = (run) => (Number.isNaN(run.cpu) ? '' : `, ${(run.cpu / run.seconds).toFixed(2)} cores busy`);
console.log(`baseline (csv-parse + wink readDoc): ${rate(base.seconds).toLocaleString('en')} turns/s, peak RSS ${base.rss.toFixed(0)} MB${cores(base)}${of}`);
console.log(`attune audit --jobs 1 (one thread):       ${rate(one.seconds).toLocaleString('en')} turns/s, peak RSS ${one.rss.toFixed(0)} MB${cores(one)}`);
console.log(`attune audit --jobs 2 (thread + worker):  ${rate(two.seconds).toLocaleString('en')} turns/s, peak RSS ${two.rss.toFixed(0)} MB${cores(two)}`);
console.log(`ratio attune (one thread) / baseline: ${median(runs.map((r) => r.base.seconds / r.one.seconds)).toFixed(2)}`);
// CPU time moves less than wall time when other work shares the machine: the same ratio by CPU seconds.
if (!Number.isNaN(one.cpu)) console.log(`  the same by CPU time:               ${median(runs.map((r) => r.base.cpu / r.one.cpu)).toFixed(2)}`);
console.log(`speed-up of --jobs 2 over --jobs 1:   ${median(runs.map((r) => r.one.seconds / r.two.seconds)).toFixed(2)}`);
console.log(`limit: two halves at once, one process each, over --jobs 1: ${median(runs.map((r) => r.one.seconds / r.halves.seconds)).toFixed(2)}`);
// However the work is split, two threads cannot take less time than the CPU time of one thread over
// the machine's cores; one thread already keeps more than one core busy (V8 collects garbage and
// compiles on helper threads), so this bound sits below the number of cores.
if (!Number.isNaN(one.cpu)) console.log(`bound from CPU time: ${cpus().length} cores / ${(one.cpu / one.seconds).toFixed(2)} cores busy with --jobs 1 = ${((cpus().length * one.seconds) / one.cpu).toFixed(2)}`);
const { readFileSync } = await import('node:fs');
const report = (jobs) => readFileSync(path.join(work, `report-${jobs}.json`), 'utf8');
console.log(`reports identical for --jobs 1 and 2: ${report(1) === report(2) ? 'yes' : 'NO'}`);
rmSync(work, { recursive: true, force: true });
