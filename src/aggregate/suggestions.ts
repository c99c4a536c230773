// What a coaching item suggests the agent say instead: the suggestion of the temper rule that fired; else
// words fitted to what the customer wrote (waiting, a repeat contact, a disruption…:
// coaching-suggestions.yaml); else the suggestion of the empathy that was missing (acknowledgement for an
// upset customer, reassurance for a fall in mood).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { RuleSpec } from '../detect/rule-spec.js';
import { loadFeatureContext } from '../detect/sentiment-context.js';
import { addCues, featureTokens, type FeatureContext } from '../detect/sentiment-features.js';
import type { CoachingItem } from './coaching.js';

const SUGGESTIONS_FILE = fileURLToPath(new URL('../detect/data/coaching-suggestions.yaml', import.meta.url));

export interface Situation {
  cue: string;
  suggestion: string;
  example: string;
}

export function loadSituations(): Situation[] {
  return (parse(readFileSync(SUGGESTIONS_FILE, 'utf8')) as { upset: Situation[] }).upset;
}

/** The suggestion of the first situation whose cue group the customer's words hold, if any. */
export function situationSuggestion(customer: string, situations: readonly Situation[], context: FeatureContext): string | null {
  const cues = new Set<string>();
  addCues(featureTokens(customer).tokens, context, (name) => cues.add(name.slice('cue:'.length)));
  return situations.find((s) => cues.has(s.cue))?.suggestion ?? null;
}

export function suggestFrom(rules: RuleSpec[]): (item: CoachingItem) => string | null {
  const byId = new Map(rules.map((r) => [r.id, r.suggestions]));
  // Read on the first item that needs them: a report without such items never loads the cues.
  let situations: { list: Situation[]; context: FeatureContext } | undefined;
  return (item) => {
    for (const rule of item.rules) {
      const s = byId.get(rule)?.[0];
      if (s) return s;
    }
    const missing = item.reasons.includes('no-empathy-when-needed') ? 'empathy/acknowledgement' : item.reasons.includes('sentiment-fell') ? 'empathy/reassurance' : null;
    if (missing === null) return null;
    situations ??= { list: loadSituations(), context: loadFeatureContext() };
    const fitted = item.customer ? situationSuggestion(item.customer, situations.list, situations.context) : null;
    return fitted ?? byId.get(missing)?.[0] ?? null;
  };
}
