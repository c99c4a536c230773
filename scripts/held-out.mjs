// Which labeled rows the sentiment model never trains on, and the maintainers' labeled twcs customer tweets.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** Airline tweets and twcs tweets whose id number is odd are held out; the even ones train. */
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
