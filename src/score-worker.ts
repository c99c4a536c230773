// A scoring worker: wink-nlp's sentence sentiment for batches of customer texts. Everything else
// (phrase rules, the features of the sentiment model) runs on the reading thread, which sends only
// the texts and completes each turn's sentiment from the scores sent back.
import { createHeapKeeper } from './heap-keeper.js';
import { createSentenceScorer, type SentenceScorer } from './nlp/wink.js';

export interface ScoringTask {
  texts: string[];
}

let scorer: SentenceScorer | undefined;
const keepHeap = createHeapKeeper();

export default function scoreBatch(task: ScoringTask): number[][] {
  scorer ??= createSentenceScorer();
  return task.texts.map((text) => {
    keepHeap();
    return scorer!.scoreSentences(text);
  });
}
