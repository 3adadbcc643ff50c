// --format github: GitHub Actions workflow commands, one per finding, which the runner turns into annotations on
// the pull request's diff: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Escaping as in
// GitHub's toolkit (@actions/core command.ts): in the message `%`, CR and LF; in property values also `:` and
// `,`. Lines and columns are 1-based. Warnings are `::warning`, infos `::notice`.
import { severityName, type FormatContext, type LintReport } from './formatters';
import { displayPath } from './paths';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

export function formatGithub(report: LintReport, context: FormatContext): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      lines.push(
        command(
          COMMAND[severityName(d.severity)],
          {
            file: displayPath(file.file, context.cwd),
            line: d.range.start.line + 1,
            col: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            title: `sinchcp-lint ${String(d.code)}`,
          },
          d.message,
        ),
      );
    }
  }
  for (const failure of report.failures) {
    lines.push(
      command(
        'error',
        { file: displayPath(failure.path, context.cwd), title: 'sinchcp-lint: not checked' },
        failure.message,
      ),
    );
  }
  return lines.join('\n');
}
