// The three output formats of sinchcp-lint. Messages never contain a secret's value (rules quote only
// references and non-secret values), so printing them is safe.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { pathToFileURL } from 'node:url';
import { ruleByName } from '../rules/registry';
import { ruleDocUrl } from '../service/docsLinks';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
}

export function severityName(severity: DiagnosticSeverity | undefined): 'error' | 'warning' | 'info' {
  if (severity === DiagnosticSeverity.Error) return 'error';
  if (severity === DiagnosticSeverity.Warning) return 'warning';
  return 'info';
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(reports.map((report) => ({
    file: report.file,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code,
      severity: severityName(d.severity),
      message: d.message,
      range: d.range,
    })),
  })), null, 2);
}

export function formatStylish(reports: FileReport[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    if (!report.diagnostics.length) continue;
    lines.push(paint('4', report.file));
    for (const d of report.diagnostics) {
      const severity = severityName(d.severity);
      counts[severity]++;
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
      const label = severity === 'error' ? paint('31', 'error  ') : severity === 'warning' ? paint('33', 'warning') : paint('36', 'info   ');
      lines.push(`  ${paint('2', where)} ${label}  ${d.message}  ${paint('2', String(d.code))}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) {
    lines.push(`✓ ${reports.length} file${reports.length === 1 ? '' : 's'} checked, no problems`);
  } else {
    lines.push(`✖ ${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ` +
      `${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${reports.length} file${reports.length === 1 ? '' : 's'}`);
  }
  return lines.join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(reports: FileReport[], version: string): string {
  const used = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => String(d.code))))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'sinchcp-lint',
          version,
          informationUri: ruleDocUrl('').replace(/#$/, ''),
          rules: used.map((id) => {
            const rule = ruleByName(id);
            return {
              id,
              shortDescription: { text: rule?.summary ?? id },
              helpUri: ruleDocUrl(id),
              defaultConfiguration: { level: SARIF_LEVEL[rule?.severity ?? 'warning'] },
            };
          }),
        },
      },
      results: reports.flatMap((report) => report.diagnostics.map((d) => ({
        ruleId: String(d.code),
        level: SARIF_LEVEL[severityName(d.severity)],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: pathToFileURL(report.file).href },
            // SARIF lines and columns are 1-based.
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        }],
      }))),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
