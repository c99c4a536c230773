// Every report format, by name: pure functions from the report to a string.
import type { Report } from '../aggregate/build-report.js';
import { renderCsv } from './report-csv.js';
import { renderJson } from './report-json.js';
import { renderTable } from './report-table.js';

export interface RenderContext {
  color: boolean;
}

export const REPORTERS = {
  table: (report: Report, context: RenderContext) => renderTable(report, { color: context.color }),
  json: (report: Report) => renderJson(report),
  csv: (report: Report) => renderCsv(report),
} as const satisfies Record<string, (report: Report, context: RenderContext) => string>;

export type ReportFormat = keyof typeof REPORTERS;
