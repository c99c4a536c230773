// Features of a customer turn for the sentiment model: words with negation scope marked, word pairs,
// support-domain cue groups, emoji, shape (caps, "!!!", questions) and wink-nlp's lexicon score.
// The training script names the features; the detector (sentiment.ts) walks the same tokens, negation,
// cues and shape with these helpers and sums weights from tables, and a test holds the two equal.
import type { PhraseIndex } from './phrase-index.js';
import { isPunctuation, tokenize, type Token } from './tokenize.js';

export type Features = Map<string, number>;

export interface FeatureContext {
  cues: PhraseIndex;
  cueNames: string[];
  /** Cue groups, by index into `cueNames`, inside whose matches these words are not read as words
   * (sarcasm: the "great" and "thanks" of "great, thanks for nothing" are no praise). */
  masking: ReadonlyMap<number, ReadonlySet<string>>;
  negators: ReadonlySet<string>;
}

const MENTION_OR_URL = /(?:https?:\/\/|www\.)\S+|@\w+/gi;
export const POSITIVE_EMOJI = /[😀😃😄😁😆😊🙂😍🥰😘❤💕💖👍🙏🎉😎🤗👏🌟⭐💯🙌]|[:;]-?[)D]|<3/gu;
const NEGATIVE_EMOJI = /[😡😠🤬😤😞😢😭😩😫👎💔😒🙄😣😖😔😕]|:-?[(/\\]|>:\(/gu;

/** Every feature of a turn: each distinct word and word pair once (binary presence, so a long rant
 * does not outweigh its own words by repetition), cues per occurrence, then shape and wink-nlp's scores. */
export function sentimentFeatures(text: string, winkScores: readonly number[], context: FeatureContext): Features {
  const features: Features = new Map();
  const emit = (name: string, value: number) => features.set(name, (features.get(name) ?? 0) + value);
  const { clean, tokens } = featureTokens(text);
  const masked = addCues(tokens, context, (name) => emit(name, 1));
  const words = markNegation(tokens, context.negators, masked);
  for (let i = 0; i < words.length; i++) {
    features.set(`w:${words[i]}`, 1);
    if (i > 0) features.set(`b:${words[i - 1]}_${words[i]}`, 1);
  }
  for (const [name, value] of shapeOf(clean)) emit(name, value);
  winkFeatures(winkScores, emit);
  return features;
}

/** The text without mentions and links, and its tokens; the turn's own tokens serve when nothing was
 * removed (one tokenisation per turn, not two). */
export function featureTokens(text: string, tokensOfText?: Token[]): { clean: string; tokens: Token[] } {
  MENTION_OR_URL.lastIndex = 0;
  const hasLinks = MENTION_OR_URL.test(text);
  const clean = hasLinks ? text.replace(MENTION_OR_URL, ' ') : text;
  return { clean, tokens: !hasLinks && tokensOfText ? tokensOfText : tokenize(clean) };
}

/** wink-nlp's sentence scores as three features (mean, lowest, highest of the voiced sentences). */
export function winkFeatures(winkScores: readonly number[], emit: (name: string, value: number) => void): void {
  let sum = 0;
  let voiced = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const score of winkScores) {
    if (score === 0) continue;
    voiced += 1;
    sum += score;
    if (score < min) min = score;
    if (score > max) max = score;
  }
  if (voiced > 0) {
    emit('wink:mean', sum / voiced);
    emit('wink:min', min);
    emit('wink:max', max);
  } else emit('wink:none', 1);
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** Words in scope of a negator ("not happy") become "not_happy" until the clause ends. Tokens marked
 * in `masked` give no word (a negator among them still negates what follows). */
export function markNegation(tokens: readonly Token[], negators: ReadonlySet<string>, masked?: Uint8Array): string[] {
  const out: string[] = [];
  let negated = false;
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    const word = isNumber(norm) ? '<num>' : norm;
    if (isPunctuation(word)) {
      negated = false;
      if (word.includes('!') || word.includes('?')) out.push(word.includes('?') ? '?' : '!');
      continue;
    }
    if (masked?.[i] !== 1) out.push(negated ? `not_${word}` : word);
    if (negators.has(word)) negated = true;
  }
  return out;
}

/** Adds each cue the tokens hold; returns the tokens a masking cue takes from the words (1), or
 * undefined when there are none. */
export function addCues(tokens: readonly Token[], context: FeatureContext, add: (name: string) => void): Uint8Array | undefined {
  let masked: Uint8Array | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const match = context.cues.longestAt(tokens, i);
    if (!match) continue;
    const group = match.rules[0]!;
    add(`cue:${context.cueNames[group]}`);
    const words = context.masking.get(group);
    if (words) for (let k = i; k < match.end; k++) if (words.has(tokens[k]!.norm)) (masked ??= new Uint8Array(tokens.length))[k] = 1;
    i = match.end - 1;
  }
  return masked;
}

export function shapeOf(text: string): [string, number][] {
  const shape: [string, number][] = [];
  let letters = 0;
  let upper = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters += 1;
      upper += 1;
    } else if (c >= 97 && c <= 122) letters += 1;
    else if (c > 127) ascii = false;
  }
  if (!ascii) {
    // Other scripts and accents: count them the slow, exact way.
    letters = text.replace(/[^\p{L}]/gu, '').length;
    upper = text.replace(/[^\p{Lu}]/gu, '').length;
  }
  if (letters >= 12 && upper / letters > 0.6) shape.push(['shape:caps', 1]);
  if (text.includes('!!')) shape.push(['shape:bangs', 1]);
  if (/\?\s*$/.test(text)) shape.push(['shape:ends-with-question', 1]);
  if (!ascii || /[:;<>]/.test(text)) {
    const positive = text.match(POSITIVE_EMOJI)?.length ?? 0;
    const negative = text.match(NEGATIVE_EMOJI)?.length ?? 0;
    if (positive > 0) shape.push(['emoji:positive', Math.min(positive, 3)]);
    if (negative > 0) shape.push(['emoji:negative', Math.min(negative, 3)]);
  }
  return shape;
}
