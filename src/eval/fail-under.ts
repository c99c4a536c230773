// `attune eval --fail-under`: the floors a CI job sets on agreement figures ("empathy=0.9,apology=0.95",
// "macro-f1=0.7"), and the figures of an eval that fall under them.
import { AttuneError } from '../errors.js';
import type { EmpathyEval } from './eval-empathy.js';
import type { SentimentEval } from './eval-sentiment.js';

export type Floors = Map<string, number>;

/** Parses "name=value,…", each value from 0 to 1. */
export function parseFloors(value: string): Floors {
  const floors: Floors = new Map();
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)\s*=\s*(\d*\.?\d+)$/i.exec(part);
    const floor = Number(match?.[2]);
    if (!match || !(floor >= 0 && floor <= 1)) throw new AttuneError(`--fail-under: '${part}' is not name=value with a value from 0 to 1 (for example empathy=0.9).`);
    floors.set(match[1]!.toLowerCase(), floor);
  }
  if (floors.size === 0) throw new AttuneError('--fail-under: name at least one figure, for example empathy=0.9.');
  return floors;
}

/** The figures a floor may name, each with how a failure names it: macro-F1, accuracy, kappa and each
 * class's F1 for sentiment; the F1 of empathy, temper and each category the file labels for empathy. */
export function floorFigures(result: SentimentEval | EmpathyEval): Map<string, { figure: number; what: string }> {
  const f1 = (label: string, figure: number): [string, { figure: number; what: string }] => [label, { figure, what: `${label} F1` }];
  if ('macroF1' in result) {
    const overall = { 'macro-f1': result.macroF1, accuracy: result.accuracy, kappa: result.kappa };
    return new Map([...Object.entries(overall).map(([name, figure]): [string, { figure: number; what: string }] => [name, { figure, what: name }]), ...result.classes.filter((c) => c.support > 0).map((c) => f1(c.label, c.f1))]);
  }
  return new Map([result.empathy, result.temper, ...result.categories].filter((s) => s.labeled > 0 && s.support > 0).map((s) => f1(s.label, s.f1)));
}

/** One line per figure under its floor ("empathy F1 0.874 is under 0.900"); a floor on a figure the file
 * does not give is an error. */
export function underFloors(result: SentimentEval | EmpathyEval, floors: Floors): string[] {
  const figures = floorFigures(result);
  const lines: string[] = [];
  for (const [name, floor] of floors) {
    const found = figures.get(name);
    if (found === undefined) throw new AttuneError(`--fail-under: ${result.file} gives no '${name}' to check; it gives ${[...figures.keys()].join(', ')}.`);
    // Compared as shown, to three decimals: an F1 of 0.7999… that the table shows as 0.800 meets 0.8.
    if (Math.round(found.figure * 1000) / 1000 < floor) lines.push(`${found.what} ${found.figure.toFixed(3)} is under ${floor.toFixed(3)}`);
  }
  return lines;
}
