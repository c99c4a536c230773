// Which labeled rows the models never train on, and the maintainers' labels of shared-data messages:
// twcs customer tweets (sentiment) and agent messages outside the labeled empathy file (empathy).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** The sentiment model trained on the even ids alone (scripts/train-sentiment.mjs), which the held-out
 * figures score; the shipped model is trained on both halves. */
export const HALF_MODEL_FILE = new URL('./data/sentiment-model-half.json', import.meta.url).pathname;

/** The customer messages written out in chat and email registers (scripts/data/written-customers-N.csv),
 * as { set, file, trained }: sets 1 to 3 train the sentiment model; the later ones no model reads. */
const WRITTEN_TRAINED = new Set([1, 2, 3]);
export function writtenCustomerSets() {
  const dir = new URL('./data/', import.meta.url).pathname;
  return readdirSync(dir)
    .map((name) => /^written-customers-(\d+)\.csv$/.exec(name))
    .filter((m) => m !== null)
    .map((m) => ({ set: Number(m[1]), file: path.join(dir, m[0]), trained: WRITTEN_TRAINED.has(Number(m[1])) }))
    .sort((a, b) => a.set - b.set);
}

/** The agent replies written out in registers the shared data lacks (scripts/data/written-replies-N.jsonl),
 * as { set, file }, in the order they were written; `scripts/train-empathy.mjs --options '{"written":true}'`
 * trains the learned empathy model on them too, to compare. */
export function writtenReplySets() {
  const dir = new URL('./data/', import.meta.url).pathname;
  return readdirSync(dir)
    .map((name) => /^written-replies-(\d+)\.jsonl$/.exec(name))
    .filter((m) => m !== null)
    .map((m) => ({ set: Number(m[1]), file: path.join(dir, m[0]) }))
    .sort((a, b) => a.set - b.set);
}

/** Airline tweets and twcs tweets whose id number is odd are held out from the model the figures score
 * (the shipped model trains on both); the even ones train it. */
export function isHeldOut(id) {
  return Number(String(id).replace(/\D/g, '')) % 2 === 1;
}

/** The labeled customer tweets of transcripts/twcs-5000.csv, as { id, text, label }: ids and labels
 * come from scripts/data/twcs-customer-labels.csv, the text from the shared data (empty when absent). */
export function twcsCustomers(data) {
  const file = path.join(data, 'transcripts/twcs-5000.csv');
  if (!existsSync(file)) return [];
  const labels = new Map(parse(readFileSync(new URL('./data/twcs-customer-labels.csv', import.meta.url)), { columns: true }).map((r) => [r.tweet_id, r.label]));
  return parse(readFileSync(file), { columns: true, bom: true, relax_column_count: true })
    .filter((t) => labels.has(t.tweet_id))
    .map((t) => ({ id: t.tweet_id, text: t.text, label: labels.get(t.tweet_id) }));
}

/** The labeled customer follow-ups of transcripts/airline-threads.csv (turns after a thread's first tweet),
 * as { id, text, label }: ids (`thread:<first_tweet_id>:<k>`, the k-th customer turn of the thread's
 * context) and labels come from scripts/data/thread-customer-labels.csv, the text from the shared data
 * (empty when absent). No model trains on them. */
export function threadCustomers(data) {
  const file = path.join(data, 'transcripts/airline-threads.csv');
  if (!existsSync(file)) return [];
  const labels = parse(readFileSync(new URL('./data/thread-customer-labels.csv', import.meta.url)), { columns: true });
  const wanted = new Set(labels.map((r) => r.id.split(':')[1]));
  const texts = new Map();
  for (const r of parse(readFileSync(file), { columns: true, bom: true, relax_column_count: true })) {
    if (!wanted.has(r.first_tweet_id)) continue;
    [...(r.context ?? '').matchAll(/<cust__\s+(.*?)\s*__cust>/gs)].forEach((m, k) => texts.set(`thread:${r.first_tweet_id}:${k}`, m[1].replace(/__company__/g, '').trim()));
  }
  return labels.map((r) => ({ id: r.id, text: texts.get(r.id), label: r.label }));
}

/** The customer lines of transcripts/chat-transcripts.txt labeled in scripts/data/chat-customer-labels.csv
 * (by line number), as { id, text, label }: the text after the time and the speaker's name. Empty when
 * the file is absent. */
export function chatCustomers(data) {
  const file = path.join(data, 'transcripts/chat-transcripts.txt');
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  return parse(readFileSync(new URL('./data/chat-customer-labels.csv', import.meta.url)), { columns: true }).map((r) => ({
    id: `chat:${r.line}`,
    text: lines[Number(r.line) - 1].replace(/^"?\s*\(?\d\d:\d\d:\d\d [AP]M\)\s*[^:]+:\s/, '').trim(),
    label: r.label,
  }));
}

/** The agent messages of scripts/data/agent-turn-labels.csv, as { id, text, categories } in the file's
 * order (the order they were labeled in), with the text from the shared data; empty when it is absent.
 * Ids: `twcs:<tweet_id>`, `air:<first_tweet_id>:<reply index>` (an airline reply by its thread and its
 * place among the thread's replies) and `paysend:<macro title>`. The texts are the raw ones the labels
 * were made on, so the product's tagged-thread reader (which drops sign-offs) is not used here. */
export function labeledAgentMessages(data) {
  const files = ['transcripts/twcs-5000.csv', 'transcripts/airline-threads.csv', 'macros/paysend-macros.json'].map((f) => path.join(data, f));
  if (!files.every(existsSync)) return [];
  const [twcs, threads, macros] = files;
  const texts = new Map();
  for (const t of parse(readFileSync(twcs), { columns: true, bom: true, relax_column_count: true })) texts.set(`twcs:${t.tweet_id}`, t.text);
  for (const r of parse(readFileSync(threads), { columns: true, bom: true, relax_column_count: true })) {
    [...(r.context ?? '').matchAll(/<rep__\s+__cust__\s+(.*?)\s*__rep>/gs)].forEach((m, i) => texts.set(`air:${r.first_tweet_id}:${i}`, m[1]));
  }
  for (const [name, text] of Object.entries(JSON.parse(readFileSync(macros, 'utf8')))) texts.set(`paysend:${name}`, String(text));
  return parse(readFileSync(new URL('./data/agent-turn-labels.csv', import.meta.url)), { columns: true })
    .map((r) => ({ id: r.id, text: texts.get(r.id), categories: r.categories.split(' ').filter(Boolean) }));
}
