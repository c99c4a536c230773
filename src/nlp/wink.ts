// The only module that loads wink-nlp: sentence-level sentiment scores from its English model.
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import type modelType from 'wink-eng-lite-web-model';

// Loaded on first use, not at import: commands that never score sentiment (lint, rules, --version)
// start without parsing the model.
const require = createRequire(import.meta.url);
let winkNLP: typeof winkNLPType;
let model: typeof modelType;

/** wink-nlp's word cache grows with every unseen token (ids, names): about 0.5 KB a document on ticket
 * text (300k documents took its heap from 18 to 171 MB), so a fresh instance every 100,000 documents
 * bounds it near 50 MB; building one costs about 120 ms, which 100,000 documents amortise. */
const RECYCLE_EVERY = 100_000;

export interface SentenceScorer {
  /** The sentiment of each sentence of `text`, each in -1..1. */
  scoreSentences(text: string): number[];
}

export function createSentenceScorer(): SentenceScorer {
  let nlp = load();
  let used = 0;
  return {
    scoreSentences(text: string): number[] {
      if (++used > RECYCLE_EVERY) {
        nlp = load();
        used = 1;
      }
      // One call for all sentences: cheaper than reading each sentence item.
      return nlp.readDoc(steadyText(text)).sentences().out(nlp.its.sentiment) as unknown as number[];
    },
  };
}

/** wink-nlp tokenises a word it has not seen yet differently from one already in its word cache when
 * punctuation is glued to it ("UA871...", "U.K."), so a sentence's score could depend on the texts
 * read before it, and the report on how turns were spread over workers. Runs of dots after a word get
 * a space, and dotted abbreviations lose their dots ("U.K." -> "UK"): the same tokens either way.
 * On 75,409 real customer texts, read twice and in reverse order, 10 and 7 texts differed before and
 * 1 and 1 after. Neither change touches a word that carries sentiment. */
const TRAILING_RUN = /(^|\s)([\p{L}\p{N}'’-]+)([.!?…]{2,}|…)/gu;
const DOTTED = /\b(?:\p{L}\.){2,}/gu;

export function steadyText(text: string): string {
  let out = text;
  if (out.includes('..') || out.includes('…') || /[!?][.!?]/.test(out)) out = out.replace(TRAILING_RUN, '$1$2 $3');
  if (/\p{L}\.\p{L}\./u.test(out)) out = out.replace(DOTTED, (m) => m.replaceAll('.', ''));
  return out;
}

/** The model's metaCER() re-stringifies its own module state on every call, so the string doubles in
 * size each time a wink-nlp instance is made, and about the twentieth instance in one process fails with
 * "Invalid string length". Its first result is kept and handed to every instance instead. */
let stableModel: typeof modelType | undefined;

function load(): ReturnType<typeof winkNLPType> {
  if (!stableModel) {
    winkNLP = require('wink-nlp') as typeof winkNLPType;
    model = require('wink-eng-lite-web-model') as typeof modelType;
    const meta = (model as unknown as { metaCER: () => unknown }).metaCER();
    stableModel = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as typeof modelType, model, { metaCER: () => meta });
  }
  // Only the steps sentiment needs: about twice as fast as the default pipe.
  return winkNLP(stableModel, ['sbd', 'negation', 'sentiment']);
}
