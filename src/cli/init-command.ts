// `attune init`: writes a commented starter config that attune itself accepts.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AttuneError, EXIT } from '../errors.js';
import type { Io } from './io.js';
import { resolveConfig } from './lint-command.js';

export const STARTER_CONFIG = `# attune configuration: read by attune lint, rules, audit and eval, found by searching
# upward from the working directory (or named with --config).

# attune lint fails (exit 1) on findings at or above this severity: info, warning or error.
failOn: error

# Live chat: the names of your agents, so that attune audit never mistakes one for a customer.
agents: []

# Turn built-in rules off or change their severity (list them with: attune rules).
rules:
  tone/negative: warning
  empathy/scripted: info
  empathy/required:
    severity: warning
    # Responses whose title, tags or text mention one of these must show empathy.
    topics: [complaint, delay, late, refund, error, failed, problem, broken, cancel, charged, lost, damaged]

# Your team's own phrase rules. Check them with: attune rules test
phraseRules:
  - id: team/no-guarantees
    category: promise
    severity: warning
    message: "Response promises what support cannot guarantee: '{match}'."
    phrases:
      - (we|i) guarantee
      - 100% (sure|certain)
    examples:
      match: ["We guarantee it arrives tomorrow."]
      noMatch: ["We expect it to arrive tomorrow."]

# More rule files, relative to this file.
ruleFiles: []
`;

export function initCommand(flags: { force?: boolean }, io: Io): number {
  const file = path.join(io.cwd, '.attunerc.yaml');
  if (existsSync(file) && !flags.force) throw new AttuneError(`.attunerc.yaml already exists here; use --force to overwrite it.`);
  writeFileSync(file, STARTER_CONFIG);
  resolveConfig(io, file);
  io.stdout(`Wrote .attunerc.yaml. Try: attune rules test, then attune lint <library>.\n`);
  return EXIT.ok;
}
