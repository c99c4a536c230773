// Scores closed conversations, on this thread or with worker threads, and hands them on in the order
// they closed, so that the report is the same byte for byte whatever the number of jobs. Workers run
// wink-nlp on customer texts; this thread runs the phrase rules and the sentiment model's own features
// meanwhile, then completes each sentiment from the sentence scores a worker sends back.
// At most twice as many batches as workers are in flight: memory stays bounded however fast the reading.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ScoredTurn } from './aggregate/scored-turn.js';
import type { Turn } from './conversations/turn.js';
import type { DetectionEngine } from './detect/engine.js';
import type { SentimentModel } from './detect/sentiment.js';
import type { ScoringTask } from './score-worker.js';
import { analyseLocally, scoredTurn, scoreTurn, type LocalAnalysis } from './score-turn.js';

/** Turns per batch sent to a worker: large enough that messaging costs little, small enough to keep all busy. */
const BATCH_TURNS = 2000;
/** Measured: a worker's live heap stays near 50 MB (the language model and its word cache); 128 MB leaves room. */
const WORKER_HEAP_MB = 128;
/** A small young generation keeps a worker's short-lived documents in cache: faster, and less memory. */
const WORKER_YOUNG_MB = 8;

export interface ScoringSink {
  push(conversations: Turn[][]): Promise<void>;
  end(): Promise<void>;
}

export function inlineSink(engine: DetectionEngine, redact: boolean, finish: (turns: ScoredTurn[]) => void): ScoringSink {
  return {
    push: async (conversations) => {
      for (const turns of conversations) finish(turns.map((turn) => scoreTurn(turn, engine, redact)));
    },
    end: async () => {},
  };
}

/** `engine` runs the phrase rules (no sentiment detector); `model` is the sentiment model. */
export function workerSink(jobs: number, engine: DetectionEngine, model: SentimentModel, redact: boolean, finish: (turns: ScoredTurn[]) => void): ScoringSink {
  // Each worker holds its own language model (about 60 MB); a capped heap makes it collect early
  // instead of growing toward Node's default limit, which keeps the whole run's memory flat.
  const pool = new Piscina({ filename: workerFile(), minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  const inflight: { batch: Turn[][]; local: LocalAnalysis[]; scores: Promise<number[][]> }[] = [];
  let batch: Turn[][] = [];
  let batchTurns = 0;
  const dispatch = (): void => {
    if (batch.length === 0) return;
    const task: ScoringTask = { texts: [] };
    const local: LocalAnalysis[] = [];
    for (const turns of batch) {
      for (const turn of turns) {
        const analysed = analyseLocally(turn, engine, model, redact);
        local.push(analysed);
        if (analysed.partial) task.texts.push(turn.text);
      }
    }
    inflight.push({ batch, local, scores: pool.run(task) as Promise<number[][]> });
    batch = [];
    batchTurns = 0;
  };
  const drainOne = async (): Promise<void> => {
    const done = inflight.shift()!;
    const scores = await done.scores;
    let next = 0;
    let scored = 0;
    for (const turns of done.batch) {
      finish(
        turns.map((turn) => {
          const { analysis, partial } = done.local[next++]!;
          if (partial) analysis.sentiment = model.complete(partial, scores[scored++]!);
          return scoredTurn(turn, analysis, redact);
        }),
      );
    }
  };
  return {
    push: async (conversations) => {
      for (const turns of conversations) {
        batch.push(turns);
        batchTurns += turns.length;
        if (batchTurns >= BATCH_TURNS) dispatch();
      }
      while (inflight.length > 2 * jobs) await drainOne();
    },
    end: async () => {
      dispatch();
      try {
        while (inflight.length > 0) await drainOne();
      } finally {
        await pool.destroy();
      }
    },
  };
}

/** The compiled worker, also when this module runs from the TypeScript sources (tests build first). */
function workerFile(): string {
  return fileURLToPath(new URL('./score-worker.js', import.meta.url)).replace(/([/\\])src([/\\])score-worker\.js$/, '$1dist$2score-worker.js');
}
