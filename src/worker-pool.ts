// The pool of scoring threads: the one module that imports piscina. A worker always runs its compiled
// module, also when the code that starts it runs from the TypeScript sources (tests build first).
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

export interface PoolOptions {
  /** The compiled worker module beside this one, for example 'score-worker.js'. */
  worker: string;
  threads: number;
  workerData: unknown;
  /** Tasks a worker is handed before it finishes the first (they queue inside it, in order). */
  concurrentTasksPerWorker: number;
  resourceLimits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number };
}

export interface WorkerPool {
  run(task: unknown): Promise<unknown>;
  destroy(): Promise<void>;
}

export function startPool(options: PoolOptions): WorkerPool {
  const filename = fileURLToPath(new URL(`./${options.worker}`, import.meta.url)).replace(/([/\\])src([/\\])([^/\\]+)$/, '$1dist$2$3');
  const pool = new Piscina({
    filename,
    workerData: options.workerData,
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: 1000,
    concurrentTasksPerWorker: options.concurrentTasksPerWorker,
    resourceLimits: options.resourceLimits,
  });
  return {
    run: (task) => pool.run(task),
    destroy: () => pool.destroy(),
  };
}
