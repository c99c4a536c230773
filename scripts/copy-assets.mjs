// Copies the detectors' data (rule YAML, sentiment cues and model) next to the compiled code, so dist/ runs on its own,
// and writes the built-in rules, parsed and checked, as JSON beside them (read at start-up instead of the YAML).
// Last, it builds the phrase index of the built-in rules, the learned empathy model's gram index and the
// sentiment model's flat weights once and keeps them (read at start-up instead of built).
// Each folder is replaced, not merged: a rule file removed or renamed in src/ must not linger in dist/.
import { cpSync, rmSync, writeFileSync } from 'node:fs';

for (const folder of ['detect/rules', 'detect/data']) {
  const target = new URL(`../dist/${folder}`, import.meta.url);
  rmSync(target, { recursive: true, force: true });
  cpSync(new URL(`../src/${folder}`, import.meta.url), target, { recursive: true });
}

const { BUILTIN_RULES_DIR, COMPILED_RULES_FILE, loadBuiltinRuleFiles } = await import('../dist/detect/load-rules.js');
writeFileSync(new URL(COMPILED_RULES_FILE, `file://${BUILTIN_RULES_DIR}`), `${JSON.stringify(loadBuiltinRuleFiles())}\n`);

const { recordIndexes, writeSnapshot } = await import('../dist/detect/index-snapshot.js');
const { createDefaultEngine } = await import('../dist/detect/engine.js');
recordIndexes();
createDefaultEngine(undefined, { sentiment: false });
writeSnapshot();

const { writeEmpathySnapshot } = await import('../dist/detect/empathy-snapshot.js');
writeEmpathySnapshot();
const { writeSentimentSnapshot } = await import('../dist/detect/sentiment-snapshot.js');
writeSentimentSnapshot();
