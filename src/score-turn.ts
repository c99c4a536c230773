// Detection of one turn, shared by the main thread and the scoring workers.
import { excerptOf, type ScoredTurn } from './aggregate/scored-turn.js';
import { evidenceText } from './conversations/evidence-text.js';
import { redact } from './conversations/redact.js';
import type { Turn } from './conversations/turn.js';
import type { DetectionEngine } from './detect/engine.js';

export function scoreTurn(turn: Turn, engine: DetectionEngine, mask = false): ScoredTurn {
  const analysis = engine.analyse(turn.role, turn.role === 'agent' ? evidenceText(turn.text) : turn.text);
  const findings = mask ? analysis.findings.map((f) => ({ ...f, match: redact(f.match), message: redact(f.message) })) : analysis.findings;
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
    findings,
  };
}
