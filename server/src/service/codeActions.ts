// The code actions of one finding: the rule's quick fixes, then "Disable <rule> for this line" and
// "Show documentation for <rule>" (docs/format.md#severities-and-silencing).
import type { ParsedDocument } from '../parse/parsedDocument';
import { SERVER_COMMANDS } from '../protocol/commands';
import { parseRuleList } from '../parse/directives';
import { quoteValues } from '../rules/messageStyle';
import type { QuickFix, TextEditSpan } from '../rules/types';
import type { LintResult } from './diagnostics';
import { ruleDocUrl } from './docsLinks';
import { capQuotedValues, literalSecrets, redactSecrets } from './redactSecrets';
import { cutMultiLineValues } from './multiLineValues';

export const SHOW_DOCUMENTATION_COMMAND = SERVER_COMMANDS.showDocumentation.command;

export interface ActionCandidate extends QuickFix {
  /** A command to run instead of (or after) the edits. */
  command?: { title: string; command: string; arguments: unknown[] };
}

export function actionsFor(
  doc: ParsedDocument,
  result: LintResult,
  onError?: (error: unknown) => void,
): ActionCandidate[] {
  const { rule, finding } = result;
  let fixes: QuickFix[] = [];
  try {
    fixes = rule.fixes?.(finding, doc) ?? [];
  } catch (error) {
    onError?.(error);
  }
  // A fix title may quote the value it writes (an upper-cased app ID with a pasted secret after it).
  const secrets = literalSecrets(doc);
  fixes = fixes.map((fix) => ({
    ...fix,
    title: redactSecrets(cutMultiLineValues(capQuotedValues(fix.title), doc), secrets),
  }));
  const disable = disableForLine(doc, rule.name, doc.textDocument.positionAt(finding.span.start).line);
  // The rule's page shipped with the extension (docsLinks.ts); the VS Code client shows it as a Markdown preview.
  const page = ruleDocUrl(rule.name);
  return [
    ...fixes,
    { title: quoteValues(`Disable \`${rule.name}\` for this line`), edits: [disable] },
    ...(page
      ? [
          {
            title: quoteValues(`Show documentation for \`${rule.name}\``),
            edits: [],
            command: { title: 'Show documentation', command: SHOW_DOCUMENTATION_COMMAND, arguments: [page] },
          },
        ]
      : []),
  ];
}

const NEXT_LINE_DIRECTIVE = /^(\s*)#\s*sinchcp-disable-next-line\b(.*)$/;

/**
 * Inserts `# sinchcp-disable-next-line <rule>` above the line, with the line's indentation; when the line
 * above already is such a comment, the rule is added to its list instead.
 */
export function disableForLine(doc: ParsedDocument, rule: string, line: number): TextEditSpan {
  const lineStart = doc.textDocument.offsetAt({ line, character: 0 });
  if (line > 0) {
    const aboveStart = doc.textDocument.offsetAt({ line: line - 1, character: 0 });
    const above = doc.text.slice(aboveStart, lineStart).replace(/\r?\n$/, '');
    const match = NEXT_LINE_DIRECTIVE.exec(above);
    if (match) {
      const tail = match[2] ?? '';
      const names = parseRuleList(tail);
      if (names.length === 0 || names.includes(rule))
        return { span: { start: lineStart, end: lineStart }, newText: '' };
      // Add the rule after the last name, before any `-- reason` or trailing comment.
      const namesPart = tail.split(/\s--\s|#/)[0] ?? '';
      const listEnd = aboveStart + (above.length - tail.length) + namesPart.trimEnd().length;
      return { span: { start: listEnd, end: listEnd }, newText: `, ${rule}` };
    }
  }
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))?.[0] ?? '';
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}# sinchcp-disable-next-line ${rule}${eol}` };
}
