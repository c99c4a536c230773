// The one interface every detector implements, hand-written or compiled from phrase rules.
import type { Token } from './tokenize.js';

export type Role = 'customer' | 'agent' | 'other';
/** `custom` is a team's own phrase rule whose category is none of the built-in ones. */
export type FindingKind = 'empathy' | 'courtesy' | 'temper' | 'custom';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export const EMPATHY_CATEGORIES = ['apology', 'acknowledgement', 'validation', 'reassurance'] as const;
export const COURTESY_CATEGORIES = ['gratitude', 'positive-regard'] as const;
export const TEMPER_CATEGORIES = ['blame', 'dismissal', 'condescension', 'shouting', 'profanity'] as const;

export interface Finding {
  rule: string;
  kind: FindingKind;
  category: string;
  /** The words of the turn that fired the rule, as the author wrote them. */
  match: string;
  message: string;
}

export interface Sentiment {
  score: number;
  label: SentimentLabel;
}

/** A turn's text as detectors see it; tokens are computed once, on first use. */
export interface TurnText {
  readonly text: string;
  readonly tokens: Token[];
}

/** Where detectors put what they found. */
export interface DetectionSink {
  addFinding(finding: Finding): void;
  setSentiment(sentiment: Sentiment): void;
}

export interface Detector {
  id: string;
  /** The roles whose turns this detector reads. */
  roles: readonly Role[];
  detect(turn: TurnText, sink: DetectionSink): void;
}

export function kindOfCategory(category: string): FindingKind | undefined {
  if ((EMPATHY_CATEGORIES as readonly string[]).includes(category)) return 'empathy';
  if ((COURTESY_CATEGORIES as readonly string[]).includes(category)) return 'courtesy';
  if ((TEMPER_CATEGORIES as readonly string[]).includes(category)) return 'temper';
  return undefined;
}
