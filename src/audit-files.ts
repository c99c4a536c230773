// Audits several files at once, whole files to each thread (--jobs N over two files or more): every
// thread runs the whole pipeline on the files it takes and hands back their partial aggregates, which
// merge in the order the files were given into the report one thread writes (aggregate/partial.ts).
// A file is a clean cut: conversations never span files, so the threads share nothing while they work.
// With one file, when turns must be written in order (--turns), or when some files name the agents of
// others (Freshdesk agents and contacts), the pipeline's own threads share the work instead
// (scoring-sink.ts).
import { statSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { buildReport, type Report } from './aggregate/build-report.js';
import { mergePartials, toPartial, type Partial } from './aggregate/partial.js';
import type { FileAuditAnswer, FileAuditSetup, FileAuditTask } from './audit-worker.js';
import { AttuneError } from './errors.js';
import type { Source } from './ingest/source-record.js';
import { FILE_THREAD_GROWTH } from './heap-keeper.js';
import { auditSources, isIdentityFile, suggestFrom, type AuditOptions } from './pipeline.js';
import { startPool } from './worker-pool.js';

/** A small young generation, as for the scoring workers: less memory, and no slower. */
const WORKER_YOUNG_MB = 8;

export async function auditFiles(sources: Source[], options: AuditOptions): Promise<Report> {
  if (!splitsByFile(sources, options)) return auditSources(sources, options);
  const sizes = sources.map(sizeOf);
  // The largest files first, so that no thread is left with a big one at the end.
  const queue = sources.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const answers: Promise<Partial>[] = new Array(sources.length);
  const progress = progressOf(options);
  const pool = startPool({ worker: 'audit-worker.js', threads: options.jobs - 1, workerData: workerSetup(options), resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
  const onThisThread = async (i: number): Promise<Partial> => {
    let partial: Partial | undefined;
    await auditSources([sources[i]!], { ...options, jobs: 1, heapGrowth: FILE_THREAD_GROWTH, onPartial: (p) => (partial = p), ...(options.onProgress ? { onProgress: progress.reading(i) } : {}) });
    return partial!;
  };
  const inWorker = async (i: number): Promise<Partial> => {
    // The worker reports its progress on a port of its own (only when a progress bar is drawn).
    const channel = options.onProgress ? new MessageChannel() : undefined;
    channel?.port1.on('message', ([bytes, records]: [number, number]) => progress.reading(i)(bytes, records));
    try {
      const task: FileAuditTask = { source: sources[i]!, ...(channel ? { progress: channel.port2 } : {}) };
      const answer = (await pool.run(task, channel ? [channel.port2] : [])) as FileAuditAnswer;
      if ('error' in answer) throw new AttuneError(answer.error, answer.exitCode);
      return answer.partial;
    } finally {
      channel?.port1.close();
    }
  };
  let next = 0;
  const thread = async (audit: (i: number) => Promise<Partial>): Promise<void> => {
    for (let i = queue[next++]; i !== undefined; i = queue[next++]) {
      answers[i] = audit(i);
      // A bad file's error is raised below, in file order, as one thread would meet it.
      const partial = await answers[i]!.catch(() => undefined);
      progress.done(i, sizes[i]!, partial?.records ?? 0);
    }
  };
  try {
    await Promise.all([thread(onThisThread), ...Array.from({ length: options.jobs - 1 }, () => thread(inWorker))]);
  } finally {
    await pool.destroy();
  }
  const parts: Partial[] = [];
  for (const answer of answers) parts.push(await answer);
  const { aggregator, meta } = mergePartials(parts, sources.map((s) => s.display));
  options.onPartial?.(toPartial(aggregator, meta));
  return buildReport(aggregator, { ...meta, suggestion: suggestFrom(options.rules) });
}

/** Whether whole files go to different threads: they must give the report one thread gives (files
 * apart from each other, no turns to write in order), and share out evenly enough to be faster. */
export function splitsByFile(sources: Source[], options: Pick<AuditOptions, 'jobs' | 'onConversation'>): boolean {
  if (options.jobs < 2 || sources.length < 2 || options.onConversation || sources.some((s) => s.path === null || isIdentityFile(s))) return false;
  return balanced(sources.map(sizeOf), options.jobs);
}

function sizeOf(source: Source): number {
  return statSync(source.path!, { throwIfNoEntry: false })?.size ?? 0;
}

/** Whether the files share out evenly enough over the threads (largest first, each to the least loaded
 * thread) for whole files to beat threads sharing each batch: on two cores, the busiest thread may hold
 * 60% of the bytes (on the bench, two threads ran 1.34 to 1.54 times faster than one on two files of
 * whole conversations, 1.28 to 1.35 on batches). */
function balanced(sizes: number[], jobs: number): boolean {
  const loads = new Array<number>(jobs).fill(0);
  for (const size of [...sizes].sort((a, b) => b - a)) {
    const least = loads.indexOf(Math.min(...loads));
    loads[least] = loads[least]! + size;
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  return Math.max(...loads) <= (1.2 * total) / jobs;
}

/** Progress over all threads: the files done, and the one each thread is reading. */
function progressOf(options: AuditOptions): { reading: (file: number) => (bytes: number, records: number) => void; done: (file: number, bytes: number, records: number) => void } {
  let doneBytes = 0;
  let doneRecords = 0;
  const reading = new Map<number, [number, number]>();
  // A worker's last report can arrive after its file is done: it must not count the file twice.
  const finished = new Set<number>();
  const report = (): void => {
    let bytes = doneBytes;
    let records = doneRecords;
    for (const [b, r] of reading.values()) {
      bytes += b;
      records += r;
    }
    options.onProgress?.(bytes, records);
  };
  return {
    reading: (file) => (bytes, records) => {
      if (finished.has(file)) return;
      reading.set(file, [bytes, records]);
      report();
    },
    done: (file, bytes, records) => {
      reading.delete(file);
      finished.add(file);
      doneBytes += bytes;
      doneRecords += records;
      report();
    },
  };
}

function workerSetup(options: AuditOptions): FileAuditSetup {
  const { stdin: _stdin, onProgress: _progress, onPartial: _partial, onConversation: _turns, jobs: _jobs, agentMap, ...rest } = options;
  return { ...rest, ...(agentMap ? { agentMapEntries: agentMap.entries() } : {}) };
}
