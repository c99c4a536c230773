// Partial aggregates: what one shard of a large audit writes with --partial, and how shards merge
// back into one aggregate, so that `attune merge` gives the report a single run over all the inputs
// (in the order the shards are given) would give.
import { AttuneError } from '../errors.js';
import { sortedRecord } from '../conversations/turn.js';
import { AuditAggregator, type AgentEntry } from './audit-aggregator.js';
import type { InputSummary } from './build-report.js';
import type { CoachingItem } from './coaching.js';
import { Totals } from './totals.js';
import type { PeriodTotals } from './trends.js';

export const PARTIAL_KIND = 'attune-partial';

interface EntryData {
  totals: Totals;
  coaching: CoachingItem[];
  best: CoachingItem[];
}

export interface Partial {
  kind: typeof PARTIAL_KIND;
  schemaVersion: 1;
  by: string;
  coaching: number;
  records: number;
  inputs: InputSummary[];
  skipped: Record<string, number>;
  /** Where each reason was first met; absent in partials written before it was kept. */
  skippedAt?: Record<string, string>;
  notes: Record<string, number>;
  conversations: number;
  turns: { customer: number; agent: number; other: number };
  order: number;
  team: EntryData;
  agents: Record<string, EntryData>;
  byWeek: Record<string, PeriodTotals>;
  byMonth: Record<string, PeriodTotals>;
}

export function toPartial(a: AuditAggregator, meta: Pick<Partial, 'by' | 'coaching' | 'records' | 'inputs' | 'skipped' | 'skippedAt' | 'notes'>): Partial {
  const data = (e: AgentEntry): EntryData => ({ totals: e.totals, coaching: e.coaching.list(), best: e.best.list() });
  return {
    kind: PARTIAL_KIND,
    schemaVersion: 1,
    ...meta,
    conversations: a.conversations,
    turns: a.turns,
    order: a.order,
    team: data(a.team),
    agents: Object.fromEntries([...a.agents.entries()].map(([name, e]) => [name, data(e)])),
    byWeek: Object.fromEntries(a.trends.byWeek),
    byMonth: Object.fromEntries(a.trends.byMonth),
  };
}

/** Adds shards in order into one aggregator; item order numbers continue from one shard to the next. */
export function mergePartials(parts: Partial[], files: string[]): { aggregator: AuditAggregator; meta: Omit<Partial, 'kind' | 'schemaVersion' | 'conversations' | 'turns' | 'order' | 'team' | 'agents' | 'byWeek' | 'byMonth' | 'skippedAt'> & { skippedAt: Record<string, string> } } {
  parts.forEach((p, i) => {
    if (p?.kind !== PARTIAL_KIND || p.schemaVersion !== 1) throw new AttuneError(`${files[i]}: not a partial aggregate (write one with attune audit --partial FILE).`);
    if (p.by !== parts[0]!.by || p.coaching !== parts[0]!.coaching) throw new AttuneError(`${files[i]}: made with --by ${p.by} --coaching ${p.coaching}, unlike ${files[0]} (--by ${parts[0]!.by} --coaching ${parts[0]!.coaching}).`);
  });
  const aggregator = new AuditAggregator(parts[0]!.coaching);
  const skipped = new Map<string, number>();
  const skippedAt = new Map<string, string>();
  const notes = new Map<string, number>();
  let offset = 0;
  for (const p of parts) {
    aggregator.conversations += p.conversations;
    for (const role of ['customer', 'agent', 'other'] as const) aggregator.turns[role] += p.turns[role];
    addEntry(aggregator.team, p.team, offset);
    for (const [name, data] of Object.entries(p.agents)) addEntry(aggregator.entry(name), data, offset);
    addPeriods(aggregator.trends.byWeek, p.byWeek);
    addPeriods(aggregator.trends.byMonth, p.byMonth);
    for (const [k, v] of Object.entries(p.skipped)) skipped.set(k, (skipped.get(k) ?? 0) + v);
    // The first shard, in the order given, that met a reason says where.
    for (const [k, at] of Object.entries(p.skippedAt ?? {})) if (!skippedAt.has(k)) skippedAt.set(k, at);
    for (const [k, v] of Object.entries(p.notes)) notes.set(k, (notes.get(k) ?? 0) + v);
    offset += p.order;
  }
  aggregator.order = offset;
  return {
    aggregator,
    meta: { by: parts[0]!.by, coaching: parts[0]!.coaching, records: parts.reduce((n, p) => n + p.records, 0), inputs: parts.flatMap((p) => p.inputs), skipped: sortedRecord(skipped), skippedAt: sortedRecord(skippedAt), notes: sortedRecord(notes) },
  };
}

function addEntry(entry: AgentEntry, data: EntryData, offset: number): void {
  addTotals(entry.totals, data.totals);
  for (const item of data.coaching) entry.coaching.offer({ ...item, order: item.order + offset });
  for (const item of data.best) entry.best.offer({ ...item, order: item.order + offset });
}

function addTotals(into: Totals, from: Totals): void {
  for (const key of Object.keys(into) as (keyof Totals)[]) {
    const value = from[key];
    if (typeof into[key] === 'number') (into[key] as number) += value as number;
    else for (const [k, v] of Object.entries(value as Record<string, number>)) (into[key] as Record<string, number>)[k] = ((into[key] as Record<string, number>)[k] ?? 0) + v;
  }
}

function addPeriods(into: Map<string, PeriodTotals>, from: Record<string, PeriodTotals>): void {
  for (const [period, p] of Object.entries(from)) {
    const q = into.get(period) ?? { conversations: 0, needed: 0, met: 0, temper: 0, sentimentConversations: 0, startSum: 0, endSum: 0 };
    for (const key of Object.keys(q) as (keyof PeriodTotals)[]) q[key] += p[key];
    into.set(period, q);
  }
}
