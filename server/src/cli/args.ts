// Command-line arguments of sinchcp-lint (a fixed interface: README.md#use-in-ci documents it):
//   sinchcp-lint [--format stylish|json|sarif|github|gitlab] [--rule NAME=error|warning|info|off]… [--fix]
//                [--live] [--max-warnings N] [--quiet] [--output-file FILE] (PATH… | --stdin [--stdin-filename NAME])
// Each option is declared once in OPTIONS (for node's parseArgs) and described once in OPTION_HELP (for --help),
// so adding one is two entries and a line in parseCliArgs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ruleNames } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';
import { formatBytes, MAX_CONFIG_FILE_BYTES } from '../service/configFiles';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliOptions {
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  fix: boolean;
  live: boolean;
  maxWarnings: number | undefined;
  /** Report errors only (warnings and infos are not printed; --max-warnings still counts warnings). */
  quiet: boolean;
  /** Write the report here instead of standard output. */
  outputFile: string | undefined;
  /** Check the text on standard input instead of PATHs. */
  stdin: boolean;
  /** The name the standard-input text is reported under (and whose relative path SARIF uses). */
  stdinFilename: string | undefined;
  paths: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  rule: { type: 'string', multiple: true, default: [] },
  fix: { type: 'boolean', default: false },
  live: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  'output-file': { type: 'string', short: 'o' },
  stdin: { type: 'boolean', default: false },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies ParseArgsConfig['options'];

/** Only plain decimal digits: Number() would also take '', '0x10', '1e1', ' 7 '. */
const WHOLE_NUMBER = /^[0-9]+$/;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);

  const rules: Record<string, SeveritySetting> = {};
  for (const spec of values.rule ?? []) {
    const [name, severity, ...rest] = spec.split('=');
    if (!name || !severity || rest.length) throw new UsageError(`--rule takes NAME=SEVERITY, not "${spec}"`);
    if (!ruleNames.includes(name)) throw new UsageError(`--rule: unknown rule "${name}"`);
    if (!SEVERITIES.includes(severity as SeveritySetting)) {
      throw new UsageError(`--rule ${name}: severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`);
    }
    rules[name] = severity as SeveritySetting;
  }

  let maxWarnings: number | undefined;
  const maxWarningsText = values['max-warnings'];
  if (maxWarningsText !== undefined) {
    if (!WHOLE_NUMBER.test(maxWarningsText) || !Number.isSafeInteger(Number(maxWarningsText))) {
      throw new UsageError(`--max-warnings takes a whole number of warnings (0, 1, 2, …), not "${maxWarningsText}"`);
    }
    maxWarnings = Number(maxWarningsText);
  }

  const help = !!values.help;
  const version = !!values.version;
  const stdin = !!values.stdin;
  const stdinFilename = values['stdin-filename'];
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (stdinFilename === '') throw new UsageError('--stdin-filename needs a NAME');
  if (stdin && positionals.length) throw new UsageError('give either --stdin or PATHs, not both');
  if (!stdin && !positionals.length && !help && !version) throw new UsageError('no PATH given');
  const outputFile = values['output-file'];
  if (outputFile === '') throw new UsageError('--output-file needs a FILE');

  return {
    format,
    rules,
    fix: !!values.fix,
    live: !!values.live,
    maxWarnings,
    quiet: !!values.quiet,
    outputFile,
    stdin,
    stdinFilename,
    paths: positionals,
    help,
    version,
  };
}

const LIMIT = formatBytes(MAX_CONFIG_FILE_BYTES);

export const USAGE = `Usage: sinchcp-lint [options] PATH…
       sinchcp-lint [options] --stdin [--stdin-filename NAME] < FILE

Checks Sinch Contact Pro ↔ Conversation API configuration files (*.sinchcp.yaml).
PATH is a file or a folder (searched for config files; symlinks are followed).

Options:
  -f, --format FORMAT               stylish (default), json, sarif (code scanning), github (Actions
                                    annotations) or gitlab (Code Quality report)
  --rule NAME=error|warning|info|off
                                    change a rule's severity or turn it off (repeatable)
  --fix                             write every safe fix back to the files; with --stdin, print the
                                    fixed text on standard output (the report goes to standard error)
  --live                            also compare with the Sinch project (SINCH_KEY_ID / SINCH_KEY_SECRET);
                                    live findings (live-*) that are errors or warnings give exit 1
  --max-warnings N                  exit 1 when there are more than N warnings (N: 0, 1, 2, …)
  -q, --quiet                       report errors only (warnings still count for --max-warnings)
  -o, --output-file FILE            write the report to FILE instead of standard output
  --stdin                           check the text on standard input (at most ${LIMIT})
  --stdin-filename NAME             the file name to report it under (default: <stdin>)
  -h, --help                        show this help
  -v, --version                     show the version

Exit codes:
  0  no errors, and no more warnings than --max-warnings
  1  errors found, or more warnings than --max-warnings
  2  bad usage, or an input that could not be checked: a PATH that is missing, a folder that cannot
     be listed, a file that cannot be read, is not a regular file or is larger than ${LIMIT}, a fix or
     the --output-file that cannot be written (the other files are still checked and reported)`;
