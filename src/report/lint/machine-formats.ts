// Lint output for machines: JSON, SARIF 2.1.0, GitHub workflow commands, GitLab Code Quality, JUnit.
import { createHash } from 'node:crypto';
import type { LintReport } from './lint-report.js';
import { countBySeverity } from './lint-report.js';

export function renderLintJson(report: LintReport): string {
  const summary = { ...countBySeverity(report.findings), responses: report.files.reduce((n, f) => n + f.responses.length, 0), skipped: report.skipped.length };
  return `${JSON.stringify({ schemaVersion: 1, summary, findings: report.findings, skipped: report.skipped }, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function renderSarif(report: LintReport): string {
  const index = new Map(report.rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'attune',
            version: report.toolVersion,
            informationUri: 'https://www.npmjs.com/package/attune',
            rules: report.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description.split('. ')[0]!.replace(/\.$/, '') + '.' },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: `${f.response}: ${f.message}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: f.line } } }],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** GitHub workflow commands: %, CR and LF escaped in the message; also : and , in properties. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(report: LintReport): string {
  const command = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return report.findings
    .map((f) => `::${command[f.severity]} file=${escapeProperty(f.file)},line=${f.line},title=${escapeProperty(f.rule)}::${escapeData(`${f.response}: ${f.message}`)}\n`)
    .join('');
}

const GITLAB_SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export function renderGitlab(report: LintReport): string {
  const seen = new Map<string, number>();
  const issues = report.findings.map((f) => {
    const base = `${f.rule}\u0000${f.file}\u0000${f.response}\u0000${f.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      description: `${f.response}: ${f.message}`,
      check_name: f.rule,
      fingerprint: createHash('sha256').update(`${base}\u0000${n}`).digest('hex'),
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** JUnit: one test suite per library file, one test case per response, a failure per finding. */
export function renderJunit(report: LintReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.files.reduce((n, f) => n + f.responses.length, 0);
  const failing = (file: string, line: number, title: string) => report.findings.filter((f) => f.file === file && f.line === line && f.response === title);
  out.push(`<testsuites name="attune lint" tests="${total}" failures="${report.findings.length === 0 ? 0 : new Set(report.findings.map((f) => `${f.file}:${f.line}:${f.response}`)).size}">`);
  for (const { file, responses } of report.files) {
    const failures = responses.filter((r) => failing(file, r.line, r.title).length > 0).length;
    out.push(`  <testsuite name="${xml(file)}" tests="${responses.length}" failures="${failures}">`);
    for (const r of responses) {
      const found = failing(file, r.line, r.title);
      const name = `${xml(r.title)} (line ${r.line})`;
      if (found.length === 0) {
        out.push(`    <testcase name="${name}" classname="${xml(file)}"/>`);
        continue;
      }
      out.push(`    <testcase name="${name}" classname="${xml(file)}">`);
      for (const f of found) out.push(`      <failure type="${xml(f.rule)}" message="${xml(`${f.severity}: ${f.message}`)}">${xml(`${file}:${f.line} ${f.rule}: ${f.message}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
