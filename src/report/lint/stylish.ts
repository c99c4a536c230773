// The default lint output: findings grouped by file, ESLint-style, then a summary line.
import type { LintReport } from './lint-report.js';
import { countBySeverity } from './lint-report.js';

export function renderStylish(report: LintReport): string {
  const out: string[] = [];
  const byFile = new Map<string, LintReport['findings']>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(file);
    const width = Math.max(...findings.map((f) => String(f.line).length));
    for (const f of findings) out.push(`  ${String(f.line).padStart(width)}  ${f.severity.padEnd(7)}  ${f.response}: ${f.message}  ${f.rule}`);
    out.push('');
  }
  const c = countBySeverity(report.findings);
  const responses = report.files.reduce((n, f) => n + f.responses.length, 0);
  const total = report.findings.length;
  out.push(`${total === 0 ? '✔' : '✖'} ${total} problem${total === 1 ? '' : 's'} (${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info) in ${responses} responses`);
  const reasons = new Map<string, number>();
  for (const s of report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [reason, n] of reasons) out.push(`  ${n} response${n === 1 ? '' : 's'} skipped: ${reason}`);
  return `${out.join('\n')}\n`;
}
