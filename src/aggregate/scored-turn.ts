// A turn after detection: what the aggregate and the per-turn export need, without the full text.
import type { Finding, Role, Sentiment } from '../detect/detector.js';

export interface ScoredTurn {
  conversation: string;
  /** Position in the conversation after ordering; set when the conversation closes. */
  index: number;
  role: Role;
  agent: string | null;
  time: number | null;
  file: string;
  line: number;
  /** The start of the text, kept as evidence for coaching items. */
  excerpt: string;
  sentiment: Sentiment | null;
  findings: Finding[];
}

/** Long enough to quote a customer's complaint, short enough that open conversations stay small. */
export const EXCERPT_CHARS = 280;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** The name shown for agent turns whose export does not say who wrote them. */
export const UNKNOWN_AGENT = '(unknown agent)';
