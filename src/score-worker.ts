// A scoring worker: detection for batches of turn texts, with its own engine (wink-nlp included). The
// rules arrive once, with the worker; each task carries only roles and texts, and returns analyses.
import { workerData } from 'node:worker_threads';
import type { Role } from './detect/detector.js';
import { createDefaultEngine, type DetectionEngine, type TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { createHeapKeeper } from './heap-keeper.js';
import { analyseTurn } from './score-turn.js';

export interface WorkerSetup {
  rules: RuleSpec[];
  redact: boolean;
  /** Sentiment only: the main thread runs the phrase rules itself. */
  sentimentOnly: boolean;
}

export interface ScoringTask {
  roles: Role[];
  texts: string[];
}

const setup = workerData as WorkerSetup;
let engine: DetectionEngine | undefined;
const keepHeap = createHeapKeeper();

export default function scoreBatch(task: ScoringTask): TurnAnalysis[] {
  engine ??= createDefaultEngine(setup.rules, { phrases: !setup.sentimentOnly });
  return task.texts.map((text, i) => {
    keepHeap();
    return analyseTurn(task.roles[i]!, text, engine!, setup.redact);
  });
}
