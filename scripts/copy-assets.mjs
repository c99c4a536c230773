// Copies the detectors' data (rule YAML, sentiment cues and model) next to the compiled code, so dist/ runs on its own.
// Each folder is replaced, not merged: a rule file removed or renamed in src/ must not linger in dist/.
import { cpSync, rmSync } from 'node:fs';

for (const folder of ['detect/rules', 'detect/data']) {
  const target = new URL(`../dist/${folder}`, import.meta.url);
  rmSync(target, { recursive: true, force: true });
  cpSync(new URL(`../src/${folder}`, import.meta.url), target, { recursive: true });
}
