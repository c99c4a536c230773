// Team configuration: discover (upward from the working directory, or --config) -> parse -> check,
// collecting every problem at once, each with file:line and the key path.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { LEARNED_RULE } from '../detect/learned-empathy.js';
import { loadRuleFiles, reportCutHashtags } from '../detect/load-rules.js';
import { checkRule, type RuleSpec } from '../detect/rule-spec.js';
import { AttuneError } from '../errors.js';
import { isSeverity, type Severity } from '../lint/severity.js';
import { hint } from '../closest.js';

export const CONFIG_NAMES = ['.attunerc.yaml', '.attunerc.yml', '.attunerc.json', 'attune.config.yaml', 'attune.config.yml', 'attune.config.json'];
const TOP_KEYS = ['failOn', 'agents', 'rules', 'phraseRules', 'ruleFiles'];

export interface AttuneConfig {
  file: string | null;
  severities: Map<string, Severity | 'off'>;
  /** Options of built-in rules, by rule id (e.g. empathy/required topics). */
  options: Map<string, Record<string, unknown>>;
  rules: RuleSpec[];
  agents: string[];
  failOn?: Severity;
}

export function emptyConfig(): AttuneConfig {
  return { file: null, severities: new Map(), options: new Map(), rules: [], agents: [] };
}

/** Whether the learned empathy model reads agent turns: yes, unless the config sets 'empathy/learned: off'. */
export function learnedModelOn(config: AttuneConfig): boolean {
  return config.severities.get(LEARNED_RULE) !== 'off';
}

/** The nearest config file at or above `cwd`, or null. */
export function findConfig(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) if (existsSync(path.join(dir, name))) return path.join(dir, name);
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads and checks a config file. `knownRules` are the rule ids a `rules:` entry may name. */
export function loadConfig(file: string, knownRules: string[], cwd: string): AttuneConfig {
  const display = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AttuneError(`${display}: cannot read the config (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: string[] = [];
  const at = (node: unknown) => ((node as Node | null)?.range ? lines.linePos((node as Node).range![0]).line : 1);
  const problem = (node: unknown, key: string, message: string) => problems.push(`${display}:${at(node)}: ${key}: ${message}`);
  for (const error of doc.errors) problems.push(`${display}:${lines.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`);
  const config = emptyConfig();
  config.file = file;
  if (doc.errors.length === 0) checkDocument(doc, config, knownRules, path.dirname(file), problem);
  if (problems.length > 0) throw new AttuneError(`${display} has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return config;
}

type Problem = (node: unknown, key: string, message: string) => void;

function checkDocument(doc: Document, config: AttuneConfig, knownRules: string[], base: string, problem: Problem): void {
  const root = doc.contents;
  if (root === null) return;
  if (!isMap(root)) return problem(root, '(top)', 'the config must be a mapping of settings');
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!TOP_KEYS.includes(key)) problem(pair.key, key, `unknown setting${hint(key, TOP_KEYS)}; settings are ${TOP_KEYS.join(', ')}`);
  }
  const failOn = root.get('failOn', true);
  if (failOn !== undefined) {
    const value = (failOn as { toJSON(): unknown }).toJSON();
    if (isSeverity(value)) config.failOn = value;
    else problem(failOn, 'failOn', 'must be info, warning or error');
  }
  const agents = root.get('agents', true);
  if (agents !== undefined) {
    const value = (agents as { toJSON(): unknown }).toJSON();
    if (Array.isArray(value) && value.every((a) => typeof a === 'string')) config.agents = value;
    else problem(agents, 'agents', 'must be a list of names');
  }
  const teamRules: RuleSpec[] = [];
  const phraseRules = root.get('phraseRules', true);
  if (phraseRules !== undefined) {
    if (!isSeq(phraseRules)) problem(phraseRules, 'phraseRules', 'must be a list of rules');
    else {
      reportCutHashtags(phraseRules, (node, message) => problem(node, 'phraseRules', message));
      phraseRules.items.forEach((item, i) => {
        const { rule, problems } = checkRule((item as { toJSON(): unknown }).toJSON(), `config:${i}`, { customCategories: true });
        for (const p of problems) {
          const node = isMap(item) && p.path ? item.getIn(p.path.split(/[.[\]]+/).filter(Boolean), true) : item;
          problem(node ?? item, `phraseRules[${i}]${p.path ? `.${p.path}` : ''}`, p.message);
        }
        if (rule) teamRules.push(rule);
      });
    }
  }
  const ruleFiles = root.get('ruleFiles', true);
  if (ruleFiles !== undefined) {
    const value = (ruleFiles as { toJSON(): unknown }).toJSON();
    if (!Array.isArray(value) || !value.every((f) => typeof f === 'string')) problem(ruleFiles, 'ruleFiles', 'must be a list of paths');
    else {
      const missing = value.filter((f) => !existsSync(path.resolve(base, f)));
      for (const f of missing) problem(ruleFiles, 'ruleFiles', `no such file '${f}'`);
      if (missing.length === 0) {
        try {
          teamRules.push(...loadRuleFiles(value.map((f) => path.resolve(base, f)), base, { customCategories: true }));
        } catch (error) {
          problem(ruleFiles, 'ruleFiles', (error as Error).message.replace(/\n/g, '\n  '));
        }
      }
    }
  }
  const ids = new Set<string>();
  for (const rule of teamRules) {
    if (ids.has(rule.id) || knownRules.includes(rule.id)) problem(phraseRules ?? ruleFiles, 'phraseRules', `rule id '${rule.id}' is already used`);
    ids.add(rule.id);
  }
  config.rules = teamRules;
  const rules = root.get('rules', true);
  if (rules === undefined) return;
  if (!isMap(rules)) return problem(rules, 'rules', 'must map rule ids to off, info, warning, error or {severity, …}');
  const allIds = [...knownRules, ...ids];
  for (const pair of rules.items) {
    const id = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!allIds.includes(id)) problem(pair.key, `rules.${id}`, `unknown rule${hint(id, allIds)}`);
    const value = (pair.value as { toJSON(): unknown } | null)?.toJSON();
    const severity = typeof value === 'object' && value !== null ? (value as { severity?: unknown }).severity : value;
    if (severity === 'off' || isSeverity(severity)) config.severities.set(id, severity as Severity | 'off');
    else if (severity !== undefined) problem(pair.value ?? pair.key, `rules.${id}`, `'${String(severity)}' is not off, info, warning or error`);
    if (typeof value === 'object' && value !== null) config.options.set(id, value as Record<string, unknown>);
  }
}

