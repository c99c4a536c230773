// The only module that loads wink-nlp: sentence-level sentiment scores from its English model.
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';
import type modelType from 'wink-eng-lite-web-model';
import { releasedLargeObject } from '../heap-keeper.js';

// Loaded on first use, not at import: commands that never score sentiment (lint, rules, --version)
// start without parsing the model.
const require = createRequire(import.meta.url);
let winkNLP: typeof winkNLPType;
let model: typeof modelType;

/** wink-nlp's word cache grows with every token it has not seen yet (order numbers, names, addresses):
 * about 130 bytes a word, and text full of ids adds several words a document (300,000 such documents
 * took its heap up by 220 MB). A fresh instance is made once 100,000 words have been added, about 13 MB
 * (and, with the garbage a thread keeps before it collects, a few times that in memory); building one
 * costs about 120 ms, and its cache starts cold. The bench's customer texts add a word in 6 documents
 * (1,000,000 turns need no second instance); the real airline customer tweets 3 words in 4 (one instance
 * every 130,000). The count comes from the ids of the tokens (`its.uniqueId`: a word added to the cache
 * takes the next id), read every 32nd document. */
const WORD_BUDGET = 100_000;
const SAMPLE_EVERY = 32;

export interface SentenceScorer {
  /** The sentiment of each sentence of `text`, each in -1..1. */
  scoreSentences(text: string): number[];
  /** How many wink-nlp instances it has made so far. */
  readonly instances: number;
}

/** `wordBudget`: the new words a wink-nlp instance may cache before a fresh one takes over. */
export function createSentenceScorer(wordBudget = WORD_BUDGET): SentenceScorer {
  let nlp = load();
  let first = firstNewId(nlp);
  let highest = first;
  let read = 0;
  let instances = 1;
  return {
    get instances() {
      return instances;
    },
    scoreSentences(text: string): number[] {
      if (highest - first > wordBudget) {
        releasedLargeObject();
        nlp = load();
        highest = first = firstNewId(nlp);
        instances += 1;
      }
      const doc = nlp.readDoc(steadyText(text));
      if (++read % SAMPLE_EVERY === 0) highest = Math.max(highest, highestId(doc, nlp));
      // One call for all sentences: cheaper than reading each sentence item.
      return doc.sentences().out(nlp.its.sentiment) as unknown as number[];
    },
  };
}

type Nlp = ReturnType<typeof winkNLPType>;

/** The id the cache gives the next word it has not seen: that of a word no lexicon holds. */
function firstNewId(nlp: Nlp): number {
  return highestId(nlp.readDoc('attuneprobeword'), nlp);
}

function highestId(doc: ReturnType<Nlp['readDoc']>, nlp: Nlp): number {
  let highest = -1;
  for (const id of doc.tokens().out(nlp.its.uniqueId) as unknown as number[]) if (id > highest) highest = id;
  return highest;
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

function load(): Nlp {
  if (!stableModel) {
    winkNLP = require('wink-nlp') as typeof winkNLPType;
    model = require('wink-eng-lite-web-model') as typeof modelType;
    const meta = (model as unknown as { metaCER: () => unknown }).metaCER();
    stableModel = Object.assign(Object.create(Object.getPrototypeOf(model) as object) as typeof modelType, model, { metaCER: () => meta });
  }
  // Only the steps sentiment needs: about twice as fast as the default pipe.
  return winkNLP(stableModel, ['sbd', 'negation', 'sentiment']);
}
