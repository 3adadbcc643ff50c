// The CLI's work, apart from process globals so tests can call it: gather inputs, lint (or fix), print, and
// answer the exit code:
//   0  no errors, and warnings within --max-warnings
//   1  errors, or more warnings than --max-warnings
//   2  bad usage, or an input that could not be checked (missing, unlistable folder, not a regular file, too
//      large, unreadable, a fix or the report that could not be written). 2 wins over 1; every input that
//      could be checked is still checked and reported.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseText, type ParsedDocument } from '../parse/parsedDocument';
import { formatBytes, MAX_CONFIG_FILE_BYTES, readConfigTextSync, type ConfigReadResult } from '../service/configFiles';
import { diagnose } from '../service/diagnostics';
import { fixAll } from '../service/fixAll';
import type { Settings } from '../service/settings';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args';
import { fingerprintDiagnostics } from './fingerprints';
import { formatReport, type FileReport, type InputFailure } from './formatters';
import { errorCode, gatherInputs } from './inputs';
import { withLiveCheck, type LiveLookup } from '../sinch/live/liveCli';
import { isFailingLiveDiagnostic } from '../sinch/live/liveRun';
import { VERSION } from '../protocol/version';

/** The repository's version (the extension, the server and the CLI package share it). */
export const CLI_VERSION: string = VERSION;

/** The name standard input is reported under when --stdin-filename is not given. */
export const STDIN_NAME = '<stdin>';

export interface CliIo {
  /** Writes to standard output as is (the CLI adds the newlines). */
  stdout(text: string): void;
  stderr(text: string): void;
  color: boolean;
  /** The folder CI formats make paths relative to; default process.cwd(). */
  cwd?: string;
  /** Standard input, at most `limit` bytes (see readConfigTextSync for the failures). */
  readStdin?(limit: number): Promise<ConfigReadResult>;
  /** Where --fix and --output-file write; tests inject failures here. Default: fs.writeFileSync. */
  writeFile?(this: void, path: string, text: string): void;
  /** `--live`: the live findings of a file (set by withLiveCheck, which runs first). */
  live?: LiveLookup;
}

interface CheckedText {
  name: string;
  /** Where --fix writes, or undefined for standard input. */
  path: string | undefined;
  text: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`sinchcp-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    io.stdout(`${CLI_VERSION}\n`);
    return 0;
  }
  if (options.live && !io.live) return withLiveCheck(options.paths, io, (live) => runCli(argv, { ...io, live }));

  const say = (line: string) => io.stderr(`sinchcp-lint: ${line}\n`);
  const writeFile = io.writeFile ?? ((path: string, text: string) => writeFileSync(path, text));
  const settings: Settings = { validate: { enable: true }, rules: options.rules };
  const failures: InputFailure[] = [];
  const fail = (failure: InputFailure) => {
    failures.push(failure);
    say(failure.message);
  };

  // 1. What to check.
  const texts: CheckedText[] = [];
  if (options.stdin) {
    const name = options.stdinFilename ?? STDIN_NAME;
    const read = io.readStdin
      ? await io.readStdin(MAX_CONFIG_FILE_BYTES)
      : { ok: false as const, reason: 'unreadable' as const, detail: 'no standard input' };
    if (read.ok) texts.push({ name, path: undefined, text: read.text });
    else fail({ path: name, message: readFailureMessage(name, read) });
  } else {
    const inputs = gatherInputs(options.paths);
    inputs.failures.forEach(fail);
    inputs.notes.forEach(say);
    for (const file of inputs.files) {
      const read = readConfigTextSync(file);
      if (read.ok) texts.push({ name: file, path: file, text: read.text });
      else fail({ path: file, message: readFailureMessage(file, read) });
    }
  }

  // 2. Check (and fix) each.
  const reports: FileReport[] = [];
  const allDiagnostics: Diagnostic[] = [];
  let fixedStdin: string | undefined;
  for (const input of texts) {
    const uri = pathToFileURL(resolve(input.path ?? input.name)).href;
    let doc: ParsedDocument;
    let diagnostics: Diagnostic[];
    try {
      doc = parseText(input.text, uri);
      if (options.fix) doc = applyFixes(doc, input, settings, { writeFile, say, fail });
      if (!input.path && options.fix) fixedStdin = doc.text;
      diagnostics = diagnose(doc, settings, (rule, error) =>
        say(`rule ${rule} failed on ${input.name}: ${errorCode(error)}`),
      );
      if (io.live) diagnostics.push(...io.live(input.name, doc));
    } catch (error) {
      // A bug must cost one file, never the whole report (and never print a stack trace).
      fail({
        path: input.name,
        message: `could not check ${input.name}: internal error (${(error as Error)?.name ?? 'Error'})`,
      });
      if (!input.path && options.fix) fixedStdin = input.text;
      continue;
    }
    allDiagnostics.push(...diagnostics);
    const shown = options.quiet ? diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) : diagnostics;
    reports.push({ file: input.name, diagnostics: shown, fingerprints: fingerprintDiagnostics(doc, shown) });
  }

  // 3. Report. With --stdin --fix, standard output is the fixed text, so the report goes to standard error.
  const warnings = allDiagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
  const errors = allDiagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const output = formatReport(
    options.format,
    { files: reports, failures },
    {
      color: io.color && !options.outputFile && fixedStdin === undefined,
      version: CLI_VERSION,
      cwd: io.cwd ?? process.cwd(),
    },
  );
  let outputFailed = false;
  if (options.outputFile) {
    try {
      mkdirSync(dirname(resolve(options.outputFile)), { recursive: true }); // e.g. `-o reports/sinchcp.sarif`
      writeFile(options.outputFile, output ? `${output}\n` : '');
    } catch (error) {
      say(`cannot write the report to ${options.outputFile}: ${errorCode(error)}`);
      outputFailed = true;
    }
  } else if (output) {
    if (fixedStdin === undefined) io.stdout(`${output}\n`);
    else io.stderr(`${output}\n`);
  }
  if (fixedStdin !== undefined) io.stdout(fixedStdin);
  if (tooManyWarnings)
    say(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`);

  if (failures.length || outputFailed) return 2;
  if (errors > 0 || tooManyWarnings || allDiagnostics.some(isFailingLiveDiagnostic)) return 1;
  return 0;
}

function readFailureMessage(name: string, read: Extract<ConfigReadResult, { ok: false }>): string {
  switch (read.reason) {
    case 'not-a-file':
      return `not checked ${name}: ${read.detail}`;
    case 'too-large':
      return `not checked ${name}: larger than ${formatBytes(MAX_CONFIG_FILE_BYTES)}, the most sinchcp-lint reads`;
    case 'unreadable':
      return `cannot read ${name}: ${read.detail}`;
  }
}

interface FixIo {
  writeFile(path: string, text: string): void;
  say(line: string): void;
  fail(failure: InputFailure): void;
}

/** Fix-all, written back to the file; answers the document to report (the unfixed one if the write failed). */
function applyFixes(doc: ParsedDocument, input: CheckedText, settings: Settings, io: FixIo): ParsedDocument {
  const result = fixAll(doc, settings);
  if (result.text === doc.text) return doc;
  const summary = [...result.fixed].map(([rule, count]) => `${rule} ×${count}`).join(', ');
  if (input.path) {
    try {
      io.writeFile(input.path, result.text);
    } catch (error) {
      io.fail({
        path: input.path,
        message: `cannot write the fixes to ${input.path}: ${errorCode(error)} (the file is unchanged; its problems are listed as found)`,
      });
      return doc;
    }
    io.say(`fixed ${input.path}: ${summary}`);
  } else {
    io.say(`fixed ${input.name}: ${summary}`);
  }
  return parseText(result.text, doc.uri);
}
