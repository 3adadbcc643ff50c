// --format sarif: SARIF 2.1.0 as code-scanning dashboards (GitHub code scanning and others) use it:
// - every rule in tool.driver.rules with its descriptions, its page (docs/rules/<rule>.md, shipped with sinchcp)
//   and default level, so a dashboard can show a rule's help even for rules that found nothing in this run; no
//   helpUri, since sinchcp has no public web page to point at;
// - file locations relative to %SRCROOT% (originalUriBaseIds: the folder sinchcp-lint ran in), so the paths
//   match the repository wherever CI checked it out;
// - partialFingerprints that survive unrelated edits (fingerprints.ts), so alerts keep their history;
// - invocations[0].executionSuccessful false, with a notification per input that could not be checked.
// Columns are UTF-16 code units (columnKind), as the language server counts them.
import { pathToFileURL } from 'node:url';
import { allRules } from '../rules/registry';
import type { Severity } from '../rules/types';
import { ruleDocPath } from '../service/docsLinks';
import { FINGERPRINT_KEY } from './fingerprints';
import { severityName, type FormatContext, type LintReport } from './formatters';
import { relativeToCwd } from './paths';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const SRCROOT = '%SRCROOT%';

function artifactLocation(file: string, cwd: string) {
  const relative = relativeToCwd(file, cwd);
  if (relative === undefined) return { uri: pathToFileURL(file).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function sarifRules() {
  return allRules.map((rule) => {
    const page = ruleDocPath(rule.name);
    return {
      id: rule.name,
      name: rule.name,
      shortDescription: { text: rule.summary },
      fullDescription: {
        text: `${rule.summary} Default severity: ${rule.severity}. What it catches, why it matters, and a wrong and a right example: sinchcp's ${page}.`,
      },
      help: {
        text: `${rule.summary}\n\nDocumentation, with a wrong and a right example: ${page} in sinchcp (the VS Code extension shows it from the rule's code).`,
        markdown: `**${rule.summary}**\n\nSee \`${page}\` in sinchcp (the VS Code extension opens it from the rule's code) for what fails in production without it, a wrong and a right example, and the quick fix.`,
      },
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: ['sinchcp'] },
    };
  });
}

export function formatSarif(report: LintReport, context: FormatContext): string {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((d, index) => {
      const ruleId = String(d.code);
      const fingerprint = file.fingerprints?.[index];
      return {
        ruleId,
        ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {}),
        level: LEVEL[severityName(d.severity)],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file.file, context.cwd),
              // SARIF lines and columns are 1-based.
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        ...(fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
      };
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sinchcp-lint',
            version: context.version,
            semanticVersion: context.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd).href.replace(/\/?$/, '/') } },
        invocations: [
          {
            executionSuccessful: report.failures.length === 0,
            toolExecutionNotifications: report.failures.map((failure) => ({
              level: 'error',
              message: { text: failure.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.path, context.cwd) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
