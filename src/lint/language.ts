// Whether a response is written in English: responses in other languages are skipped, not flagged,
// since every phrase rule is English.

import { PLACEHOLDER } from '../conversations/evidence-text.js';

/** Common function words of English and of the other languages support libraries are most often in. */
const ENGLISH = new Set('the a an and or but to of in on for with you your we our us is are was be it this that have has please thank thanks can will not if at as by from'.split(' '));
const OTHER = new Set('de la el que y los las del se por con una un es le les et est des une pour pas vous nous und der die das ist nicht ein eine mit sie wir ihr het een van voor wij uw niet met op om não para com uma você il di che per non sono della ci'.split(' '));

export function isEnglish(text: string): boolean {
  const letters = text.replace(PLACEHOLDER, ' ').match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return true;
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length;
  if (latin / letters.length < 0.7) return false;
  const words = text.replace(PLACEHOLDER, ' ').toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH.has(w)).length;
  const other = words.filter((w) => OTHER.has(w)).length;
  // Latin-script text is English unless another language's function words clearly outnumber English ones.
  return !(other >= 2 && other > english);
}
