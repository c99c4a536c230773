// The shape of a phrase rule as written in a rule file, and the checks that keep rule data honest.
import { hint } from '../closest.js';
import { isSeverity, type Severity } from '../lint/severity.js';
import { kindOfCategory, type FindingKind, type Role } from './detector.js';
import { checkPattern } from './phrase-pattern.js';

export interface RuleSpec {
  id: string;
  kind: FindingKind;
  category: string;
  message: string;
  why?: string;
  phrases: string[];
  /** A match is dropped when a phrase of one of the exceptions follows or precedes it within that
   * exception's `window` tokens, or, with `cheering`, when the turn cheers (a warm word or a smiling
   * emoji: banter, not a jab). */
  unless: { exceptions: RuleException[]; cheering: boolean };
  /** `respect`: a negator just before the phrase ("not sorry") cancels it. */
  negation: 'respect' | 'ignore';
  /** Only a phrase that is the whole reply matches (but for a leading @handle, punctuation other than "!"
   * and "?", and a sign-off such as "^JR"): "Nope." brushes off, "Nope, no fee at all." answers. */
  alone?: boolean;
  /** The turns a rule reads. Temper rules read customer turns too, as hostility the agent absorbs;
   * `['agent']` keeps one to agents, for words customers say of themselves in fun ("#SorryNotSorry").
   * Set only when the rule file names it. */
  roles?: Role[];
  /** The phrases are words that are not this empathy category though they sound like it ("I'll close this
   * out" commits to nothing): a match reports nothing, no phrase of the category that starts among its
   * words is read, and the sentence it stands in weighs nothing toward the category for the learned model. */
  counter?: boolean;
  suggestions: string[];
  examples: { match: string[]; noMatch: string[] };
  /** For `attune lint`: how serious a match is (temper rules default to error, team rules to warning). */
  severity: Severity;
  /** Where the rule was written, for messages: `file:line`. */
  source: string;
}

/** Phrases that cancel a match when they start within `window` tokens after it or end within `window` before it. */
export interface RuleException {
  followedBy: string[];
  precededBy: string[];
  window: number;
}

export interface RuleProblem {
  path: string;
  message: string;
}

const ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const CATEGORY = /^[a-z][a-z0-9-]*$/;

/** More phrases, exceptions and examples for a rule of the same set of files, so a long rule can span files. */
export interface RuleExtension {
  extends: string;
  phrases: string[];
  exceptions: RuleException[];
  examples: { match: string[]; noMatch: string[] };
}

const EXTENSION_KEYS = new Set(['extends', 'phrases', 'unless', 'examples']);
const RULE_KEYS = ['id', 'category', 'severity', 'message', 'why', 'phrases', 'unless', 'negation', 'alone', 'roles', 'counter', 'suggestions', 'examples'];
const UNLESS_KEYS = new Set(['followedBy', 'precededBy', 'window', 'cheering']);

/** Checks one raw `extends:` entry; returns it, or every problem found in it. */
export function checkExtension(raw: Record<string, unknown>): { extension?: RuleExtension; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const add = (path: string, message: string): void => void problems.push({ path, message });
  const target = typeof raw.extends === 'string' ? raw.extends : '';
  if (!ID.test(target)) add('extends', `'extends' must name a rule id like 'group/name', found ${JSON.stringify(raw.extends ?? null)}`);
  for (const key of Object.keys(raw)) if (!EXTENSION_KEYS.has(key)) add(key, `an entry that extends a rule adds only 'phrases', 'unless' and 'examples', found '${key}'`);
  // An entry may add exceptions alone; then its examples are text they let through ('noMatch').
  const exceptionsOnly = raw.phrases === undefined && raw.unless !== undefined;
  const phrases = exceptionsOnly ? [] : checkPhrases(raw.phrases, add);
  // Whether a rule stands down in a cheering reply is the rule's own setting, made once where it is defined.
  const { exceptions, cheering } = checkUnless(raw.unless, add);
  if (cheering) add('unless', "'cheering' is set where the rule is defined, not in an entry that extends it");
  if (exceptionsOnly && exceptions.length === 0) add('unless', "an entry without 'phrases' needs at least one exception");
  const examples = checkExamples(raw.examples, add, exceptionsOnly);
  return problems.length > 0 ? { problems } : { extension: { extends: target, phrases, exceptions, examples }, problems };
}

/** Checks one raw rule object; returns the normalised rule, or every problem found in it. */
export function checkRule(raw: unknown, source: string, options: { customCategories?: boolean } = {}): { rule?: RuleSpec; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const add = (path: string, message: string): void => void problems.push({ path, message });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problems: [{ path: '', message: 'a rule must be a mapping' }] };
  const r = raw as Record<string, unknown>;
  // Rule files route `extends:` entries to checkExtension; anywhere else (a config's phraseRules) a part has no rule to join.
  if ('extends' in r) return { problems: [{ path: 'extends', message: "a rule continues ('extends') only in rule files: put both parts in files named under 'ruleFiles'" }] };
  // A misspelt key would otherwise be a setting silently not applied ("rolez: [agent]").
  for (const key of Object.keys(r)) {
    if (!RULE_KEYS.includes(key)) add(key, `unknown key '${key}'${hint(key, RULE_KEYS)}; a rule takes ${RULE_KEYS.join(', ')}`);
  }
  const id = typeof r.id === 'string' ? r.id : '';
  if (!ID.test(id)) add('id', `'id' must look like 'group/name' in lower-case kebab-case, found ${JSON.stringify(r.id ?? null)}`);
  const category = typeof r.category === 'string' ? r.category : '';
  const kind = kindOfCategory(category) ?? (options.customCategories && CATEGORY.test(category) ? 'custom' : undefined);
  if (!kind) add('category', `unknown category ${JSON.stringify(r.category ?? null)}`);
  const severity = r.severity === undefined ? (kind === 'temper' ? 'error' : kind === 'custom' ? 'warning' : 'info') : r.severity;
  if (!isSeverity(severity)) add('severity', "'severity' must be info, warning or error");
  const message = typeof r.message === 'string' ? r.message : '';
  if (message === '') add('message', "'message' is required");
  const phrases = checkPhrases(r.phrases, add);
  const { exceptions, cheering } = checkUnless(r.unless, add);
  const negation = r.negation === undefined ? 'respect' : r.negation;
  if (negation !== 'respect' && negation !== 'ignore') add('negation', "'negation' must be 'respect' or 'ignore'");
  const examples = checkExamples(r.examples, add);
  if (r.alone !== undefined && typeof r.alone !== 'boolean') add('alone', "'alone' must be true or false");
  if (r.counter !== undefined && typeof r.counter !== 'boolean') add('counter', "'counter' must be true or false");
  const roles = checkRoles(r.roles, kind, r.alone === true, add);
  if (r.counter === true && kind !== 'empathy') add('counter', "'counter' applies to the empathy categories, which the learned model also reads");
  if (problems.length > 0 || !kind) return { problems };
  const rule: RuleSpec = {
    id, kind, category, message, phrases, source,
    unless: { exceptions, cheering },
    negation: negation as RuleSpec['negation'],
    severity: severity as Severity,
    suggestions: stringList(r.suggestions, 'suggestions', add),
    examples,
  };
  if (typeof r.why === 'string') rule.why = r.why;
  if (r.alone === true) rule.alone = true;
  if (r.counter === true) rule.counter = true;
  if (roles) rule.roles = roles;
  return { rule, problems };
}

/** `roles` is [agent] or [agent, customer]; only a temper rule reads customer turns, and not one that matches
 * a bare reply (a customer's "Nope." answers a question). */
function checkRoles(raw: unknown, kind: FindingKind | undefined, alone: boolean, add: (path: string, message: string) => void): Role[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((role) => role !== 'agent' && role !== 'customer')) {
    add('roles', "'roles' must be a list of agent, customer or both");
    return undefined;
  }
  const roles = [...new Set(raw as Role[])];
  if (!roles.includes('agent')) add('roles', "every rule reads agent turns: 'roles' is [agent], or [agent, customer] for a temper rule");
  else if (roles.includes('customer') && kind !== 'temper') add('roles', 'only temper rules read customer turns');
  else if (roles.includes('customer') && alone) add('roles', "a rule with 'alone: true' reads agent turns only");
  return roles;
}

/** Whether a temper rule reads customer turns: unless its file keeps it to agents, or it matches bare replies. */
export function readsCustomers(rule: RuleSpec): boolean {
  return rule.kind === 'temper' && !rule.alone && (rule.roles?.includes('customer') ?? true);
}

/** `unless` is one exception, or a list of them when phrases need different windows ("however" right after
 * an apology, a request within two tokens); `cheering` may stand in any of them. */
function checkUnless(raw: unknown, add: (path: string, message: string) => void): RuleSpec['unless'] {
  const blocks = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const list = Array.isArray(raw);
  let cheering = false;
  const exceptions = blocks.flatMap((block: unknown, i): RuleException[] => {
    const at = (key: string): string => (list ? `unless[${i}].${key}` : `unless.${key}`);
    if (block === null || typeof block !== 'object' || Array.isArray(block)) {
      add(list ? `unless[${i}]` : 'unless', "'unless' must be a mapping, or a list of mappings");
      return [];
    }
    const b = block as Record<string, unknown>;
    for (const key of Object.keys(b)) if (!UNLESS_KEYS.has(key)) add(at(key), `'unless' takes followedBy, precededBy, window and cheering, found '${key}'`);
    const followedBy = stringList(b.followedBy, at('followedBy'), add);
    const precededBy = stringList(b.precededBy, at('precededBy'), add);
    [...followedBy, ...precededBy].forEach((phrase) => addPatternProblem(phrase, list ? `unless[${i}]` : 'unless', add));
    const window = b.window === undefined ? 3 : Number(b.window);
    if (!Number.isInteger(window) || window < 1 || window > 20) add(at('window'), "'window' must be a whole number from 1 to 20");
    if (b.cheering !== undefined && typeof b.cheering !== 'boolean') add(at('cheering'), "'cheering' must be true or false");
    if (b.cheering === true) cheering = true;
    return followedBy.length + precededBy.length > 0 ? [{ followedBy, precededBy, window }] : [];
  });
  return { exceptions, cheering };
}

/** Every rule, and every part of one, has at least one phrase, each a valid pattern. */
function checkPhrases(raw: unknown, add: (path: string, message: string) => void): string[] {
  const phrases = stringList(raw, 'phrases', add);
  if (phrases.length === 0) add('phrases', "'phrases' needs at least one phrase");
  phrases.forEach((phrase, i) => addPatternProblem(phrase, `phrases[${i}]`, add));
  return phrases;
}

/** Every rule, and every part of one, shows at least one text it matches. */
function checkExamples(raw: unknown, add: (path: string, message: string) => void, exceptionsOnly = false): RuleSpec['examples'] {
  const examplesRaw = (raw ?? {}) as Record<string, unknown>;
  const examples = { match: stringList(examplesRaw.match, 'examples.match', add), noMatch: stringList(examplesRaw.noMatch, 'examples.noMatch', add) };
  if (exceptionsOnly) {
    if (examples.noMatch.length === 0) add('examples.noMatch', 'an entry that adds only exceptions needs at least one example they let through');
  } else if (examples.match.length === 0) add('examples.match', 'every rule needs at least one example it matches');
  return examples;
}

function stringList(value: unknown, path: string, add: (path: string, message: string) => void): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    add(path, `'${path}' must be a list of strings`);
    return [];
  }
  return value as string[];
}

function addPatternProblem(phrase: string, path: string, add: (path: string, message: string) => void): void {
  try {
    checkPattern(phrase);
  } catch (error) {
    add(path, `pattern '${phrase}' ${(error as Error).message}`);
  }
}
