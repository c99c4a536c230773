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
  /** For a learned finding, the model's probability (0..1, two decimals); phrase rules have none. */
  confidence?: number;
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
  /** A category whose words a rule matched and then set aside by its own exceptions (a negation, a
   * refusal, a sign-off): the turn has been read for it, and no later detector reports it. */
  setAside(category: string): void;
  /** A counter rule's words at token `at`: they are not this category ("I'll close this out" is no help), and
   * their sentence weighs nothing toward it for the learned model. */
  counter(category: string, at: number): void;
  /** Where counter rules matched this category in the turn, as token indexes. */
  countered(category: string): readonly number[];
  /** Whether a detector that ran earlier on this turn found this category. */
  found(category: string): boolean;
  /** Whether a detector that ran earlier on this turn found this category or set its words aside. */
  settled(category: string): boolean;
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
