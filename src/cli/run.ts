// The command line: parses argv with commander and returns the exit code; never exits the process.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { AttuneError, EXIT } from '../errors.js';
import type { AuditFlags } from './audit-command.js';
import type { DiffFlags } from './diff-command.js';
import type { EvalFlags } from './eval-command.js';
import type { LintFlags } from './lint-command.js';
import type { MergeFlags } from './merge-command.js';
import { processIo, type Io } from './io.js';
import { READER_NAMES } from '../ingest/vendors/vendor-reader.js';
import { GROUP_BY } from '../aggregate/scored-turn.js';
import { guardStall } from '../stall-guard.js';

// Commands are imported when they run, so that each loads only what it needs (start-up time).
const INPUT_FORMATS = ['csv', 'json', 'ndjson'];
const LINT_FORMAT_NAMES = ['stylish', 'json', 'junit', 'sarif', 'github', 'gitlab'];
const DIFF_METRICS = ['empathy', 'empathy-when-needed', 'temper', 'sentiment-end', 'sentiment-change', 'ends-negative', 'recovered'];

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  const stopGuarding = guardStall(io.stderr);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.error;
    }
    if (error instanceof AttuneError) {
      io.stderr(`attune: ${error.message}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    io.stderr(`attune: unexpected error: ${err.message}${debug ? `\n${err.stack ?? ''}` : ' (run again with --debug for details)'}\n`);
    return EXIT.error;
  } finally {
    stopGuarding();
  }
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('attune')
    .description('Audit customer-support conversations: customer sentiment, agent empathy and temper, offline.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces on errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run attune --help for usage)');

  program
    .command('audit')
    .description('score every conversation of the given exports and report per agent')
    .argument('<inputs...>', 'export files (CSV, JSON, NDJSON, .xlsx, chat logs; gzipped or in .zip archives), folders (searched recursively), globs, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'report format (default: the one the --out file\'s extension names, else table)').choices(['table', 'json', 'csv', 'md', 'html']))
    .option('--coaching <n>', 'export the coaching queue instead of the summary, n conversations per agent (with --format md, csv or json)')
    .option('--no-progress', 'no progress bar on standard error')
    .option('--redact', 'mask emails, phone, card and order numbers, and IBANs in every quote of every output')
    .option('--strict', 'stop at the first bad record, naming its file and line (default: skip it, count it, and warn once per reason, naming where it was first met)')
    .option('--encoding <name>', 'read every input in this encoding (default: UTF-8, UTF-16 by byte-order mark, else Windows-1252)')
    .option('--partial <file>', 'also write this run\'s partial aggregate, for attune merge (one shard of a large audit)')
    .option('-j, --jobs <n>', 'threads that score turns: 1 scores on the main thread, n adds n - 1 worker threads (default: the number of cores; 1 for inputs under 2 MB); the report is the same for any n')
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--turns <file>', 'also write one JSON line per turn (sentiment, findings, source) to this file')
    .addOption(new Option('--input-format <format>', 'read every input as this format instead of detecting it').choices([...INPUT_FORMATS]))
    .option('--map <fields>', 'name the fields to read, e.g. conversation=ticket_id,role=sender,agent=author,text=body,time=created')
    .addOption(new Option('--assume-role <role>', 'role of every turn when the export has no role field').choices(['customer', 'agent']))
    .option('--role-values <pairs>', 'what role values mean, beside the built-in words, e.g. user=agent,bot=other')
    .addOption(new Option('--from <reader>', 'the export layout; auto sniffs each file').choices(['auto', ...READER_NAMES]).default('auto'))
    .option('--agents <names>', 'live chat: the names of agents, comma-separated (others are customers)')
    .option('--agent-map <file>', 'CSV or JSON mapping agent ids, emails or sign-off initials to a name and team')
    .addOption(new Option('--by <group>', 'one report row per agent, team, channel or month').choices([...GROUP_BY]).default('agent'))
    .option('-c, --config <file>', 'config file for agents and team phrase rules (default: the nearest .attunerc.* above the working directory)')
    .option('--no-color', 'never colour the table')
    .action(async (inputs: string[], flags: AuditFlags) => setCode(await (await import('./audit-command.js')).auditCommand(inputs, flags, io)));

  const evaluate = program.command('eval').description("compare attune's labels with a file of human labels");
  const evalOptions = (command: Command): Command =>
    command
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .option('--no-header', 'the file has no header row: name columns by position (1, 2, 3…)')
      .option('--by <column>', 'the same figures for each value of this column (a source, a team, a channel)')
      .option('-c, --config <file>', "config file whose team phrase rules and 'empathy/learned: off' to apply (default: the nearest .attunerc.* above the working directory)")
      .option('--fail-under <figures>', 'exit 1 when a figure is under its floor, e.g. empathy=0.9,apology=0.95 or macro-f1=0.7');
  evalOptions(
    evaluate
      .command('sentiment')
      .description('customer sentiment: accuracy, macro-F1, per-class scores, confusion matrix, Cohen\'s kappa')
      .argument('<file>', 'CSV, TSV, JSON or NDJSON with a text column and a label column')
      .option('--text <column>', 'the column holding the text (default: text, body, message, …)')
      .option('--label <column>', 'the column holding the human label (default: label, sentiment, polarity, …)')
      .option('--scale <min:max>', 'labels are numeric ratings on this scale, e.g. -4:4')
      .option('--neutral-band <width>', 'with --scale: ratings this close to the middle are neutral (default: a sixteenth of the range)'),
  ).action(async (file: string, flags: EvalFlags) => setCode(await (await import('./eval-command.js')).evalSentimentCommand(file, flags, io)));
  evalOptions(
    evaluate
      .command('empathy')
      .description('agent empathy, courtesy and temper: precision, recall and F1, and the worst disagreements')
      .argument('<file>', 'labeled agent messages with id, text, empathy (0/1), categories, temper (0/1)')
      .option('--text <column>', 'the column holding the message (default: text, body, message, …)')
      .option('--empathy <column>', 'the column holding the empathy label, 0/1 (default: empathy, is_empathetic, …)')
      .option('--categories <column>', 'the column holding the categories (default: categories, category, labels)')
      .option('--temper <column>', 'the column holding the temper label, 0/1 (default: temper, has_temper, …)'),
  ).action(async (file: string, flags: EvalFlags) => setCode(await (await import('./eval-command.js')).evalEmpathyCommand(file, flags, io)));

  program
    .command('lint')
    .description('check canned-response libraries against the built-in and team rules (exit 1 on findings at or above --fail-on)')
    .argument('<library...>', 'Zendesk macros JSON, {title: text} JSON, YAML, CSV or TSV (title,text), Excel (.xlsx), Markdown, or folders of .txt/.md files; each may be gzipped, or in a .zip')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMAT_NAMES).default('stylish'))
    .option('-c, --config <file>', 'config file (default: the nearest .attunerc.yaml, .attunerc.json or attune.config.* above the working directory)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: error, or failOn in the config)').choices(['info', 'warning', 'error']))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-o, --out <file>', 'write the output to a file (atomically) instead of standard output')
    .option('--baseline <file>', 'report only findings not recorded in this baseline (see --write-baseline)')
    .option('--write-baseline <file>', "record today's findings in this file, so that later runs with --baseline report only new ones")
    .action(async (inputs: string[], flags: LintFlags) => setCode(await (await import('./lint-command.js')).lintCommand(inputs, flags, io, VERSION)));

  const rules = program
    .command('rules')
    .description('list every rule with its severity and description')
    .option('-c, --config <file>', 'config file whose team rules and severities to include')
    .action(async (flags: { config?: string }) => setCode((await import('./rules-command.js')).listRulesCommand(flags, io)));
  rules
    .command('test')
    .description("run the examples of every rule (or of the given rule files) and report any that fail")
    .argument('[files...]', 'rule files to test instead of the built-in and configured rules')
    .option('-c, --config <file>', 'config file whose team rules to test')
    .action(async (files: string[], flags: { config?: string }) => setCode((await import('./rules-command.js')).testRulesCommand(files, flags, io)));

  program
    .command('merge')
    .description('merge the partial aggregates of shards (attune audit --partial) into one report')
    .argument('<partials...>', 'partial aggregates, in the order of the inputs they cover')
    .addOption(new Option('-f, --format <format>', 'report format (default: the one the --out file\'s extension names, else table)').choices(['table', 'json', 'csv', 'md', 'html']))
    .option('-o, --out <file>', 'write the report to a file (atomically) instead of standard output')
    .option('-c, --config <file>', 'config file whose team rules give coaching suggestions')
    .option('--no-color', 'never colour the table')
    .action(async (files: string[], flags: MergeFlags) => setCode(await (await import('./merge-command.js')).mergeCommand(files, flags, io)));

  program
    .command('diff')
    .description('what changed per agent and for the team between two JSON reports')
    .argument('<old>', 'the earlier report (attune audit --format json)')
    .argument('<new>', 'the later report')
    .option('--fail-on-drop <metric=points...>', `exit 1 when a team metric gets worse by more than this many points (metrics: ${DIFF_METRICS.join(', ')})`)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (before: string, after: string, flags: DiffFlags) => setCode((await import('./diff-command.js')).diffCommand(before, after, flags, io)));

  program
    .command('init')
    .description('write a commented starter .attunerc.yaml in the working directory')
    .option('--force', 'overwrite an existing .attunerc.yaml')
    .action(async (flags: { force?: boolean }) => setCode((await import('./init-command.js')).initCommand(flags, io)));

  return program;
}
