// --format gitlab: a GitLab Code Quality report (artifacts: reports: codequality), a JSON array of issues with
// description, check_name, fingerprint (unique per issue: the finding's fingerprint plus its file), severity
// and a location with 1-based lines and columns relative to the repository.
import { createHash } from 'node:crypto';
import { severityName, type FormatContext, type LintReport } from './formatters';
import { displayPath } from './paths';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export function formatGitlab(report: LintReport, context: FormatContext): string {
  const issues = report.files.flatMap((file) => {
    const path = displayPath(file.file, context.cwd);
    return file.diagnostics.map((d, index) => ({
      description: d.message,
      check_name: String(d.code),
      fingerprint: createHash('sha256')
        .update(`${path}\0${file.fingerprints?.[index] ?? index}`)
        .digest('hex')
        .slice(0, 32),
      severity: SEVERITY[severityName(d.severity)],
      location: {
        path,
        positions: {
          begin: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
          end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
        },
      },
    }));
  });
  return JSON.stringify(issues, null, 2);
}
