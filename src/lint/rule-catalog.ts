// Every rule attune knows, for `attune rules`, SARIF metadata and config checks: the built-in lint
// checks, the phrase rules (built-in and the team's), shouting and the learned empathy model.
import { LEARNED_RULE } from '../detect/learned-empathy.js';
import type { RuleSpec } from '../detect/rule-spec.js';
import { LINT_RULES } from './lint-rules.js';
import type { Severity } from './severity.js';
import { compareText } from '../compare-text.js';

export interface CatalogEntry {
  id: string;
  kind: string;
  severity: Severity;
  description: string;
  /** Whether `attune lint` reports it (empathy and courtesy phrases are evidence, not problems). */
  lints: boolean;
}

export const SHOUTING_RULE: CatalogEntry = {
  id: 'temper/shouting',
  kind: 'temper',
  severity: 'error',
  description: 'Three or more capitalised words in a row, "!!!", or words typed one to a sentence ("Read. The. Email."), in a sentence aimed at the reader ("you", "not", "read"…): the agent is shouting.',
  lints: true,
};

const LEARNED_EMPATHY: CatalogEntry = {
  id: LEARNED_RULE,
  kind: 'empathy',
  severity: 'info',
  description: 'The learned empathy model reads apology, acknowledgement, validation or reassurance, at 80% or more, in words no phrase rule found or set aside.',
  lints: false,
};

export function ruleCatalog(phraseRules: RuleSpec[]): CatalogEntry[] {
  const entries: CatalogEntry[] = [
    ...LINT_RULES.map((r) => ({ id: r.id, kind: 'check', severity: r.severity, description: r.description, lints: true })),
    ...phraseRules.map((r) => ({
      id: r.id,
      kind: r.kind,
      severity: r.severity,
      description: r.why ?? r.message.replace(/'?\{match\}'?/g, '…'),
      lints: r.kind === 'temper' || r.kind === 'custom',
    })),
    SHOUTING_RULE,
    LEARNED_EMPATHY,
  ];
  return entries.sort((a, b) => compareText(a.id, b.id));
}
