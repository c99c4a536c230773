// The words the learned empathy model reads: every word, pair and triple of words of a message's tokens
// (with its start and end as words of their own, and a negated word marked), each with its sentence.
import { isPunctuation, type Token } from './tokenize.js';

/** What marks a word as negated: one of `negators` at most `window` words before it, in its clause. */
export interface Negation {
  negators: ReadonlySet<string>;
  window: number;
}

export const MESSAGE_START = '<s>';
export const MESSAGE_END = '</s>';
/** What marks a negated word. */
export const NEGATED = 'not_';
/** The longest run of words the model weighs. */
export const MAX_GRAM = 3;
const SENTENCE_END = /^[.!?\u3002\uff01\uff1f]+$/;

/** The model's word sequence, and for each word the sentence it belongs to (0, 1, …); the sentence of
 * the message's start and end markers is that of the word next to them. A word in a negator's reach is
 * "not_" and the word ("I don't understand" reads "understand" as "not_understand"), as the phrase rules
 * let a negator cancel a phrase. Given the message's `text`, a line break also ends a sentence, so an
 * email's greeting line ("Dear Mr Evans,") is not quoted with the sentence after it; the words are the same. */
export function gramWords(tokens: readonly Token[], negation: Negation, text?: string): { words: string[]; sentences: number[] } {
  const words = [MESSAGE_START];
  const sentences = [0];
  let sentence = 0;
  let fresh = true;
  let reach = 0;
  let previousEnd = 0;
  for (const token of tokens) {
    const word = token.norm;
    // After a first word (`fresh` is false), a line break since the word before starts a new sentence.
    if (text !== undefined && !fresh && text.slice(previousEnd, token.start).includes('\n')) sentence += 1;
    previousEnd = token.end;
    if (isPunctuation(word)) reach = 0;
    words.push(reach > 0 ? NEGATED + word : word);
    sentences.push(sentence);
    fresh = false;
    reach = negation.negators.has(word) ? negation.window : Math.max(0, reach - 1);
    if (SENTENCE_END.test(word)) sentence += 1, fresh = true;
  }
  words.push(MESSAGE_END);
  sentences.push(Math.max(0, SENTENCE_END.test(tokens.at(-1)?.norm ?? '') ? sentence - 1 : sentence));
  return { words, sentences };
}

/** Every gram of the words ("we", "we understand", "we understand how"), named by its words joined with
 * spaces: the training script's features, one per gram, each counted once. */
export function gramFeatures(tokens: readonly Token[], negation: Negation): Map<string, number> {
  const { words } = gramWords(tokens, negation);
  const features = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    let gram = words[i]!;
    features.set(gram, 1);
    for (let n = 1; n < MAX_GRAM && i + n < words.length; n++) {
      gram = `${gram} ${words[i + n]!}`;
      features.set(gram, 1);
    }
  }
  return features;
}
