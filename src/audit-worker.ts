// A worker that audits whole files (audit-files.ts): the whole pipeline on one thread, handing back the
// file's partial aggregate, or the one-line error a bad input gives (with --strict).
import { Readable } from 'node:stream';
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Partial } from './aggregate/partial.js';
import { AgentMap, type AgentIdentity } from './conversations/agent-map.js';
import { AttuneError } from './errors.js';
import type { Source } from './ingest/source-record.js';
import { FILE_THREAD_GROWTH } from './heap-keeper.js';
import { auditSources, type AuditOptions } from './pipeline.js';

/** The run's options as a worker receives them: no streams or callbacks, and the agent map as entries. */
export type FileAuditSetup = Omit<AuditOptions, 'stdin' | 'onProgress' | 'onPartial' | 'onConversation' | 'jobs' | 'agentMap'> & {
  agentMapEntries?: [string, AgentIdentity][];
};

/** A file to audit, and where to post [bytes, records] read so far, when a progress bar is drawn. */
export interface FileAuditTask {
  source: Source;
  progress?: MessagePort;
}

export type FileAuditAnswer = { partial: Partial } | { error: string; exitCode: number };

const { agentMapEntries, ...setup } = workerData as FileAuditSetup;
const agentMap = agentMapEntries ? AgentMap.of(agentMapEntries) : undefined;

export default async function auditFile({ source, progress }: FileAuditTask): Promise<FileAuditAnswer> {
  let partial: Partial | undefined;
  const onProgress = progress ? (bytes: number, records: number) => progress.postMessage([bytes, records]) : undefined;
  try {
    await auditSources([source], { ...setup, ...(agentMap ? { agentMap } : {}), ...(onProgress ? { onProgress } : {}), stdin: Readable.from([]), jobs: 1, heapGrowth: FILE_THREAD_GROWTH, onPartial: (p) => (partial = p) });
    return { partial: partial! };
  } catch (error) {
    if (error instanceof AttuneError) return { error: error.message, exitCode: error.exitCode };
    throw error;
  } finally {
    progress?.close();
  }
}
