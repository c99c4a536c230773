// The per-turn export: one JSON line per turn with its sentiment, findings and source location.
import type { ScoredTurn } from '../aggregate/scored-turn.js';

export function renderTurnLines(turns: ScoredTurn[]): string {
  let out = '';
  for (const t of turns) {
    out += `${JSON.stringify({
      conversation: t.conversation,
      turn: t.index,
      role: t.role,
      agent: t.agent,
      source: `${t.file}:${t.line}`,
      sentiment: t.sentiment,
      findings: t.findings.map((f) => ({ rule: f.rule, category: f.category, kind: f.kind, match: f.match, ...(f.confidence === undefined ? {} : { confidence: f.confidence }) })),
    })}\n`;
  }
  return out;
}
