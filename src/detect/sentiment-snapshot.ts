// Keeps the shipped sentiment model as flat arrays, so that a run reads them instead of parsing 2.7 MB
// of JSON into 69,000 small arrays (about 0.2 s of every start that scores customer turns).
import { fileURLToPath } from 'node:url';
import { readSnapshot, snapshotKey, writeSnapshot } from './model-snapshot.js';
import { flatten, type FlatModel } from './sentiment.js';
import { loadSentimentModel, SENTIMENT_MODEL_FILE } from './sentiment-context.js';

/** Written by the build (scripts/copy-assets.mjs) beside the model. */
export const SENTIMENT_SNAPSHOT_FILE = fileURLToPath(new URL('./data/sentiment-model.v8', import.meta.url));
const CODE = ['./sentiment-snapshot.js', './sentiment.js'].map((file) => new URL(file, import.meta.url));

type Snapshot = FlatModel & { key: string };

/** The shipped model, from the build's snapshot when it was made from the model file as it is, from the
 * JSON otherwise. */
export function loadShippedSentiment(): FlatModel {
  return currentSentimentSnapshot() ?? flatten(loadSentimentModel());
}

export function currentSentimentSnapshot(): Snapshot | undefined {
  return readSnapshot<Snapshot>(SENTIMENT_SNAPSHOT_FILE, () => snapshotKey(SENTIMENT_MODEL_FILE, CODE));
}

/** Writes the snapshot a run reads (the build's last step). */
export function writeSentimentSnapshot(): void {
  writeSnapshot<Snapshot>(SENTIMENT_SNAPSHOT_FILE, { key: snapshotKey(SENTIMENT_MODEL_FILE, CODE), ...flatten(loadSentimentModel()) });
}
