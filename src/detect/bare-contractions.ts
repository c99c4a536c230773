// Contractions written without their apostrophe ("dont", "im", "thats", "ill check"), as chat agents and
// customers often type them: read as the contraction would be, so negation, phrases and the models see
// "do not", "i am", "that is" whichever way the words were typed.

/** Forms that are no other English word. Words that are ("its", "were", "well", "hell", "shell", "id",
 * "wed", "hes", "shes", "whos") stay as they are; "ill" and "lets" are read by the words around them. */
const BARE: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    cannot: ['can', 'not'],
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    werent: ['were', 'not'],
    cant: ['can', 'not'],
    wont: ['will', 'not'],
    shouldnt: ['should', 'not'],
    couldnt: ['could', 'not'],
    wouldnt: ['would', 'not'],
    havent: ['have', 'not'],
    hasnt: ['has', 'not'],
    hadnt: ['had', 'not'],
    mustnt: ['must', 'not'],
    aint: ['is', 'not'],
    im: ['i', 'am'],
    ive: ['i', 'have'],
    youre: ['you', 'are'],
    youve: ['you', 'have'],
    youll: ['you', 'will'],
    theyre: ['they', 'are'],
    theyve: ['they', 'have'],
    theyll: ['they', 'will'],
    weve: ['we', 'have'],
    thats: ['that', 'is'],
    whats: ['what', 'is'],
    theres: ['there', 'is'],
    heres: ['here', 'is'],
  }),
);

/** Words before "ill" that make it the adjective ("feeling ill", "an ill passenger"), not "I'll". */
const BEFORE_ILL_ADJECTIVE = new Set(['feel', 'feels', 'feeling', 'felt', 'fell', 'falls', 'fall', 'falling', 'taken', 'took', 'got', 'get', 'gets', 'getting', 'is', 'was', 'am', 'are', 'were', 'be', 'been', 'being', 'became', 'become', 'becomes', 'look', 'looks', 'looked', 'seem', 'seems', 'seemed', 'very', 'so', 'too', 'really', 'quite', 'seriously', 'critically', 'terminally', 'mentally', 'chronically', 'an', 'a', 'the', 'and', 'or']);

/** Verbs after "ill" that make it "I'll" even after "and" or "or" ("one sec and ill check", where "sick and
 * ill" keeps the adjective). */
const AFTER_ILL_VERB = new Set(['check', 'look', 'sort', 'get', 'send', 'make', 'take', 'see', 'call', 'email', 'pass', 'ask', 'try', 'fix', 'help', 'keep', 'update', 'add', 'book', 'arrange', 'find', 'follow', 'reach', 'contact', 'escalate', 'raise', 'forward', 'give', 'have', 'be', 'do', 'let', 'just', 'also', 'definitely', 'double', 'chase', 'refund', 'transfer', 'confirm']);

/** Words after "lets" that make it the verb ("it lets me choose"), not "let's". */
const AFTER_LETS_VERB = new Set(['me', 'you', 'him', 'her', 'them', 'us', 'it', 'people', 'anyone', 'everyone', 'someone', 'nobody', 'customers', 'users', 'passengers', 'the', 'a', 'an', 'your', 'my', 'our', 'their', 'his', 'its', 'this', 'that', 'these', 'those']);

/** How `lower` (a word typed without an apostrophe) reads, or undefined when it reads as itself.
 * `before` is the token before it; `text` and `end` give the word after it. */
export function readBareContraction(lower: string, before: string | undefined, text: string, end: number): readonly string[] | undefined {
  if (lower.length < 2 || lower.length > 8) return undefined;
  const bare = BARE.get(lower);
  if (bare !== undefined) return bare;
  if (lower === 'ill') {
    const after = wordAfter(text, end);
    const verbAfterConjunction = (before === 'and' || before === 'or') && AFTER_ILL_VERB.has(after);
    return after !== '' && (verbAfterConjunction || !(before !== undefined && BEFORE_ILL_ADJECTIVE.has(before))) ? ['i', 'will'] : undefined;
  }
  if (lower === 'lets') {
    const after = wordAfter(text, end);
    return after !== '' && !AFTER_LETS_VERB.has(after) ? ['let', 'us'] : undefined;
  }
  return undefined;
}

/** The lower-case word that follows `end` after spaces, or '' when punctuation, a hyphen ("ill-advised")
 * or the end of the text comes first. */
function wordAfter(text: string, end: number): string {
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const start = i;
  while (i < text.length && /\p{L}/u.test(text[i]!)) i++;
  return text.slice(start, i).toLowerCase();
}
