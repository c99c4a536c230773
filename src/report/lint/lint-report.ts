// What the lint reporters render: the findings, the responses per file, what was skipped, and the
// metadata of every rule that can fire (for SARIF's rule list).
import type { LintFinding } from '../../lint/lint-library.js';
import type { Severity } from '../../lint/severity.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

export interface LintReport {
  toolVersion: string;
  files: { file: string; responses: { title: string; line: number }[] }[];
  findings: LintFinding[];
  skipped: { file: string; line: number; title: string; reason: string }[];
  rules: RuleInfo[];
}

export function countBySeverity(findings: LintFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
