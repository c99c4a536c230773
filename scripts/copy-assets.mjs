// Copies the detectors' data (rule YAML, sentiment cues and model) next to the compiled code, so dist/ runs on its own.
import { cpSync } from 'node:fs';

for (const folder of ['detect/rules', 'detect/data']) {
  cpSync(new URL(`../src/${folder}`, import.meta.url), new URL(`../dist/${folder}`, import.meta.url), { recursive: true });
}
