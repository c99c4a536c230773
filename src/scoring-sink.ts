// Scores closed conversations, on this thread or spread over worker threads, and hands them on in
// the order they closed, so that the report is the same byte for byte whatever the number of jobs.
// At most twice as many batches as workers are in flight: memory stays bounded however fast the reading.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ScoredTurn } from './aggregate/scored-turn.js';
import type { Turn } from './conversations/turn.js';
import type { DetectionEngine, TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import type { ScoringTask, WorkerSetup } from './score-worker.js';
import { analyseTurn, scoredTurn, scoreTurn } from './score-turn.js';

/** Turns per batch sent to a worker: large enough that messaging costs little, small enough to keep all busy. */
const BATCH_TURNS = 2000;
/** Measured: a worker's live heap stays near 70 MB (model, caches, one batch); 128 MB leaves room. */
const WORKER_HEAP_MB = 128;

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

/** `local`, when given, runs the phrase rules on this thread (they need no language model), and the
 * workers score customer sentiment only: the reading thread has time to spare while they do. */
export function workerSink(jobs: number, rules: RuleSpec[], redact: boolean, finish: (turns: ScoredTurn[]) => void, local?: DetectionEngine): ScoringSink {
  // Each worker holds its own language model (about 60 MB); a capped heap makes it collect early
  // instead of growing toward Node's default limit, which keeps the whole run's memory flat.
  const setup: WorkerSetup = { rules, redact, sentimentOnly: local !== undefined };
  const pool = new Piscina({ filename: workerFile(), workerData: setup, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 } });
  // The turns stay here; a worker gets only the roles and texts, and sends back their analyses.
  const inflight: { batch: Turn[][]; done: (TurnAnalysis | undefined)[]; analyses: Promise<TurnAnalysis[]> }[] = [];
  let batch: Turn[][] = [];
  let batchTurns = 0;
  const dispatch = (): void => {
    if (batch.length === 0) return;
    const task: ScoringTask = { roles: [], texts: [] };
    const done: (TurnAnalysis | undefined)[] = [];
    for (const turns of batch) {
      for (const turn of turns) {
        done.push(local ? analyseTurn(turn.role, turn.text, local, redact) : undefined);
        if (!local || turn.role === 'customer') {
          task.roles.push(turn.role);
          task.texts.push(turn.text);
        }
      }
    }
    inflight.push({ batch, done, analyses: pool.run(task) as Promise<TurnAnalysis[]> });
    batch = [];
    batchTurns = 0;
  };
  const drainOne = async (): Promise<void> => {
    const { batch: scored, done, analyses } = inflight.shift()!;
    const remote = await analyses;
    let next = 0;
    let fromWorker = 0;
    const analysisOf = (turn: Turn): TurnAnalysis => {
      const here = done[next++];
      if (!here) return remote[fromWorker++]!;
      // The worker scored this customer turn's sentiment; the phrase findings were made here.
      if (turn.role === 'customer') here.sentiment = remote[fromWorker++]!.sentiment;
      return here;
    };
    for (const turns of scored) finish(turns.map((turn) => scoredTurn(turn, analysisOf(turn), redact)));
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
