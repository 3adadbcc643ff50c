// The output formats of sinchcp-lint: stylish (people), json (scripts; a fixed interface, see README "Using it"), and the CI ones in
// their own files (sarif.ts, github.ts, gitlab.ts). Messages never contain a secret's value (rules quote only
// references and non-secret values, and diagnostics are redacted), so printing them is safe.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { OutputFormat } from './args';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatSarif } from './sarif';

export interface FileReport {
  /** The path as the user gave it (or the --stdin-filename). */
  file: string;
  diagnostics: Diagnostic[];
  /** One per diagnostic (fingerprints.ts), for the formats that dashboards track over time. */
  fingerprints?: string[];
}

/** An input that could not be checked (missing path, unlistable folder, unreadable file, failed write). */
export interface InputFailure {
  path: string;
  /** What went wrong, for a person: "cannot read PATH: ENOENT". Never file contents. */
  message: string;
}

export interface LintReport {
  files: FileReport[];
  failures: InputFailure[];
}

export interface FormatContext {
  color: boolean;
  version: string;
  /** Paths in CI formats are relative to this folder (the repository root when CI runs from it). */
  cwd: string;
}

export function severityName(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'info' {
  if (severity === DiagnosticSeverity.Error) return 'error';
  if (severity === DiagnosticSeverity.Warning) return 'warning';
  return 'info';
}

export function formatReport(format: OutputFormat, report: LintReport, context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(report.files);
    case 'sarif':
      return formatSarif(report, context);
    case 'github':
      return formatGithub(report, context);
    case 'gitlab':
      return formatGitlab(report, context);
    case 'stylish':
      return formatStylish(report, context.color);
  }
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((report) => ({
      file: report.file,
      diagnostics: report.diagnostics.map((d) => ({
        code: d.code,
        severity: severityName(d.severity),
        message: d.message,
        range: d.range,
      })),
    })),
    null,
    2,
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The column of a message in stylish output: 2 spaces, the position (8), a space, the severity (7), 2 spaces. */
const MESSAGE_INDENT = ' '.repeat(2 + 8 + 1 + 7 + 2);

export function formatStylish(report: LintReport, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of report.files) {
    if (!file.diagnostics.length) continue;
    lines.push(paint('4', file.file));
    for (const d of file.diagnostics) {
      const severity = severityName(d.severity);
      counts[severity]++;
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
      const label =
        severity === 'error'
          ? paint('31', 'error  ')
          : severity === 'warning'
            ? paint('33', 'warning')
            : paint('36', 'info   ');
      // A message's first line says what is wrong; its later lines (where to look, why) go beneath it, indented
      // to the message's column so the eye keeps the columns of line, severity and rule.
      const [first = '', ...rest] = d.message.split(/\r?\n/);
      lines.push(`  ${paint('2', where)} ${label}  ${first}  ${paint('2', String(d.code))}`);
      for (const line of rest) lines.push(`${MESSAGE_INDENT}${line}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  const checked = report.files.length;
  if (total > 0) {
    lines.push(
      `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
        `${counts.info} info) in ${plural(checked, 'file')}`,
    );
  } else if (!report.failures.length) {
    lines.push(`✓ ${plural(checked, 'file')} checked, no problems`);
  }
  // Never a reassuring summary when something was not checked: the reasons are on standard error.
  if (report.failures.length) {
    const fine =
      total === 0 && checked > 0
        ? `; the ${plural(checked, 'file')} checked ${checked === 1 ? 'has' : 'have'} no problems`
        : '';
    lines.push(`✖ ${plural(report.failures.length, 'input')} could not be checked (see above)${fine}`);
  }
  return lines.join('\n');
}
