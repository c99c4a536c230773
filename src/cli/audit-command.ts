// `attune audit`: reads exports, runs the pipeline, and writes the report and the per-turn export.
import type { Role } from '../detect/detector.js';
import { loadBuiltinRules } from '../detect/load-rules.js';
import { learnedModelOn } from '../config/load-config.js';
import { resolveConfig } from './lint-command.js';
import { AttuneError } from '../errors.js';
import { loadAgentMap } from '../conversations/agent-map.js';
import { parseMapOption } from '../conversations/field-map.js';
import { parseRoleValues } from '../conversations/roles.js';
import { GROUP_BY, type GroupBy } from '../aggregate/scored-turn.js';
import { COACHING_PER_AGENT } from '../aggregate/audit-aggregator.js';
import { READER_NAMES, type ReaderName } from '../ingest/vendors/vendor-reader.js';
import { resolveInputs, sourceBytes } from '../ingest/resolve-inputs.js';
import type { InputFormat } from '../ingest/source-record.js';
import { auditSources } from '../pipeline.js';
import { COACHING_REPORTERS, REPORTERS, reportFormat, type ReportFormat } from '../report/registry.js';
import { renderTurnLines } from '../report/report-turns.js';
import { useColor } from './color.js';
import type { Io } from './io.js';
import { StagedFile, writeReportFile } from './outputs.js';
import { startProgress } from './progress.js';
import { firstAt, plural } from '../report/format.js';
import { checkEncoding } from '../ingest/encoding.js';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Source } from '../ingest/source-record.js';

export interface AuditFlags {
  format?: string;
  out?: string;
  turns?: string;
  inputFormat?: string;
  map?: string;
  assumeRole?: string;
  roleValues?: string;
  from: string;
  by: string;
  agents?: string;
  agentMap?: string;
  config?: string;
  coaching?: string;
  encoding?: string;
  strict?: boolean;
  redact?: boolean;
  jobs?: string;
  partial?: string;
  progress: boolean;
  color: boolean;
}

const INPUT_FORMATS = ['csv', 'json', 'ndjson'] as const;

export async function auditCommand(inputs: string[], flags: AuditFlags, io: Io): Promise<number> {
  const format = choose(reportFormat(flags.format, flags.out), Object.keys(REPORTERS), '--format') as ReportFormat;
  if (flags.coaching !== undefined && !(format in COACHING_REPORTERS)) throw new AttuneError(`--coaching exports the coaching queue as md, csv or json, not ${format}.`);
  const inputFormat = flags.inputFormat ? (choose(flags.inputFormat, INPUT_FORMATS, '--input-format') as InputFormat) : undefined;
  const assumeRole = flags.assumeRole ? (choose(flags.assumeRole, ['customer', 'agent'], '--assume-role') as Role) : undefined;
  const overrides = flags.map ? parseMapOption(flags.map) : {};
  const roleValues = flags.roleValues ? parseRoleValues(flags.roleValues) : undefined;
  const from = choose(flags.from, ['auto', ...READER_NAMES], '--from') as ReaderName | 'auto';
  const by = choose(flags.by, GROUP_BY, '--by') as GroupBy;
  const config = resolveConfig(io, flags.config);
  const rules = [...loadBuiltinRules(), ...config.rules];
  const coaching = flags.coaching === undefined ? COACHING_PER_AGENT : Number(flags.coaching);
  if (!Number.isInteger(coaching) || coaching < 1 || coaching > 1000) throw new AttuneError(`--coaching: '${flags.coaching}' is not a whole number from 1 to 1000.`);
  const agents = new Set([...(flags.agents ?? '').split(','), ...config.agents].map((a) => a.trim().toLowerCase()).filter(Boolean));
  const agentMap = flags.agentMap ? loadAgentMap(path.resolve(io.cwd, flags.agentMap)) : undefined;
  const sources = await resolveInputs(inputs, io.cwd);
  const jobs = chooseJobs(flags.jobs, sources);
  const turnsFile = flags.turns ? new StagedFile(path.resolve(io.cwd, flags.turns)) : null;
  const progress = startProgress(io, sources, flags.progress);
  let partialText = '';
  const started = Date.now();
  let report;
  try {
    report = await auditSources(sources, {
      overrides,
      from,
      by,
      agents,
      ...(agentMap ? { agentMap } : {}),
      ...(assumeRole ? { assumeRole } : {}),
      ...(roleValues ? { roleValues } : {}),
      ...(inputFormat ? { inputFormat } : {}),
      stdin: io.stdin,
      strict: flags.strict === true,
      redact: flags.redact === true,
      ...(flags.encoding ? { encoding: checkEncoding(flags.encoding) } : {}),
      jobs,
      rules,
      learned: learnedModelOn(config),
      coaching,
      ...(turnsFile ? { onConversation: (turns) => turnsFile.write(renderTurnLines(turns)) } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...(flags.partial ? { onPartial: (partial) => void (partialText = `${JSON.stringify(partial)}\n`) } : {}),
    });
    turnsFile?.commit();
  } catch (error) {
    turnsFile?.discard();
    throw error;
  } finally {
    progress?.stop();
  }
  if (flags.partial) await writeReportFile(path.resolve(io.cwd, flags.partial), partialText);
  let output: string;
  if (flags.coaching !== undefined) {
    if (!(format in COACHING_REPORTERS)) throw new AttuneError(`--coaching exports the coaching queue as md, csv or json, not ${format}.`);
    output = COACHING_REPORTERS[format as keyof typeof COACHING_REPORTERS](report);
  } else output = REPORTERS[format](report, { color: useColor(io, flags.color, flags.out !== undefined) });
  if (flags.out) await writeReportFile(path.resolve(io.cwd, flags.out), output);
  else io.stdout(output);
  for (const [reason, n] of Object.entries(report.totals.skipped)) io.stderr(`attune: skipped ${n} record${n === 1 ? '' : 's'}: ${reason}${firstAt(report.totals, reason)}\n`);
  // A final summary line either way; the time only on a terminal, so that captured output is deterministic.
  const turns = report.totals.turns.customer + report.totals.turns.agent + report.totals.turns.other;
  const time = io.stderrIsTty ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : '';
  io.stderr(`attune: read ${plural(report.totals.records, 'record')}: ${plural(report.totals.conversations, 'conversation')}, ${plural(turns, 'turn')}${time}\n`);
  return 0;
}

/** Below this much input, starting workers (each loads the language model) costs more than it saves. */
const WORKERS_FROM_BYTES = 2 * 1024 * 1024;

/** Threads that score turns: --jobs, else one per core; one (this thread, no workers) for small inputs. */
function chooseJobs(value: string | undefined, sources: Source[]): number {
  if (value !== undefined) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new AttuneError(`--jobs: '${value}' is not a whole number from 1 to 64.`);
    return n;
  }
  return sourceBytes(sources) < WORKERS_FROM_BYTES ? 1 : Math.max(1, availableParallelism());
}

function choose(value: string, allowed: readonly string[], flag: string): string {
  if (allowed.includes(value)) return value;
  throw new AttuneError(`${flag}: '${value}' is not one of ${allowed.join(', ')}.`);
}
