// Detection of a batch of turns in two passes: first the phrase rules over the agent turns; then the
// customer turns (customers()), on this thread or a worker: each one's phrase rules (hostile text) and
// the sentiment model's own features on one set of tokens while they are at hand (keeping the tokens
// for later cost about 3% more: they outlive the young heap), then wink-nlp over all the batch's
// customer texts in a row, which keeps its tables in the processor's cache (about 10% faster than
// reading them turn by turn), and each customer's sentiment from the sentiment model.
import type { Role } from './detect/detector.js';
import { createDefaultEngine, LazyTurnText, type DetectionEngine, type TurnAnalysis } from './detect/engine.js';
import type { RuleSpec } from './detect/rule-spec.js';
import { createSentimentModel, type SentimentModel } from './detect/sentiment.js';
import { loadFeatureContext } from './detect/sentiment-context.js';
import { loadShippedSentiment } from './detect/sentiment-snapshot.js';
import { evidenceText } from './conversations/evidence-text.js';
import { redact } from './conversations/redact.js';
import { createSentenceScorer, type SentenceScorer } from './nlp/wink.js';

export interface TurnInput {
  role: Role;
  text: string;
}

/** A batch after the first pass: each turn's findings, and the customer texts wink-nlp is to read. */
export interface FirstPass {
  analyses: TurnAnalysis[];
  /** For each customer turn: its place in `analyses` and its text. */
  customers: number[];
  texts: string[];
}

export class TwoPass {
  // Each part is loaded when first needed: a worker that is only sent customer turns holds the temper
  // rules alone, and the reading thread never holds wink-nlp and the sentiment model when workers run them.
  private engine: DetectionEngine | undefined;
  private customerEngine: DetectionEngine | undefined;
  private model: SentimentModel | undefined;
  private scorer: SentenceScorer | undefined;

  constructor(
    private readonly rules: RuleSpec[],
    private readonly mask: boolean,
    /** Whether the learned empathy model reads agent turns (a config can turn it off). */
    private readonly learned = true,
  ) {}

  /** The first pass: the agent turns' findings; the customer turns are left for customers(), on this
   * thread or another. */
  first(turns: Iterable<TurnInput>): FirstPass {
    this.engine ??= createDefaultEngine(this.rules, { sentiment: false, learned: this.learned });
    const pass: FirstPass = { analyses: [], customers: [], texts: [] };
    for (const { role, text } of turns) {
      if (role === 'customer') {
        pass.customers.push(pass.analyses.length);
        pass.texts.push(text);
        pass.analyses.push({ sentiment: null, findings: [] });
        continue;
      }
      // Agents are read without placeholders and sign-offs, which are never evidence.
      pass.analyses.push(this.masked(this.engine.analyseTurn(role, new LazyTurnText(role === 'agent' ? evidenceText(text) : text))));
    }
    return pass;
  }

  /** Customer turns analysed whole: their phrase rules and the sentiment model's own features on one set
   * of tokens, then wink-nlp over all the texts in a row, then each sentiment. */
  customers(texts: readonly string[]): TurnAnalysis[] {
    const engine = this.prepareCustomers();
    const model = this.model!;
    const scorer = this.scorer!;
    const partials: number[][] = [];
    const analyses = texts.map((text) => {
      const turnText = new LazyTurnText(text);
      partials.push(model.partial(turnText));
      return this.masked(engine.analyseTurn('customer', turnText));
    });
    const scores = texts.map((text) => scorer.scoreSentences(text));
    analyses.forEach((analysis, i) => (analysis.sentiment = model.complete(partials[i]!, scores[i]!)));
    return analyses;
  }

  /** Loads what customers() needs (a worker does so as it starts, while the reading thread makes its
   * first batches); the engine that reads customer turns: this thread's own when it reads agent turns
   * too, else one of the customer detectors alone. */
  prepareCustomers(): DetectionEngine {
    this.scorer ??= createSentenceScorer();
    this.model ??= loadModel();
    return (this.customerEngine ??= this.engine ?? createDefaultEngine(this.rules, { sentiment: false, roles: ['customer'] }));
  }

  /** The pass's analyses, with its customer turns as customers() analysed them. */
  merge(pass: FirstPass, customers: readonly TurnAnalysis[]): TurnAnalysis[] {
    pass.customers.forEach((at, i) => {
      pass.analyses[at] = customers[i]!;
    });
    return pass.analyses;
  }

  /** Both passes on this thread. */
  analyse(turns: Iterable<TurnInput>): TurnAnalysis[] {
    const pass = this.first(turns);
    return this.merge(pass, this.customers(pass.texts));
  }

  private masked(analysis: TurnAnalysis): TurnAnalysis {
    if (this.mask) analysis.findings = analysis.findings.map((f) => ({ ...f, match: redact(f.match), message: redact(f.message) }));
    return analysis;
  }
}

function loadModel(): SentimentModel {
  return createSentimentModel(loadShippedSentiment(), loadFeatureContext());
}
