// Detection of one turn, shared by the main thread and the scoring workers: the workers analyse the
// text alone, and the main thread joins the analysis to the turn it kept.
import { excerptOf, type ScoredTurn } from './aggregate/scored-turn.js';
import { evidenceText } from './conversations/evidence-text.js';
import { redact } from './conversations/redact.js';
import type { Turn } from './conversations/turn.js';
import type { Role } from './detect/detector.js';
import type { DetectionEngine, TurnAnalysis } from './detect/engine.js';

export function analyseTurn(role: Role, text: string, engine: DetectionEngine, mask: boolean): TurnAnalysis {
  const analysis = engine.analyse(role, role === 'agent' ? evidenceText(text) : text);
  if (mask) analysis.findings = analysis.findings.map((f) => ({ ...f, match: redact(f.match), message: redact(f.message) }));
  return analysis;
}

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

export function scoreTurn(turn: Turn, engine: DetectionEngine, mask = false): ScoredTurn {
  return scoredTurn(turn, analyseTurn(turn.role, turn.text, engine, mask), mask);
}
