// Detection of one turn: on one thread (`scoreTurn`), or in two steps when workers supply the
// sentence scores (`analyseLocally` here, then the sentiment completed from the worker's scores).
import { excerptOf, type ScoredTurn } from './aggregate/scored-turn.js';
import { evidenceText } from './conversations/evidence-text.js';
import { redact } from './conversations/redact.js';
import type { Turn } from './conversations/turn.js';
import type { Role } from './detect/detector.js';
import { LazyTurnText, type DetectionEngine, type TurnAnalysis } from './detect/engine.js';
import type { SentimentModel } from './detect/sentiment.js';

export interface LocalAnalysis {
  analysis: TurnAnalysis;
  /** For customer turns: the sentiment model's sum so far, waiting for wink-nlp's sentence scores. */
  partial?: number[];
}

export function scoreTurn(turn: Turn, engine: DetectionEngine, mask = false): ScoredTurn {
  return scoredTurn(turn, analyseText(turn.role, turn.text, engine, mask), mask);
}

/** Everything detection says about one turn's text: on this thread, or in a worker given roles and texts. */
export function analyseText(role: Role, text: string, engine: DetectionEngine, mask: boolean): TurnAnalysis {
  return masked(engine.analyseTurn(role, textOf(role, text)), mask);
}

/** The phrase findings of a turn and, for a customer, the part of its sentiment this thread can do. */
export function analyseLocally(turn: Turn, engine: DetectionEngine, model: SentimentModel, mask: boolean): LocalAnalysis {
  const text = textOf(turn.role, turn.text);
  const analysis = masked(engine.analyseTurn(turn.role, text), mask);
  return turn.role === 'customer' ? { analysis, partial: model.partial(text) } : { analysis };
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

/** Agents are read without placeholders and sign-offs, which are never evidence. */
function textOf(role: Role, text: string): LazyTurnText {
  return new LazyTurnText(role === 'agent' ? evidenceText(text) : text);
}

function masked(analysis: TurnAnalysis, mask: boolean): TurnAnalysis {
  if (mask) analysis.findings = analysis.findings.map((f) => ({ ...f, match: redact(f.match), message: redact(f.message) }));
  return analysis;
}
