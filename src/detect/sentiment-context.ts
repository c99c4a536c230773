// Loads what the sentiment model needs besides its weights: the cue groups and the negators.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { LinearModel } from './linear-model.js';
import { loadLexicon } from './load-rules.js';
import { PhraseIndex } from './phrase-index.js';
import type { FeatureContext } from './sentiment-features.js';

export const SENTIMENT_MODEL_FILE = fileURLToPath(new URL('./data/sentiment-model.json', import.meta.url));
const CUES_FILE = fileURLToPath(new URL('./data/sentiment-cues.yaml', import.meta.url));
/** Cue groups whose words count only as the cue: sarcasm says the opposite of its words. */
const MASKING_GROUPS = ['sarcasm'];

export function loadFeatureContext(): FeatureContext {
  const lexicon = loadLexicon();
  const { cues, sarcasmWords } = parse(readFileSync(CUES_FILE, 'utf8')) as { cues: Record<string, string[]>; sarcasmWords: string[] };
  const cueNames = Object.keys(cues);
  // Cues match on exact words: no fillers, so "still waiting" is not "still really not waiting".
  const index = PhraseIndex.of(new Set(), cueNames.flatMap((name, i) => cues[name]!.map((phrase) => [phrase, i] as const)));
  return { cues: index, cueNames, masking: new Set(MASKING_GROUPS.map((name) => cueNames.indexOf(name)).filter((i) => i >= 0)), maskedWords: new Set(sarcasmWords), negators: lexicon.negators };
}

export function loadSentimentModel(): LinearModel {
  return JSON.parse(readFileSync(SENTIMENT_MODEL_FILE, 'utf8')) as LinearModel;
}
