// The learned empathy detector: a logistic model per empathy category over the words of an agent message
// (empathy-grams.ts), trained on labeled messages by scripts/train-empathy.mjs. It reports a category the
// phrase rules neither found nor set aside (by a negation or an exception) in a turn without temper, when
// the model's probability reaches its threshold, quoting the sentence that weighs most for that category.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEMPER_CATEGORIES, type Detector, type DetectionSink, type TurnText } from './detector.js';
import { gramWords, type Negation } from './empathy-grams.js';
import { GramIndex } from './gram-index.js';
import { isHandle, isPunctuation } from './tokenize.js';

export const EMPATHY_MODEL_FILE = fileURLToPath(new URL('./data/empathy-model.json', import.meta.url));
export const LEARNED_RULE = 'empathy/learned';
const NO_SENTENCES: ReadonlySet<number> = new Set();

export interface EmpathyModel {
  categories: string[];
  /** A category is reported at or above this probability. */
  threshold: number;
  bias: number[];
  /** The grams the model weighs, each its words joined by spaces. */
  grams: string[];
  /** Per gram, in the order of `grams`, its weight toward each category in turn, in log-odds. */
  weights: number[];
}

export function loadEmpathyModel(): EmpathyModel {
  return JSON.parse(readFileSync(EMPATHY_MODEL_FILE, 'utf8')) as EmpathyModel;
}

export function createLearnedEmpathyDetector(model: EmpathyModel, negation: Negation): Detector {
  return learnedDetector(model, Float64Array.from(model.weights), new GramIndex(model.grams, negation), negation);
}

/** The detector of a model whose weights and grams are already tables (empathy-snapshot.ts reads them). */
export function learnedDetector(model: Pick<EmpathyModel, 'categories' | 'threshold' | 'bias'>, weights: Float64Array, index: GramIndex, negation: Negation): Detector {
  const { categories, bias } = model;
  const k = categories.length;
  const cut = Math.log(model.threshold / (1 - model.threshold));
  // Reused from turn to turn: detect runs to the end before the next call.
  const scores = new Float64Array(k);

  /** Per sentence, how much its grams, the `n` the index last collected, weigh toward category `c` (a gram
   * belongs to its first word's sentence). */
  function sentenceWeights(sentences: readonly number[], n: number, c: number): number[] {
    const sums: number[] = [];
    for (let g = 0; g < n; g++) {
      const s = sentences[index.starts[g]!]!;
      sums[s] = (sums[s] ?? 0) + weights[index.rows[g]! * k + c]!;
    }
    return sums;
  }

  /** The sentence that weighs most, of those not left out. */
  function weightiest(sums: readonly number[], out: ReadonlySet<number>): number {
    let best = -1;
    sums.forEach((sum, s) => void (!out.has(s) && (best < 0 || sum > sums[best]!) && (best = s)));
    return best;
  }

  return {
    id: 'learned-empathy',
    roles: ['agent'],
    detect(turn: TurnText, sink: DetectionSink): void {
      // Trained on replies with next to no temper, the model does not know hostile words: "you should
      // have read the notes" weighs as a stated standard. In a turn with temper it says nothing (temper
      // words a rule set aside, such as cheering in capitals, are not temper).
      if (turn.tokens.length === 0 || TEMPER_CATEGORIES.some((category) => sink.found(category))) return;
      scores.set(bias);
      const n = index.collect(turn.tokens);
      const rows = index.rows;
      for (let g = 0; g < n; g++) for (let c = 0, at = rows[g]! * k; c < k; c++) scores[c]! += weights[at + c]!;
      let sentences: number[] | undefined;
      for (let c = 0; c < k; c++) {
        if (scores[c]! < cut || sink.settled(categories[c]!)) continue;
        const category = categories[c]!;
        sentences ??= gramWords(turn.tokens, negation, turn.text).sentences;
        const sums = sentenceWeights(sentences, n, c);
        // A sentence a counter rule marked weighs nothing toward its category (token j is word j + 1).
        const marks = sink.countered(category);
        const out = marks.length === 0 ? NO_SENTENCES : new Set(marks.map((at) => sentences![at + 1]!));
        let score = scores[c]!;
        for (const s of out) score -= sums[s] ?? 0;
        const best = weightiest(sums, out);
        if (score < cut || best < 0) continue;
        const percent = Math.floor(100 / (1 + Math.exp(-score)));
        const quote = sentenceText(turn, sentences, best);
        sink.addFinding({ rule: LEARNED_RULE, kind: 'empathy', category, match: quote, message: `Agent's words read as ${category} to the learned model (${percent}%): '${quote}'.`, confidence: percent / 100 });
      }
    },
  };
}

/** The text of one sentence of the turn, without its closing punctuation or a leading @handle. */
function sentenceText(turn: TurnText, sentences: readonly number[], sentence: number): string {
  const tokens = turn.tokens;
  // Token j is word j + 1 (word 0 is the message's start).
  let first = sentences.indexOf(sentence, 1) - 1;
  let last = sentences.lastIndexOf(sentence, tokens.length) - 1;
  if (first < 0) first = 0;
  if (last < first) last = tokens.length - 1;
  while (last > first && isPunctuation(tokens[last]!.norm)) last -= 1;
  // Nor a leading @handle: "@115712 We hear you" quotes "We hear you".
  while (first < last && (isPunctuation(tokens[first]!.norm) || isHandle(turn.text, tokens[first]!))) first += 1;
  return turn.text.slice(tokens[first]!.start, tokens[last]!.end);
}
