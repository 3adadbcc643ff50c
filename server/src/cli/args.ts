// Command-line arguments of sinchcp-lint (PRODUCT.md fixes them):
//   sinchcp-lint [--format stylish|json|sarif] [--rule NAME=error|warning|info|off]… [--fix] [--max-warnings N] PATH…
import { parseArgs } from 'node:util';
import { ruleNames } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';

export type OutputFormat = 'stylish' | 'json' | 'sarif';

export interface CliOptions {
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  fix: boolean;
  live: boolean;
  maxWarnings: number | undefined;
  paths: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        rule: { type: 'string', multiple: true, default: [] },
        fix: { type: 'boolean', default: false },
        live: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
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
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
    }
  }
  if (!positionals.length && !values.help && !values.version) throw new UsageError('no PATH given');
  return {
    format, rules, fix: !!values.fix, live: !!values.live, maxWarnings, paths: positionals, help: !!values.help, version: !!values.version,
  };
}

export const USAGE = `Usage: sinchcp-lint [options] PATH…

Checks Sinch Contact Pro ↔ Conversation API configuration files (*.sinchcp.yaml).
PATH is a file or a folder (searched for config files).

Options:
  -f, --format stylish|json|sarif   output format (default: stylish)
  --rule NAME=error|warning|info|off
                                    change a rule's severity or turn it off (repeatable)
  --fix                             write every safe fix back to the files
  --live                            also compare with the Sinch project (SINCH_KEY_ID / SINCH_KEY_SECRET);
                                    live findings (live-*) that are errors or warnings give exit 1
  --max-warnings N                  exit 1 when there are more than N warnings
  -h, --help                        show this help
  -v, --version                     show the version

Exit codes: 0 no errors (and warnings within the limit); 1 errors, or warnings over the limit;
2 bad usage or an unreadable file.`;
