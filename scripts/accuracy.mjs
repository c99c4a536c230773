#!/usr/bin/env node
// Held-out accuracy of attune beside the JavaScript sentiment libraries, on the shared development data.
//   npm run accuracy -- [../shared/data]
// Sentiment: the airline tweets with odd id numbers, scored with the model trained on the even ids alone
// (scripts/data/sentiment-model-half.json; the shipped model is trained the same way on both halves), and
// all of VADER's tweets, which neither model trains on, scored as shipped (neutral within 0.5 of zero on
// its -4..4 scale). Empathy and temper: the labeled agent messages on even lines of the file (1-based),
// which phrase rules were not tuned on. Each attune figure comes from `attune eval` (its code, in this
// process, where the half model stands in), run on the held-out rows. Skips when the data is absent.
// Also: customer tweets to other companies (twcs-5000.csv), labeled by attune's maintainers in
// scripts/data/twcs-customer-labels.csv (ids and labels only: the text is read from the shared data), the
// odd ids scored with the half model as the airline tweets are; 400 customer turns after the first of
// airline support threads (transcripts/airline-threads.csv), labeled the same way in
// scripts/data/thread-customer-labels.csv, which no model trains on, scored as shipped; the customers'
// lines of the live-chat transcripts (scripts/data/chat-customer-labels.csv, by line), as shipped, and 214
// customer messages written out in chat and email registers (scripts/data/written-customers-4.csv and
// -5.csv), by both models; and 52,002 agent messages outside the labeled file (twcs replies, airline
// replies, Paysend macros) labeled for the empathy categories in scripts/data/agent-turn-labels.csv the
// same way. Last, how far a second careful reader agrees with the labeled file: a maintainer's labels of
// the half the rules are written from, made without its labels in view
// (scripts/data/second-reader-labels.csv), as a measure of how far the goals ask attune to agree with one
// group of reviewers. Each F1 comes with its 95% interval (bootstrap), which shows how far a figure on a
// few labeled examples could move on another sample.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createDefaultEngine } from '../dist/detect/engine.js';
import { evalSentiment } from '../dist/eval/eval-sentiment.js';
import { openLabeledFile } from '../dist/eval/labeled-records.js';
import { agreementWithIntervals, binaryF1Intervals, binaryScore } from '../dist/eval/metrics.js';
import { HALF_MODEL_FILE, chatCustomers, isHeldOut, labeledAgentMessages, threadCustomers, twcsCustomers, writtenCustomerSets } from './held-out.mjs';

const require = createRequire(import.meta.url);
const data = path.resolve(process.argv[2] ?? '../shared/data');
const airlineFile = path.join(data, 'sentiment/airline-dev.csv');
const vaderFile = path.join(data, 'sentiment/vader/tweets_GroundTruth.txt');
const empathyFile = path.join(data, 'empathy/agent-turns-dev.jsonl');
const twcsFile = path.join(data, 'transcripts/twcs-5000.csv');
const secondReaderLabels = new URL('./data/second-reader-labels.csv', import.meta.url).pathname;
if (![airlineFile, vaderFile, empathyFile].some(existsSync)) {
  console.log(`skipped: no labeled data under ${data}`);
  process.exit(0);
}
const VADER_BAND = 0.5;
const bin = new URL('../bin/attune.js', import.meta.url).pathname;
const work = mkdtempSync(path.join(tmpdir(), 'attune-accuracy-'));
// attune as shipped: an empty config, so that no .attunerc above the working directory adds its rules.
const builtIn = path.join(work, 'attunerc.json');
writeFileSync(builtIn, '{}\n');
const attune = (...args) => JSON.parse(execFileSync(process.execPath, [bin, 'eval', ...args, '--config', builtIn, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const LABELS = ['negative', 'neutral', 'positive'];
const sign = (x, band = 0) => (x > band ? 'positive' : x < -band ? 'negative' : 'neutral');

const peers = (() => {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const vader = require('vader-sentiment').SentimentIntensityAnalyzer;
  const Afinn = require('sentiment');
  const afinn = new Afinn();
  const winkSentiment = require('wink-sentiment');
  return {
    'wink-nlp sentiment (> 0 / < 0)': (t) => sign(nlp.readDoc(t).out(nlp.its.sentiment)),
    'VADER, vader-sentiment (compound ±0.05)': (t) => sign(vader.polarity_scores(t).compound, 0.0499),
    'AFINN, sentiment (score > 0 / < 0)': (t) => sign(afinn.analyze(t).score),
    'wink-sentiment (normalizedScore > 0 / < 0)': (t) => sign(winkSentiment(t).normalizedScore),
  };
})();

const range = ([low, high]) => `${low.toFixed(3)}–${high.toFixed(3)}`;
const fmt = (a) => `${a.accuracy.toFixed(3)} | ${a.macroF1.toFixed(3)} (${range(a.macroF1Interval)}) | ${a.kappa.toFixed(3)} | ${a.classes.map((c) => c.f1.toFixed(2)).join(' / ')}`;
const head = '| | accuracy | macro-F1 (95% interval) | kappa | F1 neg / neu / pos |\n|---|---|---|---|---|';

function empathyTable(title, file, rows) {
  const r = attune('empathy', file);
  console.log(`\n${title} (${r.n} messages)\n`);
  console.log('| | precision | recall | F1 (95% interval) | human | attune | flagged when absent |\n|---|---|---|---|---|---|---|');
  for (const s of rows(r)) {
    console.log(`| ${s.label} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} (${range(s.f1Interval)}) | ${s.support} | ${s.predicted} | ${s.falsePositiveRate.toFixed(3)} |`);
  }
}

/** `attune eval sentiment` on a file of id, label and text, with the model trained on the even half in
 * place of the shipped one, which has also read the odd half. */
const halfEngine = createDefaultEngine(undefined, { roles: ['customer'], sentimentModel: JSON.parse(readFileSync(HALF_MODEL_FILE, 'utf8')) });
const attuneHalf = async (file) => evalSentiment(await openLabeledFile(file, process.cwd(), process.stdin, true), halfEngine, {});

function sentimentTable(title, rows, result, name = '**attune**') {
  console.log(`\n${title} (${rows.length} texts)\n\n${head}`);
  console.log(`| ${name} | ${fmt(result)} |`);
  for (const [name, label] of Object.entries(peers)) console.log(`| ${name} | ${fmt(agreementWithIntervals(rows.map((r) => [label(r.text), r.gold]), LABELS))} |`);
}

if (existsSync(airlineFile)) {
  const rows = parse(readFileSync(airlineFile), { columns: true, bom: true }).filter((r) => isHeldOut(r.id));
  const file = path.join(work, 'airline-heldout.csv');
  writeFileSync(file, stringify(rows.map((r) => ({ id: r.id, label: r.airline_sentiment, text: r.text })), { header: true }));
  sentimentTable('Customer sentiment, airline tweets, held-out half', rows.map((r) => ({ text: r.text, gold: r.airline_sentiment })), await attuneHalf(file), '**attune**, model trained on the even half');
}

if (existsSync(vaderFile)) {
  const rows = readFileSync(vaderFile, 'utf8').split(/\r?\n/).filter(Boolean).map((l) => l.split('\t')).map(([, m, text]) => ({ text, gold: sign(Number(m), VADER_BAND) }));
  sentimentTable(`Sentiment, VADER tweets ground truth, neutral within ${VADER_BAND} of 0`, rows, attune('sentiment', vaderFile, '--no-header', '--text', '3', '--label', '2', '--scale', '-4:4', '--neutral-band', String(VADER_BAND)));
}

if (existsSync(twcsFile)) {
  const rows = twcsCustomers(data).filter((t) => isHeldOut(t.id)).map((t) => ({ id: t.id, label: t.label, text: t.text.replace(/\s+/g, ' ') }));
  const file = path.join(work, 'twcs-customers.csv');
  writeFileSync(file, stringify(rows, { header: true }));
  sentimentTable('Customer sentiment, customers of other companies on Twitter (twcs), held-out half of one maintainer\'s labels', rows.map((r) => ({ text: r.text, gold: r.label })), await attuneHalf(file), '**attune**, model trained on the even half');
}

if (existsSync(empathyFile)) {
  const lines = readFileSync(empathyFile, 'utf8').split('\n').filter(Boolean);
  const heldOut = lines.filter((_, i) => i % 2 === 1);
  const file = path.join(work, 'empathy-heldout.jsonl');
  writeFileSync(file, `${heldOut.join('\n')}\n`);
  empathyTable('Agent empathy and temper, labeled agent messages, held-out half', file, (r) => [r.empathy, r.temper, ...r.categories]);
  secondReaderTable(lines.filter((_, i) => i % 2 === 0).map((line) => JSON.parse(line)));
}

const threads = threadCustomers(data);
if (threads.length > 0) {
  const rows = threads.map((t) => ({ id: t.id, label: t.label, text: t.text.replace(/\s+/g, ' ') }));
  const file = path.join(work, 'thread-customers.csv');
  writeFileSync(file, stringify(rows, { header: true }));
  sentimentTable('Customer sentiment, customers\' later turns in airline support threads, one maintainer\'s labels, never trained on', rows.map((r) => ({ text: r.text, gold: r.label })), attune('sentiment', file));
  console.log(`| attune, model trained on the even halves | ${fmt(await attuneHalf(file))} |`);
}

// The customers' lines of the real live chats, labeled from the text alone; no model trains on them.
const chats = chatCustomers(data);
if (chats.length > 0) {
  const file = path.join(work, 'chat-customers.csv');
  writeFileSync(file, stringify(chats, { header: true }));
  sentimentTable('Customer sentiment, customers\' lines in the live-chat transcripts, one maintainer\'s labels, never trained on', chats.map((r) => ({ text: r.text, gold: r.label })), attune('sentiment', file));
}

// Customer messages a maintainer wrote and labeled in registers the shared data lacks (chat and email to
// phone, retail, utility, delivery and software support), before attune was run on them. Sets 1 to 3
// train the model; sets 4 and 5 do not, and are scored here by both models.
for (const { set, file } of writtenCustomerSets().filter((w) => !w.trained)) {
  const rows = parse(readFileSync(file), { columns: true, bom: true });
  sentimentTable(`Customer sentiment, written-out chat and email messages, set ${set}, one maintainer's labels, never trained on`, rows.map((r) => ({ text: r.text, gold: r.label })), attune('sentiment', file));
  console.log(`| attune, model trained on the even halves | ${fmt(await attuneHalf(file))} |`);
}

const labeled = labeledAgentMessages(data);
if (labeled.length > 0) {
  const rows = labeled.map((r) => ({ ...r, empathy: r.categories.length ? 1 : 0, temper: 0 }));
  const file = path.join(work, 'agent-messages.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const empathyCategories = new Set(['apology', 'acknowledgement', 'validation', 'reassurance']);
  empathyTable('Agent empathy, agent messages outside the labeled file, one maintainer\'s labels', file, (r) => [r.empathy, ...r.categories.filter((c) => empathyCategories.has(c.label))]);
}

rmSync(work, { recursive: true, force: true });

/** The second reader's labels against the labeled file's, on the half of it the rules are written from. */
function secondReaderTable(rows) {
  const EMPATHY = ['apology', 'acknowledgement', 'validation', 'reassurance'];
  const second = new Map(parse(readFileSync(secondReaderLabels), { columns: true }).map((r) => [r.id, { categories: r.categories.split(' ').filter(Boolean), temper: r.temper === '1' }]));
  const pairs = rows.filter((r) => second.has(r.id)).map((r) => [second.get(r.id), { categories: r.categories, temper: r.temper === 1 }]);
  const tests = { empathy: (l) => l.categories.some((c) => EMPATHY.includes(c)), temper: (l) => l.temper, ...Object.fromEntries(EMPATHY.map((c) => [c, (l) => l.categories.includes(c)])) };
  console.log(`\nA second reader against the labeled file, on the half the rules are written from (${pairs.length} messages)\n`);
  console.log('| | precision | recall | F1 (95% interval) | file | second reader |\n|---|---|---|---|---|---|');
  const labels = Object.entries(tests);
  const intervals = binaryF1Intervals(pairs.map(([a, b]) => labels.map(([, test]) => [test(a), test(b)])), labels.length);
  labels.forEach(([label, test], l) => {
    const s = binaryScore(label, pairs.map(([a, b]) => [test(a), test(b)]));
    console.log(`| ${label} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} (${range(intervals[l])}) | ${s.support} | ${s.predicted} |`);
  });
}
