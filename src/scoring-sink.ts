// Scores closed conversations, on this thread or with worker threads, and hands them on in the order
// they closed, so that the report is the same byte for byte whatever the number of jobs. A batch goes
// to the workers in one of two ways: whole (roles and texts out, analyses back), which leaves this
// thread only reading and aggregating, or split (this thread runs the phrase rules and the sentiment
// model's own features while a worker runs wink-nlp on the customer texts, then completes each
// sentiment). Whole when a worker is free, split while all are busy. On two cores one worker and this
// thread already fill the machine, so batches are only split there; with more cores, whole batches
// keep the reading thread from being the limit.
// At most twice as many batches as workers are in flight: memory stays bounded however fast the reading.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ScoredTurn } from './aggregate/scored-turn.js';
import type { Turn } from './conversations/turn.js';
import { createDefaultEngine, type DetectionEngine, type TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { createSentimentModel } from './detect/sentiment.js';
import { loadFeatureContext, loadSentimentModel } from './detect/sentiment-context.js';
import type { ScoringTask, WorkerSetup } from './score-worker.js';
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

export interface WorkerOptions {
  /** Whether a free worker may take a whole batch. Off, every batch is split, which is as fast on two
   * cores and spares each worker a copy of the rules and the sentiment model (about 22 MB). */
  whole: boolean;
  /** Turns per batch (tests use small ones). */
  batchTurns?: number;
}

export function workerSink(jobs: number, rules: RuleSpec[], redact: boolean, finish: (turns: ScoredTurn[]) => void, options: WorkerOptions): ScoringSink {
  const batchSize = options.batchTurns ?? BATCH_TURNS;
  // For split batches: the rules here, without a language model, and the sentiment model's weights.
  const engine = createDefaultEngine(rules, { sentiment: false });
  const model = createSentimentModel(loadSentimentModel(), loadFeatureContext());
  // Each worker holds its own language model (about 60 MB); a capped heap makes it collect early
  // instead of growing toward Node's default limit, which keeps the whole run's memory flat.
  const setup: WorkerSetup = options.whole ? { rules, redact } : { redact };
  const pool = new Piscina({ filename: workerFile(), workerData: setup, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  type InFlight = { batch: Turn[][]; whole: Promise<TurnAnalysis[]> } | { batch: Turn[][]; local: LocalAnalysis[]; scores: Promise<number[][]> };
  const inflight: InFlight[] = [];
  let batch: Turn[][] = [];
  let batchTurns = 0;
  const dispatch = (): void => {
    if (batch.length === 0) return;
    if (options.whole && inflight.length < jobs) inflight.push({ batch, whole: pool.run(wholeTask(batch)) as Promise<TurnAnalysis[]> });
    else inflight.push(splitBatch(batch));
    batch = [];
    batchTurns = 0;
  };
  const splitBatch = (turnsOf: Turn[][]): InFlight => {
    const task: ScoringTask = { texts: [] };
    const local: LocalAnalysis[] = [];
    for (const turns of turnsOf) {
      for (const turn of turns) {
        const analysed = analyseLocally(turn, engine, model, redact);
        local.push(analysed);
        if (analysed.partial) task.texts.push(turn.text);
      }
    }
    return { batch: turnsOf, local, scores: pool.run(task) as Promise<number[][]> };
  };
  const drainOne = async (): Promise<void> => {
    const done = inflight.shift()!;
    let next = 0;
    if ('whole' in done) {
      const analyses = await done.whole;
      for (const turns of done.batch) finish(turns.map((turn) => scoredTurn(turn, analyses[next++]!, redact)));
      return;
    }
    const scores = await done.scores;
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
        if (batchTurns >= batchSize) dispatch();
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

/** A batch for a worker to analyse whole: each turn's role and raw text. */
function wholeTask(batch: Turn[][]): ScoringTask {
  const task: Required<ScoringTask> = { texts: [], roles: [] };
  for (const turns of batch) {
    for (const turn of turns) {
      task.texts.push(turn.text);
      task.roles.push(turn.role);
    }
  }
  return task;
}

/** The compiled worker, also when this module runs from the TypeScript sources (tests build first). */
function workerFile(): string {
  return fileURLToPath(new URL('./score-worker.js', import.meta.url)).replace(/([/\\])src([/\\])score-worker\.js$/, '$1dist$2score-worker.js');
}
