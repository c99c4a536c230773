// Compiles phrase rules into one Detector: a trie pass per turn (and one for counter rules), then each rule's exceptions.
import { isCheering } from './cheering.js';
import type { Detector, DetectionSink, Role, TurnText } from './detector.js';
import type { Lexicon } from './load-rules.js';
import { phraseIndex } from './index-snapshot.js';
import { negatedBefore, PhraseIndex } from './phrase-index.js';
import type { RuleSpec } from './rule-spec.js';
import { isHandle, isPunctuation } from './tokenize.js';
import { splitSignOff } from '../conversations/evidence-text.js';

/** A full stop, and punctuation that joins clauses: trimmed from the ends of a quote ("!" and "?" stay). */
const CLAUSE_MARK = /^[.,;:\u2013\u2014-]$/;

interface CompiledException {
  window: number;
  followedBy?: PhraseIndex;
  precededBy?: PhraseIndex;
}

interface CompiledRule {
  spec: RuleSpec;
  exceptions: CompiledException[];
}

export function compilePhraseRules(rules: RuleSpec[], lexicon: Lexicon, roles: readonly Role[] = ['agent']): Detector {
  // Counter rules have an index of their own: at a word where a counter phrase and a rule's phrase both
  // start, each is read ("she shouldn't have left it on the table" is no help and is blame).
  const index = phraseIndex(lexicon.fillers, rulePatterns(rules, false), lexicon.negators, lexicon.shorthand);
  const counterPatterns = rulePatterns(rules, true);
  const counterIndex = counterPatterns.length > 0 ? phraseIndex(lexicon.fillers, counterPatterns, lexicon.negators, lexicon.shorthand) : undefined;
  const compiled: CompiledRule[] = rules.map((spec) => ({
    spec,
    exceptions: spec.unless.exceptions.map(({ followedBy, precededBy, window }) => {
      const exception: CompiledException = { window };
      if (followedBy.length > 0) exception.followedBy = buildIndex(followedBy, lexicon);
      if (precededBy.length > 0) exception.precededBy = buildIndex(precededBy, lexicon);
      return exception;
    }),
  }));

  // The rules that claim one match's span, reused from match to match (detect runs to the end before the next call).
  const claimed: RuleSpec[] = [];

  return {
    id: 'phrase-rules',
    roles,
    detect(turn: TurnText, sink: DetectionSink): void {
      const tokens = turn.tokens;
      let fired: Set<number> | undefined;
      // Where the last finding of each category ends: a phrase overlapping it adds nothing ("we can take
      // a look" inside "so we can take a look"), while one of another category still counts ("regret the
      // frustration we've caused you" apologises, and "the frustration we've caused" acknowledges).
      let coveredTo: Map<string, number> | undefined;
      let cheering: boolean | undefined;
      const cheers = (): boolean => (cheering ??= isCheering(turn, lexicon.cheer));
      // Where counter rules' words are: a phrase of their category starting among them is not it.
      const countered = counterIndex ? counterSpans(counterIndex, turn, sink, compiled, lexicon, cheers) : undefined;
      let i = 0;
      while (i < tokens.length) {
        const match = index.longestAt(tokens, i);
        if (!match) {
          i += 1;
          continue;
        }
        // Rules are asked in reverse, so that at the same words a team's rule (listed after the built-in
        // ones) claims the span before a built-in rule of its category; findings keep the rules' order.
        claimed.length = 0;
        for (let k = match.rules.length - 1; k >= 0; k -= 1) {
          const ruleIndex = match.rules[k]!;
          const rule = compiled[ruleIndex]!;
          const { spec } = rule;
          if (spec.alone && !standsAlone(turn, match.start, match.end)) continue;
          const suppressed = cancelled(rule, turn, match.start, match.end, lexicon, cheers);
          if (suppressed) sink.setAside(spec.category);
          if (suppressed || fired?.has(ruleIndex) || match.start < (coveredTo?.get(spec.category) ?? 0)) continue;
          if (countered !== undefined && startsAmong(countered, spec.category, match.start)) continue;
          (fired ??= new Set()).add(ruleIndex);
          (coveredTo ??= new Map()).set(spec.category, match.end);
          claimed.push(spec);
        }
        if (claimed.length > 0) {
          // A phrase may end on a full stop or comma ("understandable.", "sorry about that,") or start on a
          // comma (", to give you a hand"); the quote does not. "Ouch!" keeps its exclamation mark.
          let first = match.start;
          let last = match.end - 1;
          while (last > first && CLAUSE_MARK.test(tokens[last]!.norm)) last -= 1;
          while (first < last && CLAUSE_MARK.test(tokens[first]!.norm)) first += 1;
          const text = turn.text.slice(tokens[first]!.start, tokens[last]!.end);
          for (let k = claimed.length - 1; k >= 0; k -= 1) {
            const spec = claimed[k]!;
            sink.addFinding({ rule: spec.id, kind: spec.kind, category: spec.category, match: text, message: spec.message.replaceAll('{match}', text) });
          }
        }
        i += 1;
      }
    },
  };
}

/** The phrases of the rules (or of the counter rules), each with its rule's place in the list. */
export function rulePatterns(rules: readonly RuleSpec[], counter: boolean): (readonly [string, number])[] {
  return rules.flatMap((spec, i) => ((spec.counter === true) === counter ? spec.phrases.map((phrase) => [phrase, i] as const) : []));
}

/** A counter rule reports nothing: unless its own exceptions cancel them, its words are marked as not its
 * category, for the learned model (their sentence weighs nothing toward it) and for the rules of that
 * category (a phrase starting among them is not it: "We'll let you know when it ships" is no help). */
function counterSpans(index: PhraseIndex, turn: TurnText, sink: DetectionSink, rules: readonly CompiledRule[], lexicon: Lexicon, cheers: () => boolean): CounterSpan[] | undefined {
  const tokens = turn.tokens;
  let spans: CounterSpan[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const match = index.longestAt(tokens, i);
    if (!match) continue;
    for (const ruleIndex of match.rules) {
      const rule = rules[ruleIndex]!;
      const { spec } = rule;
      if ((spec.alone && !standsAlone(turn, match.start, match.end)) || cancelled(rule, turn, match.start, match.end, lexicon, cheers)) continue;
      sink.counter(spec.category, match.start);
      (spans ??= []).push({ category: spec.category, start: match.start, end: match.end });
    }
  }
  return spans;
}

interface CounterSpan {
  category: string;
  start: number;
  end: number;
}

function startsAmong(spans: readonly CounterSpan[], category: string, at: number): boolean {
  for (const span of spans) if (span.category === category && span.start <= at && at < span.end) return true;
  return false;
}

/** Whether the rule's own terms cancel its match at tokens [start, end): a negation before it (unless the rule
 * ignores negation), one of its exceptions, or a cheering turn where the rule asks for that. */
function cancelled(rule: CompiledRule, turn: TurnText, start: number, end: number, lexicon: Lexicon, cheers: () => boolean): boolean {
  const { spec, exceptions } = rule;
  return (spec.negation === 'respect' && negatedBefore(turn.tokens, start, lexicon, turn.text)) || excepted(exceptions, turn.tokens, start, end) || (spec.unless.cheering && cheers());
}

/** Whether one of a rule's exceptions cancels the match at tokens [start, end): a plain loop, as this runs for every match. */
function excepted(exceptions: readonly CompiledException[], tokens: TurnText['tokens'], start: number, end: number): boolean {
  for (const { window, followedBy, precededBy } of exceptions) {
    if (followedBy?.startsWithin(tokens, end, window) || precededBy?.endsWithin(tokens, start, window)) return true;
  }
  return false;
}

/** Whether the words of tokens [start, end) are the whole reply: before them only punctuation and a
 * @handle, after them only punctuation other than "!" and "?" (an exclamation is as often friendly:
 * "Nope!") up to the sign-off ("Nope. ^JR"), which audits, lint and eval have already taken off
 * (evidence-text.ts) and a direct call has not. */
function standsAlone(turn: TurnText, start: number, end: number): boolean {
  const { tokens, text } = turn;
  for (let i = 0; i < start; i++) if (!isPunctuation(tokens[i]!.norm) && !isHandle(text, tokens[i]!)) return false;
  const body = splitSignOff(text).text.length;
  for (let i = end; i < tokens.length && tokens[i]!.start < body; i++) {
    const norm = tokens[i]!.norm;
    if (!isPunctuation(norm) || norm.startsWith('!') || norm.startsWith('?')) return false;
  }
  return true;
}

function buildIndex(phrases: string[], lexicon: Lexicon): PhraseIndex {
  return phraseIndex(lexicon.fillers, phrases.map((phrase) => [phrase, 0] as const), lexicon.negators, lexicon.shorthand);
}
