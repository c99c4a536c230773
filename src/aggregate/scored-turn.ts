// A turn after detection: what the aggregate and the per-turn export need, without the full text.
import type { Finding, Role, Sentiment } from '../detect/detector.js';

export interface ScoredTurn {
  conversation: string;
  /** Position in the conversation after ordering; set when the conversation closes. */
  index: number;
  role: Role;
  agent: string | null;
  /** The report row this turn counts toward: the agent, or their team, channel or month (--by). */
  group: string;
  team: string | null;
  channel: string | null;
  time: number | null;
  file: string;
  line: number;
  /** The start of the text, kept as evidence for coaching items. */
  excerpt: string;
  /** The length of the whole text (anger exposure counts how much hostile text an agent read). */
  chars: number;
  sentiment: Sentiment | null;
  findings: Finding[];
}

/** Long enough to quote a customer's complaint, short enough that open conversations stay small. */
export const EXCERPT_CHARS = 280;

const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;

export function excerptOf(text: string): string {
  // Most turns are short single lines: those are their own excerpt.
  if (text.length <= EXCERPT_CHARS && !UNTIDY_SPACE.test(text)) return text;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** The name shown for agent turns whose export does not say who wrote them. */
export const UNKNOWN_AGENT = '(unknown agent)';

export const GROUP_BY = ['agent', 'team', 'channel', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** Sets each turn's report row once its conversation is complete and ordered. */
export function assignGroups(turns: ScoredTurn[], by: GroupBy): void {
  const channel = turns.find((t) => t.channel)?.channel ?? null;
  const start = turns.find((t) => t.time !== null)?.time ?? null;
  const month = start === null ? '(no date)' : new Date(start).toISOString().slice(0, 7);
  for (const turn of turns) {
    if (by === 'agent') turn.group = turn.agent ?? UNKNOWN_AGENT;
    else if (by === 'team') turn.group = turn.team ?? (turn.role === 'agent' ? '(no team)' : '');
    else if (by === 'channel') turn.group = channel ?? '(unknown channel)';
    else turn.group = month;
  }
}
