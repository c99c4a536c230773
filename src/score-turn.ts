// A turn as the report sees it: where it came from, a short excerpt, and what detection found.
import { excerptOf, type ScoredTurn } from './aggregate/scored-turn.js';
import { redact } from './conversations/redact.js';
import type { Turn } from './conversations/turn.js';
import type { TurnAnalysis } from './detect/engine.js';

export function scoredTurn(turn: Turn, analysis: TurnAnalysis, mask: boolean): ScoredTurn {
  return {
    conversation: turn.conversation,
    index: 0,
    role: turn.role,
    agent: turn.agent,
    group: '',
    team: turn.team,
    channel: turn.channel,
    time: turn.time,
    file: turn.file,
    line: turn.line,
    excerpt: mask ? redact(excerptOf(turn.text)) : excerptOf(turn.text),
    chars: turn.text.length,
    sentiment: analysis.sentiment,
    findings: analysis.findings,
  };
}
