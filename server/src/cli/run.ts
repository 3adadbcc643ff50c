// The CLI's work, apart from process globals so tests can call it: gather files, lint (or fix), print, and
// answer the exit code (0 clean, 1 errors or too many warnings, 2 bad usage or an unreadable file).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseText } from '../parse/parsedDocument';
import { diagnose } from '../service/diagnostics';
import { findConfigFiles } from '../service/configFiles';
import { fixAll } from '../service/fixAll';
import type { Settings } from '../service/settings';
import { parseCliArgs, UsageError, USAGE } from './args';
import { formatJson, formatSarif, formatStylish, type FileReport } from './formatters';
import { withLiveCheck, type LiveLookup } from '../sinch/live/liveCli';
import { isFailingLiveDiagnostic } from '../sinch/live/liveRun';

export const CLI_VERSION = '0.1.0';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
  /** `--live`: the live findings of a file (set by withLiveCheck, which runs first). */
  live?: LiveLookup;
}

export function runCli(argv: string[], io: CliIo): number | Promise<number> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`sinchcp-lint: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) { io.stdout(USAGE); return 0; }
  if (options.version) { io.stdout(CLI_VERSION); return 0; }
  if (options.live && !io.live) return withLiveCheck(options.paths, io, (live) => runCli(argv, { ...io, live }) as number);

  const settings: Settings = { validate: { enable: true }, rules: options.rules };
  let unreadable = false;
  const files: string[] = [];
  for (const path of options.paths) {
    try {
      if (statSync(path).isDirectory()) {
        const found = findConfigFiles(path);
        if (!found.length) io.stderr(`sinchcp-lint: no config files (*.sinchcp.yaml) found in ${path}`);
        files.push(...found);
      } else {
        files.push(path);
      }
    } catch (error) {
      io.stderr(`sinchcp-lint: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      unreadable = true;
    }
  }

  const reports: FileReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr(`sinchcp-lint: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      unreadable = true;
      continue;
    }
    const uri = pathToFileURL(resolve(file)).href;
    let doc = parseText(text, uri);
    if (options.fix) {
      const result = fixAll(doc, settings);
      if (result.text !== text) {
        writeFileSync(file, result.text);
        const summary = [...result.fixed].map(([rule, count]) => `${rule} ×${count}`).join(', ');
        io.stderr(`sinchcp-lint: fixed ${file}: ${summary}`);
        doc = parseText(result.text, uri);
      }
    }
    reports.push({ file, diagnostics: [...diagnose(doc, settings), ...(io.live?.(file, doc) ?? [])] });
  }

  const output = options.format === 'json' ? formatJson(reports)
    : options.format === 'sarif' ? formatSarif(reports, CLI_VERSION)
      : formatStylish(reports, io.color);
  io.stdout(output);

  if (unreadable) return 2;
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  const warnings = all.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
  if (errors > 0 || all.some(isFailingLiveDiagnostic)) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`sinchcp-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}
