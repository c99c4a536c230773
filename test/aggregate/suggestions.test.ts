import { describe, expect, it } from 'vitest';
import type { CoachingItem } from '../../src/aggregate/coaching.js';
import { loadSituations, suggestFrom } from '../../src/aggregate/suggestions.js';
import { loadBuiltinRules } from '../../src/detect/load-rules.js';

const rules = loadBuiltinRules();
const suggest = suggestFrom(rules);
const ruleSuggestion = (id: string) => rules.find((r) => r.id === id)!.suggestions[0];
const item = (over: Partial<CoachingItem>): CoachingItem => ({
  agentName: 'Dana', conversation: 'C1', turn: 1, reason: 'no-empathy-when-needed', rule: null, reasons: ['no-empathy-when-needed'],
  rules: [], customer: null, agent: 'Please send your order number.', match: null, weight: 2, order: 0, ...over,
});

describe('coaching suggestions', () => {
  const situations = loadSituations();

  it.each(situations.map((s) => [s.cue, s.example, s.suggestion]))('suggests for %s what fits "%s"', (_cue, example, suggestion) => {
    expect(suggest(item({ customer: example }))).toBe(suggestion);
  });

  it('gives each situation its own words', () => {
    expect(new Set(situations.map((s) => s.suggestion)).size).toBe(situations.length);
  });

  it("falls back to the acknowledgement rule's suggestion when no situation fits", () => {
    expect(suggest(item({ customer: 'This is not what I ordered, I am very unhappy.' }))).toBe(ruleSuggestion('empathy/acknowledgement'));
    expect(suggest(item({ customer: null }))).toBe(ruleSuggestion('empathy/acknowledgement'));
  });

  it('puts the suggestion of a temper rule that fired first, and fits a fall in mood to the words too', () => {
    const blame = item({ reason: 'temper', reasons: ['temper', 'no-empathy-when-needed'], rules: ['temper/blame'], customer: 'Still no answer after two days.' });
    expect(suggest(blame)).toBe(ruleSuggestion('temper/blame'));
    const waiting = situations.find((s) => s.cue === 'waiting')!;
    expect(suggest(item({ reason: 'sentiment-fell', reasons: ['sentiment-fell'], customer: waiting.example }))).toBe(waiting.suggestion);
    expect(suggest(item({ reason: 'sentiment-fell', reasons: ['sentiment-fell'], customer: 'Okay. Whatever.' }))).toBe(ruleSuggestion('empathy/reassurance'));
  });
});
