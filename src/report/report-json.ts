// The JSON report: the report object itself, documented in the README (schemaVersion 1).
import type { Report } from '../aggregate/build-report.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
