// Features of a customer turn for the sentiment model: words with negation scope marked, word pairs,
// support-domain cue groups, emoji, shape (caps, "!!!", questions) and wink-nlp's lexicon score.
// The training script and the detector share this one function, so they cannot drift apart.
import type { PhraseIndex } from './phrase-index.js';
import { isPunctuation, tokenize, type Token } from './tokenize.js';

export type Features = Map<string, number>;

export interface FeatureContext {
  cues: PhraseIndex;
  cueNames: string[];
  negators: ReadonlySet<string>;
}

const MENTION_OR_URL = /(?:https?:\/\/|www\.)\S+|@\w+/gi;
const POSITIVE_EMOJI = /[😀😃😄😁😆😊🙂😍🥰😘❤💕💖👍🙏🎉😎🤗👏🌟⭐💯🙌]|[:;]-?[)D]|<3/gu;
const NEGATIVE_EMOJI = /[😡😠🤬😤😞😢😭😩😫👎💔😒🙄😣😖😔😕]|:-?[(/\\]|>:\(/gu;

export function sentimentFeatures(text: string, winkScores: readonly number[], context: FeatureContext): Features {
  const features: Features = new Map();
  const add = (name: string, value = 1) => features.set(name, (features.get(name) ?? 0) + value);
  const clean = text.replace(MENTION_OR_URL, ' ');
  const tokens = tokenize(clean);
  const words = markNegation(tokens, context.negators);
  for (let i = 0; i < words.length; i++) {
    add(`w:${words[i]}`);
    if (i > 0) add(`b:${words[i - 1]}_${words[i]}`);
  }
  addCues(tokens, context, add);
  for (const [name, value] of shapeOf(clean)) add(name, value);
  const voiced = winkScores.filter((s) => s !== 0);
  if (voiced.length > 0) {
    add('wink:mean', voiced.reduce((a, b) => a + b, 0) / voiced.length);
    add('wink:min', Math.min(...voiced));
    add('wink:max', Math.max(...voiced));
  } else add('wink:none');
  // Binary presence, not counts: a long rant should not outweigh its own words by repetition.
  for (const [name, value] of features) if (name.startsWith('w:') || name.startsWith('b:')) features.set(name, Math.min(value, 1));
  return features;
}

/** Words in scope of a negator ("not happy") become "not_happy" until the clause ends. */
function markNegation(tokens: readonly Token[], negators: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let negated = false;
  for (const token of tokens) {
    const word = /^\d+$/.test(token.norm) ? '<num>' : token.norm;
    if (isPunctuation(word)) {
      negated = false;
      if (word.includes('!') || word.includes('?')) out.push(word.includes('?') ? '?' : '!');
      continue;
    }
    out.push(negated ? `not_${word}` : word);
    if (negators.has(word)) negated = true;
  }
  return out;
}

function addCues(tokens: readonly Token[], context: FeatureContext, add: (name: string, value?: number) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const match = context.cues.longestAt(tokens, i);
    if (!match) continue;
    add(`cue:${context.cueNames[match.rule]}`);
    i = match.end - 1;
  }
}

function shapeOf(text: string): [string, number][] {
  const shape: [string, number][] = [];
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = text.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 12 && upper.length / letters.length > 0.6) shape.push(['shape:caps', 1]);
  if (/!{2,}/.test(text)) shape.push(['shape:bangs', 1]);
  if (/\?\s*$/.test(text.trim())) shape.push(['shape:ends-with-question', 1]);
  const positive = text.match(POSITIVE_EMOJI)?.length ?? 0;
  const negative = text.match(NEGATIVE_EMOJI)?.length ?? 0;
  if (positive > 0) shape.push(['emoji:positive', Math.min(positive, 3)]);
  if (negative > 0) shape.push(['emoji:negative', Math.min(negative, 3)]);
  return shape;
}
