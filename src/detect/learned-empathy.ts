// The learned empathy detector: a logistic model per empathy category over the words of an agent message
// (empathy-grams.ts), trained on labeled messages by scripts/train-empathy.mjs. It reports a category the
// phrase rules neither found nor set aside (by a negation or an exception) in the turn, when the model's
// probability reaches its threshold, quoting the sentence that weighs most for that category.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Detector, DetectionSink, TurnText } from './detector.js';
import { gramWords, MAX_GRAM, type Negation } from './empathy-grams.js';
import { isPunctuation } from './tokenize.js';

export const EMPATHY_MODEL_FILE = fileURLToPath(new URL('./data/empathy-model.json', import.meta.url));
export const LEARNED_RULE = 'empathy/learned';

export interface EmpathyModel {
  categories: string[];
  /** A category is reported at or above this probability. */
  threshold: number;
  bias: number[];
  /** Per gram (words joined by spaces), its weight toward each category, in log-odds. */
  weights: Record<string, number[]>;
}

/** The grams as a tree of words, so a message is read without building a string per gram. */
interface GramNode {
  weights?: number[];
  next?: Map<string, GramNode>;
}

export function loadEmpathyModel(): EmpathyModel {
  return JSON.parse(readFileSync(EMPATHY_MODEL_FILE, 'utf8')) as EmpathyModel;
}

export function createLearnedEmpathyDetector(model: EmpathyModel, negation: Negation): Detector {
  const root = new Map<string, GramNode>();
  for (const [gram, weights] of Object.entries(model.weights)) {
    const words = gram.split(' ');
    let level = root;
    words.forEach((word, n) => {
      let node = level.get(word);
      if (!node) level.set(word, (node = {}));
      if (n === words.length - 1) node.weights = weights;
      else level = node.next ??= new Map();
    });
  }
  const { categories, bias } = model;
  const cut = Math.log(model.threshold / (1 - model.threshold));

  return {
    id: 'learned-empathy',
    roles: ['agent'],
    detect(turn: TurnText, sink: DetectionSink): void {
      const tokens = turn.tokens;
      if (tokens.length === 0) return;
      const { words, sentences } = gramWords(tokens, negation);
      const scores = bias.slice();
      const bySentence: number[][] = [];
      for (let i = 0; i < words.length; i++) {
        let level: Map<string, GramNode> | undefined = root;
        for (let n = 0; n < MAX_GRAM && level && i + n < words.length; n++) {
          const node: GramNode | undefined = level.get(words[i + n]!);
          if (!node) break;
          if (node.weights) {
            const row = (bySentence[sentences[i]!] ??= categories.map(() => 0));
            for (let c = 0; c < categories.length; c++) {
              scores[c]! += node.weights[c]!;
              row[c]! += node.weights[c]!;
            }
          }
          level = node.next;
        }
      }
      categories.forEach((category, c) => {
        if (scores[c]! < cut || sink.settled(category)) return;
        let best = 0;
        bySentence.forEach((row, s) => void (row[c]! > (bySentence[best]?.[c] ?? -Infinity) && (best = s)));
        const quote = sentenceText(turn, sentences, best);
        const percent = Math.floor(100 / (1 + Math.exp(-scores[c]!)));
        sink.addFinding({ rule: LEARNED_RULE, kind: 'empathy', category, match: quote, message: `Agent's words read as ${category} to the learned model (${percent}%): '${quote}'.` });
      });
    },
  };
}

/** The text of one sentence of the turn, without its closing punctuation. */
function sentenceText(turn: TurnText, sentences: readonly number[], sentence: number): string {
  const tokens = turn.tokens;
  // Token j is word j + 1 (word 0 is the message's start).
  let first = sentences.indexOf(sentence, 1) - 1;
  let last = sentences.lastIndexOf(sentence, tokens.length) - 1;
  if (first < 0) first = 0;
  if (last < first) last = tokens.length - 1;
  while (last > first && isPunctuation(tokens[last]!.norm)) last -= 1;
  while (first < last && isPunctuation(tokens[first]!.norm)) first += 1;
  return turn.text.slice(tokens[first]!.start, tokens[last]!.end);
}
