// Runs one detector on one turn, outside the engine: what the detector tests share.
import type { Detector, Finding } from '../../src/detect/detector.js';
import { tokenize } from '../../src/detect/tokenize.js';

/** The detector's findings on `text`; `found` answers which categories other detectors have already found. */
export function detectAlone(detector: Detector, text: string, found: (category: string) => boolean = () => false): Finding[] {
  const findings: Finding[] = [];
  detector.detect({ text, tokens: tokenize(text) }, { addFinding: (f) => findings.push(f), setSentiment: () => {}, setAside: () => {}, counter: () => {}, countered: () => [], found, settled: () => false });
  return findings;
}
