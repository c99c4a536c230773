// Every report format, by name: pure functions from the report to a string.
import path from 'node:path';
import type { Report } from '../aggregate/build-report.js';
import { renderCsv } from './report-csv.js';
import { renderJson } from './report-json.js';
import { renderTable } from './report-table.js';
import { renderCoachingMarkdown, renderMarkdown } from './report-markdown.js';
import { renderHtml } from './report-html.js';
import { renderCoachingCsv } from './report-coaching-csv.js';

export interface RenderContext {
  color: boolean;
}

export const REPORTERS = {
  table: (report: Report, context: RenderContext) => renderTable(report, { color: context.color }),
  json: (report: Report) => renderJson(report),
  csv: (report: Report) => renderCsv(report),
  md: (report: Report) => renderMarkdown(report),
  html: (report: Report) => renderHtml(report),
} as const satisfies Record<string, (report: Report, context: RenderContext) => string>;

/** With --coaching N: the coaching queue instead of the summary. */
export const COACHING_REPORTERS = {
  md: (report: Report) => renderCoachingMarkdown(report),
  csv: (report: Report) => renderCoachingCsv(report),
  json: (report: Report) => `${JSON.stringify(report.agents.map((a) => ({ agent: a.agent, coaching: a.coaching, bestMoments: a.bestMoments })), null, 2)}\n`,
} as const satisfies Record<string, (report: Report) => string>;

export type ReportFormat = keyof typeof REPORTERS;

/** Report file extensions and the format each names. */
const BY_EXTENSION: Record<string, ReportFormat> = { '.json': 'json', '.csv': 'csv', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

/** The format asked for; without one, the format the --out file's extension names ("report.html"), else
 * the terminal table. */
export function reportFormat<T extends string>(asked: T | undefined, out: string | undefined): T | ReportFormat {
  if (asked !== undefined) return asked;
  const extension = out === undefined ? '' : path.extname(out).toLowerCase();
  return BY_EXTENSION[extension] ?? 'table';
}
