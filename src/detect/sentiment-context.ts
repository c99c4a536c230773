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

export function loadFeatureContext(): FeatureContext {
  const lexicon = loadLexicon();
  const { cues, maskedWords = {} } = parse(readFileSync(CUES_FILE, 'utf8')) as { cues: Record<string, string[]>; maskedWords?: Record<string, string[]> };
  const cueNames = Object.keys(cues);
  // Cues match on exact words: no fillers, so "still waiting" is not "still really not waiting".
  const index = PhraseIndex.of(new Set(), cueNames.flatMap((name, i) => cues[name]!.map((phrase) => [phrase, i] as const)));
  const masking = new Map(Object.entries(maskedWords).map(([name, words]) => [cueNames.indexOf(name), new Set(words)] as const));
  if (masking.has(-1)) throw new Error(`${CUES_FILE}: maskedWords names a cue group that is not in cues`);
  return { cues: index, cueNames, masking, negators: lexicon.negators };
}

export function loadSentimentModel(): LinearModel {
  return JSON.parse(readFileSync(SENTIMENT_MODEL_FILE, 'utf8')) as LinearModel;
}
