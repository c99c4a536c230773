// `attune merge shard*.json`: partial aggregates from shards of a large audit into one report, the
// same as a single run over all the inputs in the order the shards are given.
import path from 'node:path';
import { buildReport } from '../aggregate/build-report.js';
import { mergePartials, type Partial } from '../aggregate/partial.js';
import { loadBuiltinRules } from '../detect/load-rules.js';
import { EXIT } from '../errors.js';
import { readJsonFile } from '../parse-json.js';
import { suggestFrom } from '../aggregate/suggestions.js';
import { REPORTERS, reportFormat, type ReportFormat } from '../report/registry.js';
import { useColor } from './color.js';
import type { Io } from './io.js';
import { resolveConfig } from './lint-command.js';
import { writeReportFile } from './outputs.js';

export interface MergeFlags {
  format?: ReportFormat;
  out?: string;
  config?: string;
  color: boolean;
}

export async function mergeCommand(files: string[], flags: MergeFlags, io: Io): Promise<number> {
  const parts = files.map((file) => readJsonFile(path.resolve(io.cwd, file), file, 'the partial aggregate') as Partial);
  const { aggregator, meta } = mergePartials(parts, files);
  const config = resolveConfig(io, flags.config);
  const report = buildReport(aggregator, { ...meta, suggestion: suggestFrom([...loadBuiltinRules(), ...config.rules]) });
  const output = REPORTERS[reportFormat(flags.format, flags.out)](report, { color: useColor(io, flags.color, flags.out !== undefined) });
  if (flags.out) await writeReportFile(path.resolve(io.cwd, flags.out), output);
  else io.stdout(output);
  return EXIT.ok;
}
