// A scoring worker: detection for batches of conversations, with its own engine (wink-nlp included).
import type { ScoredTurn } from './aggregate/scored-turn.js';
import type { Turn } from './conversations/turn.js';
import { createDefaultEngine, type DetectionEngine } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { scoreTurn } from './score-turn.js';

let engine: DetectionEngine | undefined;

export default function scoreBatch(task: { rules: RuleSpec[]; redact: boolean; conversations: Turn[][] }): ScoredTurn[][] {
  engine ??= createDefaultEngine(task.rules);
  return task.conversations.map((turns) => turns.map((turn) => scoreTurn(turn, engine!, task.redact)));
}
