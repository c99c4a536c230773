// The audit pipeline, end to end: sources -> records -> turns -> detection -> conversations -> report.
// Streams throughout: a file's records are read one at a time and only open conversations are held.
import type { Readable } from 'node:stream';
import { AuditAggregator } from './aggregate/audit-aggregator.js';
import { buildReport, type InputSummary, type Report } from './aggregate/build-report.js';
import { assignGroups, type GroupBy, type ScoredTurn } from './aggregate/scored-turn.js';
import { createScoringSink } from './scoring-sink.js';
import { toPartial, type Partial } from './aggregate/partial.js';
import { TurnExtractor, type ExtractOptions } from './conversations/extract-turns.js';
import { ConversationGrouper, orderTurns } from './conversations/group-conversations.js';
import { RepeatFilter } from './conversations/repeat-filter.js';
import { Accounting, sortedRecord, type Turn } from './conversations/turn.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { suggestFrom } from './aggregate/suggestions.js';
import { createHeapKeeper } from './heap-keeper.js';
import { readHead } from './ingest/decompress.js';
import { openReader } from './ingest/open-reader.js';
import type { InputFormat, Source } from './ingest/source-record.js';
import type { FreshdeskPeople } from './ingest/vendors/freshdesk.js';
import type { ReaderName } from './ingest/vendors/vendor-reader.js';
import { nowReading } from './stall-guard.js';

export interface AuditOptions extends ExtractOptions {
  inputFormat?: InputFormat;
  from: ReaderName | 'auto';
  by: GroupBy;
  /** Live-chat agent names given with --agents, lower-cased. */
  agents: ReadonlySet<string>;
  stdin: Readable;
  /** The phrase rules in use: for detection, and for the better phrasings coaching items suggest. */
  rules: RuleSpec[];
  /** Whether the learned empathy model reads agent turns (default: it does). */
  learned?: boolean;
  /** Coaching items kept per agent. */
  coaching: number;
  /** --redact: mask personal data in every quote. */
  redact?: boolean;
  /** --strict: stop at the first bad record, naming its file and line. */
  strict?: boolean;
  /** --encoding: read every input in this encoding instead of sniffing it. */
  encoding?: string;
  /** Threads that score turns: this one and `jobs - 1` workers (see scoring-sink.ts). */
  jobs: number;
  /** Turns per batch sent to a worker (tests use small ones). */
  batchTurns?: number;
  /** Called with the bytes read so far and the records read, at most every few hundred records. */
  onProgress?: (bytes: number, records: number) => void;
  /** Called once at the end with the run's partial aggregate (--partial). */
  onPartial?: (partial: Partial) => void;
  /** Called with each conversation's turns, in order, as it closes. */
  onConversation?: (turns: ScoredTurn[]) => void;
}

export async function auditSources(sources: Source[], options: AuditOptions): Promise<Report> {
  const aggregator = new AuditAggregator(options.coaching);
  const accounting = new Accounting();
  const people: FreshdeskPeople = new Map();
  const inputs: InputSummary[] = [];
  let records = 0;
  let bytes = 0;
  let sinceProgress = 0;
  const finish = (turns: ScoredTurn[]): void => {
    turns.forEach((turn, index) => (turn.index = index));
    assignGroups(turns, options.by);
    aggregator.addConversation(turns);
    options.onConversation?.(turns);
  };
  const redact = options.redact === true;
  const sink = createScoringSink({ jobs: options.jobs, rules: options.rules, redact, learned: options.learned !== false, ...(options.batchTurns ? { batchTurns: options.batchTurns } : {}) }, finish);
  const ready: Turn[][] = [];
  const repeats = new RepeatFilter(accounting);
  // The wider the budget, the fewer full collections (each pauses this thread) and the more memory:
  // measured on 1,000,000 bench turns, alone 2.0 s of 21 s went to them at 1.5 and half that at 2.5
  // (50 MB more); with a worker, 2.0 against 1.5 was about 6% faster for 8 MB.
  const keepHeap = createHeapKeeper({ growth: options.jobs > 1 ? 2 : 2.5 });
  try {
    for (const source of identityFilesFirst(sources)) {
      nowReading(source.display);
      let readerSkips = 0;
      const context = {
        file: source.display,
        strict: options.strict ?? false,
        agents: options.agents,
        skip: (reason: string, count = 1, at = source.display) => {
          readerSkips += count;
          accounting.skip(reason, count, at);
        },
        note: (reason: string, count?: number) => accounting.note(reason, count),
      };
      const onBytes = options.onProgress ? (n: number) => void (bytes += n) : undefined;
      const opened = await openReader(source, { from: options.from, stdin: options.stdin, people, context, ...(onBytes ? { onBytes } : {}), ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}) });
      const extractor = new TurnExtractor(source.display, options, accounting);
      const grouper = new ConversationGrouper<Turn>((_id, turns) => ready.push(turns), accounting);
      let yielded = 0;
      for await (const record of opened.records) {
        yielded += 1;
        keepHeap();
        if (options.onProgress && ++sinceProgress >= 500) {
          sinceProgress = 0;
          options.onProgress(bytes, records + yielded);
        }
        const { turns, complete } = extractor.extract(record);
        if (complete) {
          if (turns.length > 0) ready.push(orderTurns(turns));
        } else for (const turn of turns) grouper.add(turn);
        if (ready.length > 0) await sink.push(repeats.keep(ready.splice(0)));
      }
      grouper.closeAll();
      if (ready.length > 0) await sink.push(repeats.keep(ready.splice(0)));
      if (yielded === 0 && readerSkips === 0 && opened.reader === 'generic') accounting.note(`file with no records: ${source.display}`);
      // Records the generic readers skipped were never yielded, but they were read: count them.
      records += opened.recordsRead?.() ?? (opened.reader === 'generic' ? yielded + readerSkips : yielded);
      inputs.push({ file: source.display, reader: opened.reader, ...(opened.encoding ? { encoding: opened.encoding } : {}), decided: opened.reader === 'generic' ? extractor.describe() : opened.decided() });
    }
  } finally {
    await sink.end();
  }
  options.onPartial?.(toPartial(aggregator, { by: options.by, coaching: options.coaching, records, inputs, skipped: sortedRecord(accounting.skipped), skippedAt: sortedRecord(accounting.skippedAt), notes: sortedRecord(accounting.notes) }));
  return buildReport(aggregator, { suggestion: suggestFrom(options.rules), records, by: options.by, inputs, skipped: sortedRecord(accounting.skipped), skippedAt: sortedRecord(accounting.skippedAt), notes: sortedRecord(accounting.notes) });
}

/** Files that only name agents (Freshdesk agents and contacts) are read first, so replies can be named. */
const IDENTITY_HINT = /"(?:helpdesk_agent|ticket_scope)"\s*:|"contact"\s*:\s*\{/;

/** Whether a file only names agents (other files' replies are named from it). */
function isIdentityFile(source: Source): boolean {
  if (source.path === null) return false;
  try {
    return IDENTITY_HINT.test((source.entry?.head ?? readHead(source.path, 4096)).subarray(0, 4096).toString('utf8'));
  } catch {
    return false;
  }
}

function identityFilesFirst(sources: Source[]): Source[] {
  const identity = sources.filter(isIdentityFile);
  return [...identity, ...sources.filter((s) => !identity.includes(s))];
}

