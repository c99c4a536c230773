// Scores closed conversations on N threads (--jobs N: this thread, plus N - 1 workers) and hands them
// on in the order they closed, so that the report is the same byte for byte whatever N is.
// Conversations are scored in batches, each in two passes (two-pass.ts).
// With workers, each batch goes one of two ways: split (this thread runs the phrase rules over the
// agent turns while a worker reads the customer turns: their phrase rules, wink-nlp and the sentiment
// model, on one set of tokens) or whole (roles and texts out, analyses back), which leaves this thread
// only reading and aggregating. With one worker every batch is split: whole batches, measured, cost
// more than they save (copying the analyses back, a second copy of the rules in the worker).
// With more workers this thread cannot keep them all fed with first passes, so a batch goes whole
// whenever a worker has nothing queued.
// At most 2N + 2 batches are in flight with N workers: memory stays bounded however fast the reading.
import type { ScoredTurn } from './aggregate/scored-turn.js';
import type { Turn } from './conversations/turn.js';
import type { TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import type { ScoringTask, WorkerSetup } from './score-worker.js';
import { scoredTurn } from './score-turn.js';
import { TwoPass, type FirstPass } from './two-pass.js';
import { startPool } from './worker-pool.js';

/** Turns per batch: large enough that messaging costs little, small enough to keep all threads busy. */
const BATCH_TURNS = 2000;
/** Measured: a worker's live heap stays near 50 MB (the language model and its word cache); 128 MB leaves room. */
const WORKER_HEAP_MB = 128;
/** A small young generation keeps a worker's short-lived documents in cache: faster, and less memory. */
const WORKER_YOUNG_MB = 8;

export interface ScoringSink {
  push(conversations: Turn[][]): Promise<void>;
  end(): Promise<void>;
}

export interface SinkOptions {
  /** Threads that score: this one and `jobs - 1` workers. */
  jobs: number;
  rules: RuleSpec[];
  redact: boolean;
  /** Whether the learned empathy model reads agent turns. */
  learned: boolean;
  /** Turns per batch (tests use small ones). */
  batchTurns?: number;
}

export function createScoringSink(options: SinkOptions, finish: (turns: ScoredTurn[]) => void): ScoringSink {
  const twoPass = new TwoPass(options.rules, options.redact, options.learned);
  const done = (batch: Turn[][], analyses: readonly TurnAnalysis[]): void => {
    let next = 0;
    for (const turns of batch) finish(turns.map((turn) => scoredTurn(turn, analyses[next++]!, options.redact)));
  };
  if (options.jobs > 1) return withWorkers(options, twoPass, done);
  const batches = new Batcher(options.batchTurns ?? BATCH_TURNS);
  const score = (batch: Turn[][]): void => done(batch, twoPass.analyse(batch.flat()));
  return {
    push: async (conversations) => batches.add(conversations, score),
    end: async () => batches.flush(score),
  };
}

/** Gathers conversations into batches of about `size` turns; a conversation is never cut. */
export class Batcher {
  private batch: Turn[][] = [];
  private turns = 0;
  constructor(private readonly size: number) {}

  add(conversations: Turn[][], full: (batch: Turn[][]) => void): void {
    for (const turns of conversations) {
      this.batch.push(turns);
      this.turns += turns.length;
      if (this.turns >= this.size) this.flush(full);
    }
  }

  flush(full: (batch: Turn[][]) => void): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.turns = 0;
    full(batch);
  }
}

interface InFlight {
  batch: Turn[][];
  /** Split batches: this thread's first pass, waiting for the worker's customer turns. */
  pass?: FirstPass;
  answer: Promise<TurnAnalysis[]>;
  answered: boolean;
}

function withWorkers(options: SinkOptions, twoPass: TwoPass, done: (batch: Turn[][], analyses: readonly TurnAnalysis[]) => void): ScoringSink {
  const workers = options.jobs - 1;
  const setup: WorkerSetup = { rules: options.rules, redact: options.redact, learned: options.learned, finished: new SharedArrayBuffer(4) };
  const finished = new Int32Array(setup.finished);
  // Each worker holds its own language model (about 60 MB); a capped heap makes it collect early
  // instead of growing toward Node's default limit, which keeps the whole run's memory flat.
  // Every task goes straight to a worker, which takes them in order: Piscina's own queue does not
  // keep order, and the reading thread waits for the oldest batch.
  const maxInFlight = 2 * workers + 2;
  const pool = startPool({ worker: 'score-worker.js', threads: workers, workerData: setup, concurrentTasksPerWorker: maxInFlight, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  const batches = new Batcher(options.batchTurns ?? BATCH_TURNS);
  const inflight: InFlight[] = [];
  let sent = 0;
  const send = (batch: Turn[][], task: ScoringTask, pass?: FirstPass): void => {
    sent += 1;
    const entry: InFlight = { batch, answer: pool.run(task) as Promise<TurnAnalysis[]>, answered: false, ...(pass ? { pass } : {}) };
    const answered = (): void => void (entry.answered = true);
    entry.answer.then(answered, answered);
    inflight.push(entry);
  };
  const dispatch = (batch: Turn[][]): void => {
    if (workers > 1 && sent - Atomics.load(finished, 0) < workers) return send(batch, wholeTask(batch));
    const pass = twoPass.first(batch.flat());
    send(batch, { texts: pass.texts }, pass);
  };
  const finishOldest = async (): Promise<void> => {
    const oldest = inflight.shift()!;
    const answer = await oldest.answer;
    done(oldest.batch, oldest.pass ? twoPass.merge(oldest.pass, answer) : answer);
  };
  return {
    push: async (conversations) => {
      batches.add(conversations, dispatch);
      while (inflight.length > 0 && (inflight[0]!.answered || inflight.length >= maxInFlight)) await finishOldest();
    },
    end: async () => {
      batches.flush(dispatch);
      try {
        while (inflight.length > 0) await finishOldest();
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
