// A scoring worker. Two kinds of task: sentence scores from wink-nlp for customer texts (the reading
// thread runs everything else), or the whole detection of a batch of turns, when a worker is free.
// The rules arrive once, with the worker, and the engine is loaded only if a whole batch comes.
import { workerData } from 'node:worker_threads';
import type { Role } from './detect/detector.js';
import type { DetectionEngine, TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { createHeapKeeper } from './heap-keeper.js';
import { createSentenceScorer, type SentenceScorer } from './nlp/wink.js';

export interface WorkerSetup {
  /** Present when workers may take whole batches. */
  rules?: RuleSpec[];
  redact: boolean;
}

/** `texts` alone: customer texts to score sentence by sentence; with `roles`: turns to analyse whole. */
export interface ScoringTask {
  texts: string[];
  roles?: Role[];
}

const setup = workerData as WorkerSetup;
let scorer: SentenceScorer | undefined;
let analyse: ((role: Role, text: string) => TurnAnalysis) | undefined;
const keepHeap = createHeapKeeper();

export default function scoreBatch(task: ScoringTask): number[][] | Promise<TurnAnalysis[]> {
  scorer ??= createSentenceScorer();
  if (task.roles) return analyseWhole(task.texts, task.roles);
  return task.texts.map((text) => {
    keepHeap();
    return scorer!.scoreSentences(text);
  });
}

async function analyseWhole(texts: string[], roles: Role[]): Promise<TurnAnalysis[]> {
  if (!analyse) {
    const [{ createDefaultEngine }, { analyseText }] = await Promise.all([import('./detect/engine.js'), import('./score-turn.js')]);
    // One language model per worker: the engine shares the scorer the sentence-score tasks use.
    const engine: DetectionEngine = createDefaultEngine(setup.rules, { scorer: scorer! });
    analyse = (role, text) => analyseText(role, text, engine, setup.redact);
  }
  return texts.map((text, i) => {
    keepHeap();
    return analyse!(roles[i]!, text);
  });
}
