// A scoring worker. Two kinds of task: sentence scores from wink-nlp for customer texts (the reading
// thread runs everything else), or the whole detection of a batch of turns, when the reading thread
// has more to do than the workers. The rules arrive once, with the worker.
import { workerData } from 'node:worker_threads';
import type { Role } from './detect/detector.js';
import { createDefaultEngine, type DetectionEngine, type TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { createHeapKeeper } from './heap-keeper.js';
import { createSentenceScorer, type SentenceScorer } from './nlp/wink.js';
import { analyseText } from './score-turn.js';

export interface WorkerSetup {
  rules: RuleSpec[];
  redact: boolean;
}

/** `texts` alone: customer texts to score sentence by sentence; with `roles`: turns to analyse whole. */
export interface ScoringTask {
  texts: string[];
  roles?: Role[];
}

const setup = workerData as WorkerSetup;
let scorer: SentenceScorer | undefined;
let engine: DetectionEngine | undefined;
const keepHeap = createHeapKeeper();

export default function scoreBatch(task: ScoringTask): number[][] | TurnAnalysis[] {
  scorer ??= createSentenceScorer();
  const roles = task.roles;
  if (roles) {
    // One language model per worker: the engine shares the scorer the sentence-score tasks use.
    engine ??= createDefaultEngine(setup.rules, { scorer });
    return task.texts.map((text, i) => {
      keepHeap();
      return analyseText(roles[i]!, text, engine!, setup.redact);
    });
  }
  return task.texts.map((text) => {
    keepHeap();
    return scorer!.scoreSentences(text);
  });
}
