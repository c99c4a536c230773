// `attune lint`: checks canned-response libraries and fails CI on what the team forbids.
import path from 'node:path';
import { emptyConfig, findConfig, learnedModelOn, loadConfig, type AttuneConfig } from '../config/load-config.js';
import { createDefaultEngine } from '../detect/engine.js';
import { loadBuiltinRules } from '../detect/load-rules.js';
import { AttuneError, EXIT } from '../errors.js';
import { applyBaseline, readBaseline, renderBaseline } from '../lint/baseline.js';
import { readLibraries } from '../lint/library/read-library.js';
import { defaultSettings, lintLibrary, type LintFinding } from '../lint/lint-library.js';
import { ruleCatalog, SHOUTING_RULE } from '../lint/rule-catalog.js';
import { atLeast, isSeverity, type Severity } from '../lint/severity.js';
import type { LintReport } from '../report/lint/lint-report.js';
import { renderGithub, renderGitlab, renderJunit, renderLintJson, renderSarif } from '../report/lint/machine-formats.js';
import { renderStylish } from '../report/lint/stylish.js';
import type { Io } from './io.js';
import { writeReportFile } from './outputs.js';

export const LINT_FORMATS = { stylish: renderStylish, json: renderLintJson, junit: renderJunit, sarif: renderSarif, github: renderGithub, gitlab: renderGitlab } as const;

export interface LintFlags {
  format: keyof typeof LINT_FORMATS;
  config?: string;
  failOn?: string;
  maxWarnings?: string;
  out?: string;
  baseline?: string;
  writeBaseline?: string;
}

/** The config for this run: --config, else the nearest one above the working directory, else none. */
export function resolveConfig(io: Io, explicit: string | undefined): AttuneConfig {
  const known = ruleCatalog(loadBuiltinRules()).map((r) => r.id);
  if (explicit) return loadConfig(path.resolve(io.cwd, explicit), known, io.cwd);
  const found = findConfig(io.cwd);
  return found ? loadConfig(found, known, io.cwd) : emptyConfig();
}

export async function lintCommand(inputs: string[], flags: LintFlags, io: Io, version: string): Promise<number> {
  if (flags.failOn !== undefined && !isSeverity(flags.failOn)) throw new AttuneError(`--fail-on: '${flags.failOn}' is not info, warning or error.`);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new AttuneError(`--max-warnings: '${flags.maxWarnings}' is not a whole number.`);
  const config = resolveConfig(io, flags.config);
  const responses = await readLibraries(inputs, io.cwd);
  const phraseRules = [...loadBuiltinRules(), ...config.rules];
  const settings = defaultSettings();
  settings.severities = config.severities;
  settings.phraseSeverity = new Map([...phraseRules.map((r) => [r.id, r.severity] as const), [SHOUTING_RULE.id, SHOUTING_RULE.severity]]);
  const required = config.options.get('empathy/required');
  if (Array.isArray(required?.topics)) settings.empathyTopics = required.topics.map(String);
  const scripted = config.options.get('empathy/scripted');
  if (typeof scripted?.minResponses === 'number') settings.scriptedMinResponses = scripted.minResponses;
  const result = lintLibrary(responses, createDefaultEngine(phraseRules, { sentiment: false, roles: ['agent'], learned: learnedModelOn(config) }), settings);
  const findings = await withBaseline(result.findings, flags, io);

  const files = new Map<string, { title: string; line: number }[]>();
  for (const r of responses) files.set(r.file, [...(files.get(r.file) ?? []), { title: r.title, line: r.line }]);
  const report: LintReport = {
    toolVersion: version,
    files: [...files.entries()].map(([file, list]) => ({ file, responses: list })),
    findings,
    skipped: result.skipped.map((s) => ({ file: s.response.file, line: s.response.line, title: s.response.title, reason: s.reason })),
    rules: ruleCatalog(phraseRules).filter((r) => r.lints && config.severities.get(r.id) !== 'off').map((r) => ({ id: r.id, severity: (config.severities.get(r.id) as Severity | undefined) ?? r.severity, description: r.description })),
  };
  const output = LINT_FORMATS[flags.format](report);
  if (flags.out) await writeReportFile(path.resolve(io.cwd, flags.out), output);
  else io.stdout(output);
  const failOn: Severity = (flags.failOn as Severity | undefined) ?? config.failOn ?? 'error';
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (findings.some((f) => atLeast(f.severity, failOn))) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`attune: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** --write-baseline records today's findings and --baseline excuses the findings recorded: either way
 * only findings not in the baseline are reported and count for the exit code. Files are named relative
 * to the baseline's folder, so the baseline holds wherever attune runs from. */
async function withBaseline(findings: LintFinding[], flags: LintFlags, io: Io): Promise<LintFinding[]> {
  if (flags.baseline && flags.writeBaseline) throw new AttuneError('--baseline and --write-baseline: give one of them.');
  const file = flags.writeBaseline ?? flags.baseline;
  if (!file) return findings;
  const target = path.resolve(io.cwd, file);
  const relative = (f: LintFinding): LintFinding => ({ ...f, file: path.relative(path.dirname(target), path.resolve(io.cwd, f.file)).split(path.sep).join('/') });
  if (flags.writeBaseline) {
    await writeReportFile(target, renderBaseline(findings.map(relative)));
    io.stderr(`attune: wrote ${findings.length} finding(s) to the baseline ${file}; from now on only new findings are reported (with --baseline ${file}).\n`);
    return [];
  }
  const { excused, stale } = applyBaseline(findings.map(relative), readBaseline(target, file));
  const count = excused.filter(Boolean).length;
  if (count > 0) io.stderr(`attune: ${count} finding(s) excused by the baseline ${file}.\n`);
  if (stale > 0) io.stderr(`attune: ${stale} baseline entr${stale === 1 ? 'y matches' : 'ies match'} no finding any more (fixed or reworded): refresh it with --write-baseline ${file}.\n`);
  return findings.filter((_, i) => !excused[i]);
}
