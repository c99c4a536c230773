// `attune eval sentiment|empathy`: how well attune agrees with a team's own human labels.
import { createDefaultEngine, type DetectionEngine } from '../detect/engine.js';
import { loadBuiltinRules } from '../detect/load-rules.js';
import { AttuneError, EXIT } from '../errors.js';
import { parseFloors, underFloors } from '../eval/fail-under.js';
import { evalEmpathy } from '../eval/eval-empathy.js';
import { evalSentiment, parseScale } from '../eval/eval-sentiment.js';
import { openLabeledFile } from '../eval/labeled-records.js';
import { renderEmpathyEval, renderEvalJson, renderSentimentEval } from '../report/render-eval.js';
import type { Io } from './io.js';
import { learnedModelOn } from '../config/load-config.js';
import { resolveConfig } from './lint-command.js';

export interface EvalFlags {
  text?: string;
  label?: string;
  scale?: string;
  neutralBand?: string;
  by?: string;
  config?: string;
  empathy?: string;
  categories?: string;
  temper?: string;
  failUnder?: string;
  header: boolean;
  format: 'table' | 'json';
}

export async function evalSentimentCommand(file: string, flags: EvalFlags, io: Io): Promise<number> {
  if (flags.neutralBand !== undefined && flags.scale === undefined) throw new AttuneError('--neutral-band goes with --scale.');
  const scale = flags.scale === undefined ? undefined : parseScale(flags.scale, flags.neutralBand);
  const floors = flags.failUnder === undefined ? undefined : parseFloors(flags.failUnder);
  const labeled = await openLabeledFile(file, io.cwd, io.stdin, flags.header);
  const result = await evalSentiment(labeled, configuredEngine(io, flags), { text: flags.text, label: flags.label, by: flags.by, ...(scale ? { scale } : {}) });
  const under = floors ? underFloors(result, floors) : [];
  io.stdout(flags.format === 'json' ? renderEvalJson(result) : renderSentimentEval(result));
  return reportFloors(result.file, under, io);
}

export async function evalEmpathyCommand(file: string, flags: EvalFlags, io: Io): Promise<number> {
  const floors = flags.failUnder === undefined ? undefined : parseFloors(flags.failUnder);
  const labeled = await openLabeledFile(file, io.cwd, io.stdin, flags.header);
  const result = await evalEmpathy(labeled, configuredEngine(io, flags), {
    text: flags.text,
    by: flags.by,
    columns: Object.fromEntries((['empathy', 'categories', 'temper'] as const).flatMap((label) => (flags[label] ? [[label, flags[label]]] : []))),
  });
  const under = floors ? underFloors(result, floors) : [];
  io.stdout(flags.format === 'json' ? renderEvalJson(result) : renderEmpathyEval(result));
  return reportFloors(result.file, under, io);
}

/** Exit 1, naming each figure, when a figure is under the floor --fail-under set for it (checked
 * before the output is written, so that a floor on a figure the file does not give prints nothing). */
function reportFloors(file: string, under: string[], io: Io): number {
  for (const line of under) io.stderr(`attune: ${file}: ${line}\n`);
  return under.length > 0 ? EXIT.findings : EXIT.ok;
}

/** attune as the team runs it: the built-in rules with the config's own, and the learned empathy model
 * unless the config turns it off. */
function configuredEngine(io: Io, flags: EvalFlags): DetectionEngine {
  const config = resolveConfig(io, flags.config);
  return createDefaultEngine([...loadBuiltinRules(), ...config.rules], { learned: learnedModelOn(config) });
}
