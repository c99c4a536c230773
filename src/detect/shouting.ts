// Shouting: a run of capitalised words ("I TOLD YOU TWICE"), a burst of exclamation marks ("!!!") or
// words typed one to a sentence ("Read. The. Email."), unless the turn is cheering ("CONGRATULATIONS!!!",
// "Awesome!!! Thanks so much"). On agent turns the
// shouted sentence must also be aimed at the reader (a pointed word: "you", "not", "read", "already"):
// brand banter ("LET'S DO THIS DAVE!!!!!", "TESCO... FROM OUTTA NOWHERE") is not temper, nor is a burst that
// closes a handle ("send us a DM at @doordash_help!!!").
import { isCheering } from './cheering.js';
import type { Detector, DetectionSink, TurnText } from './detector.js';
import { sentenceSpan } from './sentence-span.js';
import { isHandle } from './tokenize.js';

/** Three capitalised words in a row is where emphasis turns into shouting; one or two is often a name or stress. */
const MIN_CAPS_RUN = 3;
const CAPS_WORD = /[\p{Lu}][\p{Lu}'’]+/uy;
const TWO_CAPITALS = /\p{Lu}\p{Lu}/u;
const EXCLAMATIONS = /!{3,}|(?:[!?]{2,}[!?]*!)/gu;
/** Three or more words in a row, each a sentence of its own ("Read. The. Email.", "Get. It. Together."). */
const ONE_WORD_SENTENCES = /(?<=^|[.!?]\s)(?:\p{L}[\p{L}'’]*\.\s){2,}\p{L}[\p{L}'’]*[.!]/gu;
/** Words that never stand as a sentence alone: one of them in such a run makes it a shout in full stops,
 * where "Fast. Friendly. Reliable." is a slogan. */
const NEVER_ALONE = new Set(['the', 'an', 'to', 'of', 'is', 'are', 'was', 'and', 'or', 'your', 'you', 'it', 'its', 'this', 'that', 'in', 'on', 'at', 'for', 'my', 'with', 'be', 'not', 'we', 'me', 'our', 'their', 'they', 'he', 'she', 'his', 'her']);

/** `pointed`, when given, holds the words one of which the shouted sentence must contain. */
export function createShoutingDetector(acronyms: ReadonlySet<string>, roles: Detector['roles'] = ['agent'], cheer: ReadonlySet<string> = new Set(), pointed?: ReadonlySet<string>): Detector {
  return {
    id: 'temper/shouting',
    roles,
    detect(turn: TurnText, sink: DetectionSink): void {
      const run = findCapsRun(turn.text, acronyms);
      const bang = run ? undefined : findBurst(turn, pointed !== undefined);
      const clapped = run || bang ? undefined : findOneWordSentences(turn.text);
      const match = run ?? bang?.[0] ?? clapped?.text;
      if (!match || isCheering(turn, cheer)) return;
      const at = run ? turn.text.indexOf(run) : bang ? bang.index : clapped!.at;
      if (pointed && !isAimed(turn, at, at + match.length, pointed)) return;
      const what = run ? 'capital letters' : bang ? 'exclamation marks' : 'full stops';
      sink.addFinding({ rule: 'temper/shouting', kind: 'temper', category: 'shouting', match, message: `Shouting in ${what}: '${match}'.` });
    },
  };
}

/** The first burst of exclamation marks; on agent turns (`skipHandles`), one that does not close a handle (the
 * brand cheering its own name, not the reader shouted at). */
function findBurst(turn: TurnText, skipHandles: boolean): RegExpExecArray | undefined {
  // Most turns have no two marks in a row: one cheap test spares the scan.
  if (!/[!?][!?]/u.test(turn.text)) return undefined;
  for (const m of turn.text.matchAll(EXCLAMATIONS)) {
    if (!skipHandles || !closesHandle(turn, m.index)) return m;
  }
  return undefined;
}

/** Whether the word that ends at `at` is an @handle's. */
function closesHandle(turn: TurnText, at: number): boolean {
  const token = turn.tokens.find((t) => t.end === at);
  return token !== undefined && isHandle(turn.text, token);
}

/** The first run of one-word sentences that holds a word never said alone, and where it starts. */
export function findOneWordSentences(text: string): { text: string; at: number } | undefined {
  // Most turns have no word standing alone between two full stops: one cheap test spares the rest.
  if (!/\.\s\p{L}[\p{L}'’]*\.\s/u.test(text)) return undefined;
  for (const m of text.matchAll(ONE_WORD_SENTENCES)) {
    if (m[0].split(/[.!]\s?/u).some((word) => NEVER_ALONE.has(word.toLowerCase()))) return { text: m[0], at: m.index };
  }
  return undefined;
}

/** Whether the sentence (or sentences) holding text[from, to) has a pointed word. */
function isAimed(turn: TurnText, from: number, to: number, pointed: ReadonlySet<string>): boolean {
  const { start, end } = sentenceSpan(turn.text, from, to);
  return turn.tokens.some((token) => token.start >= start && token.end <= end && pointed.has(token.norm));
}

/** The first run of at least MIN_CAPS_RUN capitalised words (one of them longer than three letters). */
export function findCapsRun(text: string, acronyms: ReadonlySet<string>): string | undefined {
  // Most turns have no two capitals in a row: one cheap test spares splitting them into words.
  if (!TWO_CAPITALS.test(text)) return undefined;
  const words = text.split(/(\s+)/);
  let runStart = -1;
  let count = 0;
  let long = false;
  let offset = 0;
  let start = 0;
  let end = 0;
  for (const piece of words) {
    // Sign-off initials ("^LB", "*TMT") are names, not capitals.
    const bare = /^[\^*]/.test(piece) ? '' : piece.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (/^\s*$/.test(piece)) {
      offset += piece.length;
      continue;
    }
    CAPS_WORD.lastIndex = 0;
    const isCaps = bare.length >= 2 && CAPS_WORD.test(bare) && CAPS_WORD.lastIndex === bare.length && !acronyms.has(bare.toUpperCase());
    // "I" and "A" neither start nor break a run: "I TOLD YOU" is one run.
    const isLetter = bare === 'I' || bare === 'A';
    if (isLetter && runStart < 0) runStart = offset;
    if (isCaps || (isLetter && runStart >= 0)) {
      if (count === 0) {
        runStart = runStart < 0 ? offset : runStart;
        long = false;
      }
      if (isCaps) count += 1;
      long ||= bare.length > 3;
      if (isCaps) end = offset + piece.length;
      start = runStart;
    } else {
      if (count >= MIN_CAPS_RUN && long) return trimRun(text.slice(start, end));
      runStart = -1;
      count = 0;
    }
    offset += piece.length;
  }
  return count >= MIN_CAPS_RUN && long ? trimRun(text.slice(start, end)) : undefined;
}

function trimRun(run: string): string {
  return run.trim().replace(/[,;:]+$/u, '');
}
