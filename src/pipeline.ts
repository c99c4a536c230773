// The audit pipeline, end to end: sources -> records -> turns -> detection -> conversations -> report.
// Streams throughout: a file's records are read one at a time and only open conversations are held.
import type { Readable } from 'node:stream';
import { AuditAggregator } from './aggregate/audit-aggregator.js';
import { buildReport, type Report } from './aggregate/build-report.js';
import { excerptOf, type ScoredTurn } from './aggregate/scored-turn.js';
import { TurnExtractor, type ExtractOptions } from './conversations/extract-turns.js';
import { ConversationGrouper, orderTurns } from './conversations/group-conversations.js';
import { Accounting, sortedRecord, type Turn } from './conversations/turn.js';
import type { DetectionEngine } from './detect/engine.js';
import { openSource } from './ingest/read-records.js';
import type { InputFormat, Source } from './ingest/source-record.js';

export interface AuditOptions extends ExtractOptions {
  inputFormat?: InputFormat;
  stdin: Readable;
  engine: DetectionEngine;
  /** Called with each conversation's turns, in order, as it closes. */
  onConversation?: (turns: ScoredTurn[]) => void;
  /** Called once per source after its format is known. */
  onSource?: (source: Source, format: InputFormat) => void;
}

export async function auditSources(sources: Source[], options: AuditOptions): Promise<Report> {
  const aggregator = new AuditAggregator();
  const accounting = new Accounting();
  let records = 0;
  const close = (_id: string, turns: ScoredTurn[]): void => {
    turns.forEach((turn, index) => (turn.index = index));
    aggregator.addConversation(turns);
    options.onConversation?.(turns);
  };
  for (const source of sources) {
    const opened = await openSource(source, options.stdin, options.inputFormat);
    options.onSource?.(source, opened.format);
    const extractor = new TurnExtractor(source.display, options, accounting);
    const grouper = new ConversationGrouper<ScoredTurn>(close, accounting);
    for await (const record of opened.records) {
      records += 1;
      const { turns, complete } = extractor.extract(record);
      const scored = turns.map((turn) => scoreTurn(turn, options.engine));
      if (complete) {
        if (scored.length > 0) close(scored[0]!.conversation, orderTurns(scored));
      } else for (const turn of scored) grouper.add(turn);
    }
    grouper.closeAll();
  }
  return buildReport(aggregator, { records, skipped: sortedRecord(accounting.skipped), notes: sortedRecord(accounting.notes) });
}

function scoreTurn(turn: Turn, engine: DetectionEngine): ScoredTurn {
  const analysis = engine.analyse(turn.role, turn.text);
  return {
    conversation: turn.conversation,
    index: 0,
    role: turn.role,
    agent: turn.agent,
    time: turn.time,
    file: turn.file,
    line: turn.line,
    excerpt: excerptOf(turn.text),
    sentiment: analysis.sentiment,
    findings: analysis.findings,
  };
}
