// Team figures by week and by month of each conversation's start: bounded by the number of periods.
import type { ScoredTurn } from './scored-turn.js';
import { milli, type Totals } from './totals.js';

export interface PeriodTotals {
  conversations: number;
  needed: number;
  met: number;
  temper: number;
  sentimentConversations: number;
  startSum: number;
  endSum: number;
}

export class Trends {
  readonly byWeek = new Map<string, PeriodTotals>();
  readonly byMonth = new Map<string, PeriodTotals>();
  private lastNeeded = 0;
  private lastMet = 0;
  private lastTemper = 0;

  /** Adds one conversation; the team totals give what it added to needed/met/temper since the last call. */
  add(turns: ScoredTurn[], change: number | null, team: Totals): void {
    const temper = Object.values(team.temperIncidents).reduce((a, b) => a + b, 0);
    const delta = { needed: team.needed - this.lastNeeded, met: team.met - this.lastMet, temper: temper - this.lastTemper };
    this.lastNeeded = team.needed;
    this.lastMet = team.met;
    this.lastTemper = temper;
    const start = turns.find((t) => t.time !== null)?.time;
    if (start === undefined || start === null) return;
    const scored = turns.filter((t) => t.role === 'customer' && t.sentiment);
    for (const [map, key] of [[this.byMonth, new Date(start).toISOString().slice(0, 7)], [this.byWeek, isoWeek(start)]] as const) {
      const p = map.get(key) ?? { conversations: 0, needed: 0, met: 0, temper: 0, sentimentConversations: 0, startSum: 0, endSum: 0 };
      p.conversations += 1;
      p.needed += delta.needed;
      p.met += delta.met;
      p.temper += delta.temper;
      if (change !== null && scored.length > 0) {
        p.sentimentConversations += 1;
        p.startSum += milli(scored[0]!.sentiment!.score);
        p.endSum += milli(scored[scored.length - 1]!.sentiment!.score);
      }
      map.set(key, p);
    }
  }
}

/** ISO 8601 week, e.g. 2026-W40 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(ms: number): string {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
