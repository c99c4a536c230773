// A scoring worker. Two kinds of task: the customer turns of a batch (the reading thread runs the
// agent turns' first pass), or both passes over a whole batch (scoring-sink.ts, two-pass.ts).
import { workerData } from 'node:worker_threads';
import type { Role } from './detect/detector.js';
import type { TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { createHeapKeeper } from './heap-keeper.js';
import { TwoPass } from './two-pass.js';

export interface WorkerSetup {
  rules: RuleSpec[];
  redact: boolean;
  learned: boolean;
  /** One counter all workers add to as they finish a task: the reading thread sees how far behind
   * they are at once, without waiting for its event loop to deliver their answers. */
  finished: SharedArrayBuffer;
}

/** `texts` alone: customer turns to analyse; with `roles`: turns of any role to analyse whole. */
export interface ScoringTask {
  texts: string[];
  roles?: Role[];
}

const setup = workerData as WorkerSetup;
const twoPass = new TwoPass(setup.rules, setup.redact, setup.learned);
// Every worker reads customer turns: the language model loads now, while the first batch is read.
twoPass.prepareCustomers();
const keepHeap = createHeapKeeper({ checkEvery: 1 });
const finished = new Int32Array(setup.finished);

export default function scoreBatch(task: ScoringTask): TurnAnalysis[] {
  keepHeap();
  const { texts, roles } = task;
  try {
    return roles ? twoPass.analyse(texts.map((text, i) => ({ role: roles[i]!, text }))) : twoPass.customers(texts);
  } finally {
    Atomics.add(finished, 0, 1);
  }
}
