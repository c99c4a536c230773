// Turns running totals into the report every reporter renders: rates, means and shares, rounded.
import { COURTESY_CATEGORIES, EMPATHY_CATEGORIES, TEMPER_CATEGORIES } from '../detect/detector.js';
import type { AgentEntry, AuditAggregator } from './audit-aggregator.js';
import type { CoachingItem } from './coaching.js';
import type { Totals } from './totals.js';
import type { Trends } from './trends.js';
import { compareText } from '../compare-text.js';

export const SCHEMA_VERSION = 1;

export interface Rate {
  count: number;
  of: number;
  /** count / of, or null when `of` is zero. */
  rate: number | null;
}

export interface AgentReport {
  agent: string;
  conversations: number;
  agentTurns: number;
  empathy: Rate & { byCategory: Record<string, Rate> };
  courtesy: Rate & { byCategory: Record<string, Rate> };
  empathyWhenNeeded: Rate;
  temper: Rate & { incidents: number; byCategory: Record<string, Rate> };
  sentiment: {
    conversations: number;
    start: number | null;
    end: number | null;
    change: number | null;
    endNegative: Rate;
    recovered: Rate;
  };
  /** Anger exposure: the upset and hostile customer turns this agent answered. */
  exposure: { upsetTurns: number; hostileTurns: number; hostileChars: number };
  coaching: (Omit<CoachingItem, 'weight' | 'order'> & { suggestion: string | null })[];
  /** Upset customers met with empathy in conversations whose mood then rose, best first. */
  bestMoments: Omit<CoachingItem, 'weight' | 'order' | 'reason' | 'reasons'>[];
}

export interface TrendPoint {
  period: string;
  conversations: number;
  empathyWhenNeeded: Rate;
  temperIncidents: number;
  sentimentStart: number | null;
  sentimentEnd: number | null;
}

export interface InputSummary {
  file: string;
  reader: string;
  /** Present when the file was not UTF-8 (for example windows-1252 or utf-16le). */
  encoding?: string;
  /** How the reader decided who the customer and the agents are. */
  decided: string;
}

export interface Report {
  schemaVersion: number;
  /** What each row of `agents` is: an agent, or a team, channel or month (--by). */
  by: string;
  inputs: InputSummary[];
  totals: {
    records: number;
    conversations: number;
    turns: { customer: number; agent: number; other: number };
    skipped: Record<string, number>;
    /** Where each reason of `skipped` was first met: "file:line", or the file alone. */
    skippedAt: Record<string, string>;
    notes: Record<string, number>;
  };
  team: AgentReport;
  agents: AgentReport[];
  /** Team figures by week (spans under 13 weeks) or month, when the input has timestamps. */
  trends: { by: 'week' | 'month'; periods: TrendPoint[] };
}

export interface ReportInputs {
  /** A better phrasing for a coaching item: from the rule that fired, or for the empathy that was missing. */
  suggestion?: (item: CoachingItem) => string | null;
  records: number;
  by: string;
  inputs: InputSummary[];
  skipped: Record<string, number>;
  skippedAt: Record<string, string>;
  notes: Record<string, number>;
}

export function buildReport(aggregator: AuditAggregator, inputs: ReportInputs): Report {
  const names = [...aggregator.agents.keys()].sort(compareText);
  return {
    schemaVersion: SCHEMA_VERSION,
    by: inputs.by,
    inputs: inputs.inputs,
    totals: {
      records: inputs.records,
      conversations: aggregator.conversations,
      turns: { ...aggregator.turns },
      skipped: inputs.skipped,
      skippedAt: inputs.skippedAt,
      notes: inputs.notes,
    },
    team: agentReport('(team)', aggregator.team, inputs),
    agents: names.map((name) => agentReport(name, aggregator.agents.get(name)!, inputs)),
    trends: trendReport(aggregator.trends),
  };
}

/** Weeks for short spans (under 13 weeks), months otherwise: a dozen or more points either way. */
const WEEKS_UP_TO = 13;

function trendReport(trends: Trends): Report['trends'] {
  const by = trends.byWeek.size <= WEEKS_UP_TO ? 'week' : 'month';
  const map = by === 'week' ? trends.byWeek : trends.byMonth;
  const periods = [...map.keys()].sort(compareText).map((period) => {
    const p = map.get(period)!;
    return {
      period,
      conversations: p.conversations,
      empathyWhenNeeded: rate(p.met, p.needed),
      temperIncidents: p.temper,
      sentimentStart: p.sentimentConversations ? round(p.startSum / 1000 / p.sentimentConversations) : null,
      sentimentEnd: p.sentimentConversations ? round(p.endSum / 1000 / p.sentimentConversations) : null,
    };
  });
  return { by, periods };
}

function agentReport(agent: string, entry: AgentEntry, inputs: ReportInputs): AgentReport {
  const t: Totals = entry.totals;
  const byCategory = (categories: readonly string[], counts: Record<string, number>): Record<string, Rate> =>
    Object.fromEntries(categories.map((c) => [c, rate(counts[c] ?? 0, t.agentTurns)]));
  const incidents = Object.values(t.temperIncidents).reduce((a, b) => a + b, 0);
  const n = t.sentimentConversations;
  return {
    agent,
    conversations: t.conversations,
    agentTurns: t.agentTurns,
    empathy: { ...rate(t.empathyTurns, t.agentTurns), byCategory: byCategory(EMPATHY_CATEGORIES, t.categoryTurns) },
    courtesy: { ...rate(t.courtesyTurns, t.agentTurns), byCategory: byCategory(COURTESY_CATEGORIES, t.categoryTurns) },
    empathyWhenNeeded: rate(t.met, t.needed),
    temper: { ...rate(t.temperTurns, t.agentTurns), incidents, byCategory: byCategory(TEMPER_CATEGORIES, t.temperIncidents) },
    sentiment: {
      conversations: n,
      start: n === 0 ? null : round(t.startSum / 1000 / n),
      end: n === 0 ? null : round(t.endSum / 1000 / n),
      change: n === 0 ? null : round((t.endSum - t.startSum) / 1000 / n),
      endNegative: rate(t.endNegative, n),
      recovered: rate(t.recovered, t.startNegative),
    },
    exposure: { upsetTurns: t.needed, hostileTurns: t.hostileTurns, hostileChars: t.hostileChars },
    coaching: entry.coaching.list().map((full) => {
      const { weight: _w, order: _o, ...item } = full;
      return { ...item, suggestion: inputs.suggestion?.(full) ?? null };
    }),
    bestMoments: entry.best.list().map(({ weight: _w, order: _o, reason: _r, reasons: _rs, ...item }) => item),
  };
}

export function rate(count: number, of: number): Rate {
  return { count, of, rate: of === 0 ? null : round(count / of) };
}

/** Four decimals: enough for any share a person reads, and stable across platforms. */
export function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

