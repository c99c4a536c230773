// Runs every detector that reads a turn's role and gathers what they found.
import { createSentenceScorer } from '../nlp/wink.js';
import type { DetectionSink, Detector, Finding, Role, Sentiment, TurnText } from './detector.js';
import { loadLearnedEmpathyDetector } from './empathy-snapshot.js';
import type { LinearModel } from './linear-model.js';
import { loadBuiltinRules, loadLexicon } from './load-rules.js';
import { compilePhraseRules } from './phrase-detector.js';
import { readsCustomers, type RuleSpec } from './rule-spec.js';
import { createSentimentDetector, createSentimentModel } from './sentiment.js';
import { loadFeatureContext } from './sentiment-context.js';
import { loadShippedSentiment } from './sentiment-snapshot.js';
import { createEyeRollDetector } from './eye-roll.js';
import { createHindsightDetector } from './hindsight.js';
import { createOwnedFaultDetector } from './owned-fault.js';
import { createShoutingDetector } from './shouting.js';
import { tokenize, type Token } from './tokenize.js';
import { boundText } from './bound-text.js';

export interface TurnAnalysis {
  sentiment: Sentiment | null;
  findings: Finding[];
}

/** A turn's text whose tokens are made on first use and then shared by every detector. */
export class LazyTurnText implements TurnText {
  private cached: Token[] | undefined;
  constructor(readonly text: string) {}
  get tokens(): Token[] {
    this.cached ??= tokenize(this.text);
    return this.cached;
  }
}

export class DetectionEngine {
  private readonly byRole: Record<Role, Detector[]>;

  constructor(detectors: Detector[]) {
    this.byRole = { customer: [], agent: [], other: [] };
    for (const detector of detectors) for (const role of detector.roles) this.byRole[role].push(detector);
  }

  /** Analyses a text as a turn: at most its bounded part (bound-text.ts), as an audit reads it. */
  analyse(role: Role, text: string): TurnAnalysis {
    return this.analyseTurn(role, new LazyTurnText(boundText(text).text));
  }

  analyseTurn(role: Role, turn: TurnText): TurnAnalysis {
    const result: TurnAnalysis = { sentiment: null, findings: [] };
    const detectors = this.byRole[role];
    if (detectors.length === 0) return result;
    const sink = this.sink.start(result);
    for (const detector of detectors) detector.detect(turn, sink);
    return result;
  }

  /** One sink, reset for each turn: detectors run to the end of a turn before the next one starts. */
  private readonly sink = new TurnSink();
}

const NONE: readonly number[] = [];

/** Where the detectors of one turn put what they found, and what they set aside. */
class TurnSink implements DetectionSink {
  private result: TurnAnalysis = { sentiment: null, findings: [] };
  private readonly setAsideCategories = new Set<string>();
  private readonly counters = new Map<string, number[]>();

  start(result: TurnAnalysis): this {
    this.result = result;
    this.setAsideCategories.clear();
    this.counters.clear();
    return this;
  }

  addFinding(finding: Finding): void {
    this.result.findings.push(finding);
  }

  setAside(category: string): void {
    this.setAsideCategories.add(category);
  }

  counter(category: string, at: number): void {
    const list = this.counters.get(category);
    if (list) list.push(at);
    else this.counters.set(category, [at]);
  }

  countered(category: string): readonly number[] {
    return this.counters.get(category) ?? NONE;
  }

  found(category: string): boolean {
    return this.result.findings.some((f) => f.category === category);
  }

  settled(category: string): boolean {
    return this.setAsideCategories.has(category) || this.found(category);
  }

  setSentiment(sentiment: Sentiment): void {
    this.result.sentiment = sentiment;
  }
}

/** The engine with the built-in rules and, unless `sentiment` is false (attune lint reads only agent
 * text, and audits score sentiment in two passes, two-pass.ts), the wink-nlp model and the sentiment
 * model, which take most of the start-up time; unless `learned` is false (a team's config sets
 * `empathy/learned: off`), the learned empathy model. With `roles`, only the detectors that read those roles
 * (a thread that reads customer turns alone never compiles the agent phrase library). `sentimentModel` stands in
 * for the shipped sentiment weights (npm run accuracy scores the model trained on half the data with it). */
export function createDefaultEngine(rules: RuleSpec[] = loadBuiltinRules(), options: { sentiment?: boolean; roles?: readonly Role[]; learned?: boolean; sentimentModel?: LinearModel } = {}): DetectionEngine {
  const lexicon = loadLexicon();
  const reads = (role: Role): boolean => options.roles?.includes(role) ?? true;
  const detectors: Detector[] = [];
  if (options.sentiment !== false && reads('customer')) detectors.push(createSentimentDetector(createSentenceScorer(), createSentimentModel(options.sentimentModel ?? loadShippedSentiment(), loadFeatureContext())));
  if (reads('agent')) detectors.push(compilePhraseRules(rules, lexicon), createHindsightDetector(lexicon.cheer), createOwnedFaultDetector(), createEyeRollDetector(lexicon.cheer));
  // On customer turns, temper phrases and shouting mark hostile text: the anger an agent absorbs. Not a
  // rule of bare replies (a customer's "Nope." answers "Do you need anything else?") or of agents' words.
  if (reads('customer')) detectors.push(compilePhraseRules(rules.filter(readsCustomers), lexicon, ['customer']), createShoutingDetector(lexicon.acronyms, ['customer'], lexicon.cheer));
  if (reads('agent')) detectors.push(createShoutingDetector(lexicon.acronyms, ['agent'], lexicon.cheer, lexicon.pointed));
  // Last: the learned model speaks only where the phrase rules did not, and not in a turn with temper.
  if (reads('agent') && options.learned !== false) detectors.push(loadLearnedEmpathyDetector({ negators: lexicon.negators, window: lexicon.negationWindow }));
  return new DetectionEngine(detectors);
}
