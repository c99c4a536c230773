// Keeps the learned empathy model as the build indexed it, so that a run reads typed arrays instead of
// parsing 2.6 MB of JSON and indexing 60,000 grams again (about 0.25 s of every start that reads agent
// turns, `attune lint` among them).
import { fileURLToPath } from 'node:url';
import type { Detector } from './detector.js';
import type { Negation } from './empathy-grams.js';
import { GramIndex, type EncodedGramIndex } from './gram-index.js';
import { createLearnedEmpathyDetector, EMPATHY_MODEL_FILE, learnedDetector, loadEmpathyModel, type EmpathyModel } from './learned-empathy.js';
import { readSnapshot, snapshotKey, writeSnapshot } from './model-snapshot.js';

/** Written by the build (scripts/copy-assets.mjs) beside the model. */
export const EMPATHY_SNAPSHOT_FILE = fileURLToPath(new URL('./data/empathy-model.v8', import.meta.url));

interface Snapshot extends Pick<EmpathyModel, 'categories' | 'threshold' | 'bias'> {
  /** What it was made from: the model file and the code that indexes it. */
  key: string;
  weights: Float64Array;
  index: EncodedGramIndex;
}

const CODE = ['./gram-index.js', './int-table.js', './empathy-grams.js'].map((file) => new URL(file, import.meta.url));

/** The shipped model's detector, read from the build's snapshot when it was made from this model file
 * and code, built from the JSON otherwise. */
export function loadLearnedEmpathyDetector(negation: Negation): Detector {
  const snapshot = currentSnapshot();
  if (snapshot) return learnedDetector(snapshot, snapshot.weights, new GramIndex(snapshot.index, negation), negation);
  return createLearnedEmpathyDetector(loadEmpathyModel(), negation);
}

/** The build's snapshot if it was made from the model file as it is and from this code. */
export function currentSnapshot(): Snapshot | undefined {
  return readSnapshot<Snapshot>(EMPATHY_SNAPSHOT_FILE, () => snapshotKey(EMPATHY_MODEL_FILE, CODE));
}

/** Indexes the shipped model and writes the snapshot a run reads (the build's last step). The index does
 * not hold the negation, which the reader applies, so none is needed here. */
export function writeEmpathySnapshot(): void {
  const model = loadEmpathyModel();
  const index = new GramIndex(model.grams, { negators: new Set(), window: 0 }).encode();
  writeSnapshot<Snapshot>(EMPATHY_SNAPSHOT_FILE, { key: snapshotKey(EMPATHY_MODEL_FILE, CODE), categories: model.categories, threshold: model.threshold, bias: model.bias, weights: Float64Array.from(model.weights), index });
}
