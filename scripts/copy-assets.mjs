// Copies the rule data (YAML) next to the compiled detectors, so dist/ runs on its own.
import { cpSync } from 'node:fs';

cpSync(new URL('../src/detect/rules', import.meta.url), new URL('../dist/detect/rules', import.meta.url), {
  recursive: true,
});
