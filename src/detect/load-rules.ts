// Reads phrase rule files (YAML or JSON) and the matching lexicon; reports every problem at once with file:line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { AttuneError } from '../errors.js';
import { checkExtension, checkRule, type RuleExtension, type RuleProblem, type RuleSpec } from './rule-spec.js';
import { tokenize } from './tokenize.js';

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('./rules/', import.meta.url));
const LEXICON_FILE = 'lexicon.yaml';
/** The built-in rules, checked and written as JSON by the build (scripts/copy-assets.mjs): reading them
 * takes under a millisecond, where parsing and checking the YAML takes about 100 ms at every start. */
export const COMPILED_RULES_FILE = 'builtin-rules.json';

export interface Lexicon {
  fillers: Set<string>;
  negators: Set<string>;
  negationWindow: number;
  /** Words that start a new clause, where a negator's reach ends. */
  clauseWords: Set<string>;
  /** Word sequences in which a negator negates nothing ("oh no"), as tokens. */
  notNegating: string[][];
  /** Subjects that open a clause of their own, and the words before them after which they do not. */
  clauseSubjects: Set<string>;
  subjectTakers: Set<string>;
  /** Negators that govern the noun after them, and the verbs that end their reach. */
  nounNegators: Set<string>;
  /** Chat shorthand and what a phrase reads it as, by shorthand: "u" is "you"; "ur" is "your" or "you are". */
  shorthand: Map<string, string[]>;
  clauseVerbs: Set<string>;
  /** What tells a negator on a clause's own verb, and the verbs that start the sentence's clause after it. */
  verbNegators: Set<string>;
  auxiliaries: Set<string>;
  sentenceVerbs: Set<string>;
  contrasts: Set<string>;
  particles: Set<string>;
  notObjects: Set<string>;
  acronyms: Set<string>;
  /** Warm words: capitals and "!!!" beside them are excitement, not shouting. */
  cheer: Set<string>;
  /** Words that aim an agent's capitals or "!!!" at the reader, which makes them shouting. */
  pointed: Set<string>;
}

let builtin: readonly RuleSpec[] | undefined;

/** The rules shipped with attune, read once per process (a command may ask more than once). */
export function loadBuiltinRules(): RuleSpec[] {
  if (!builtin) {
    const compiled = path.join(BUILTIN_RULES_DIR, COMPILED_RULES_FILE);
    builtin = existsSync(compiled) ? (JSON.parse(readFileSync(compiled, 'utf8')) as RuleSpec[]) : loadBuiltinRuleFiles();
  }
  return [...builtin];
}

/** The built-in rule files, parsed and checked (the build writes the result as JSON); or those of
 * another folder laid out the same way (an older release's, to measure against). */
export function loadBuiltinRuleFiles(dir: string = BUILTIN_RULES_DIR): RuleSpec[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== LEXICON_FILE).sort();
  return loadRuleFiles(files.map((f) => path.join(dir, f)), dir);
}

export function loadRuleFiles(files: string[], relativeTo: string, options: { customCategories?: boolean } = {}): RuleSpec[] {
  const rules: RuleSpec[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const extensions: (RuleExtension & { at: string })[] = [];
  /** Ids of rules with problems of their own: their parts are not reported again as extending nothing. */
  const broken = new Set<string>();
  for (const file of files) {
    const display = path.relative(relativeTo, file) || file;
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
    const lineOf = (node: Node | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
    for (const error of doc.errors) problems.push(`${display}:${lines.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`);
    if (doc.errors.length > 0) continue;
    reportCutHashtags(doc, (node, message) => problems.push(`${display}:${lineOf(node)}: ${message}`));
    const list = doc.get('rules', true);
    if (!isSeq(list)) {
      problems.push(`${display}:1: expected a top-level 'rules:' list`);
      continue;
    }
    list.items.forEach((item, i) => {
      const at = lineOf(item as Node);
      const report = (found: RuleProblem[]): void => {
        for (const p of found) {
          const node = isMap(item) && p.path ? item.getIn(p.path.split(/[.[\]]+/).filter(Boolean), true) : item;
          // A key that is missing has no line of its own: the entry's is given.
          problems.push(`${display}:${node ? lineOf(node as Node) : at}: rules[${i}]${p.path ? '.' + p.path : ''}: ${p.message}`);
        }
      };
      const raw = (item as Node & { toJSON(): unknown }).toJSON();
      if (isMap(item) && item.has('extends')) {
        const { extension, problems: found } = checkExtension(raw as Record<string, unknown>);
        report(found);
        if (extension) extensions.push({ ...extension, at: `${display}:${at}` });
        return;
      }
      const { rule, problems: found } = checkRule(raw, `${display}:${at}`, options);
      report(found);
      if (!rule) {
        if (isMap(item) && typeof item.get('id') === 'string') broken.add(item.get('id') as string);
        return;
      }
      const earlier = seen.get(rule.id);
      if (earlier) problems.push(`${display}:${at}: rule id '${rule.id}' is already used at ${earlier}`);
      seen.set(rule.id, rule.source);
      rules.push(rule);
    });
  }
  // Parts are added once every file is read, in file order, so a rule's phrases keep the order they are written in.
  for (const { extends: id, phrases, exceptions, examples, at } of extensions) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      if (!broken.has(id)) problems.push(`${at}: 'extends' names '${id}', which no rule of these files defines`);
      continue;
    }
    rule.phrases.push(...phrases);
    rule.unless.exceptions.push(...exceptions);
    rule.examples.match.push(...examples.match);
    rule.examples.noMatch.push(...examples.noMatch);
  }
  if (problems.length > 0) throw new AttuneError(`Rule files have ${problems.length} problem(s):\n${problems.join('\n')}`);
  return rules;
}

/** "- thanks #AATeam" is the phrase "thanks" and a YAML comment: a '#' after a space cuts an unquoted text
 * short without a word of warning. A comment of one's own is written "# like this", with a space. */
export function reportCutHashtags(root: Parameters<typeof visit>[0], report: (node: Node, message: string) => void): void {
  visit(root, {
    Scalar(_key, node) {
      if (node.type !== 'PLAIN' || typeof node.comment !== 'string' || /^\s/.test(node.comment)) return;
      const text = String(node.value);
      report(node, `'${text} #${node.comment.split(/\s/)[0]}' ends at '${text}': a '#' after a space starts a YAML comment; quote the text to keep the '#'`);
    },
  });
}

export function loadLexicon(dir: string = BUILTIN_RULES_DIR): Lexicon {
  const file = path.join(dir, LEXICON_FILE);
  const data = parseDocument(readFileSync(file, 'utf8')).toJSON() as { fillers: string[]; negators: string[]; negationWindow: number; clauseWords: string[]; notNegating: string[]; clauseSubjects: string[]; subjectTakers: string[]; nounNegators: string[]; clauseVerbs: string[]; verbNegators: string[]; auxiliaries: string[]; sentenceVerbs: string[]; contrasts: string[]; particles: string[]; notObjects: string[]; acronyms: string[]; cheer: string[]; pointed: string[]; shorthand?: Record<string, string | string[]> };
  return { fillers: new Set(data.fillers), negators: new Set(data.negators), negationWindow: data.negationWindow, clauseWords: new Set(data.clauseWords), notNegating: data.notNegating.map((idiom) => tokenize(idiom).map((t) => t.norm)), clauseSubjects: new Set(data.clauseSubjects), subjectTakers: new Set(data.subjectTakers), nounNegators: new Set(data.nounNegators), shorthand: new Map(Object.entries(data.shorthand ?? {}).map(([short, full]) => [short, typeof full === 'string' ? [full] : full])), clauseVerbs: new Set(data.clauseVerbs), verbNegators: new Set(data.verbNegators), auxiliaries: new Set(data.auxiliaries), sentenceVerbs: new Set(data.sentenceVerbs), contrasts: new Set(data.contrasts), particles: new Set(data.particles), notObjects: new Set(data.notObjects), acronyms: new Set(data.acronyms), cheer: new Set(data.cheer), pointed: new Set(data.pointed) };
}
