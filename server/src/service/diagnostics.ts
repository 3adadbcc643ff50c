// Runs every rule over a parsed document and turns findings into LSP diagnostics: severity from the settings,
// in-file suppressions applied, `data` carrying the fix payload and the document version it belongs to.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parse/parsedDocument';
import { isSuppressed } from '../parse/directives';
import { allRules } from '../rules/registry';
import type { Finding, Rule, Severity } from '../rules/types';
import type { Settings } from './settings';
import { ruleDocUrl } from './docsLinks';
import { capQuotedValues, literalSecrets, redactData, redactSecrets } from './redactSecrets';
import { cutMultiLineData, cutMultiLineValues } from './multiLineValues';

export const SOURCE = 'sinchcp';

/** A finding with its rule and the severity in force. */
export interface LintResult {
  rule: Rule;
  finding: Finding;
  severity: Severity;
}

/** What travels in `Diagnostic.data`: the fix payload, and the version it was computed for. */
export interface DiagnosticData {
  version: number;
  payload?: unknown;
}

export type ErrorReporter = (rule: string, error: unknown) => void;

/**
 * The findings of each parse under the settings they were computed with. Diagnostics, every code-action
 * request (VS Code asks on each cursor move) and fix-all share them: the rules run once per version.
 */
const lintCache = new WeakMap<ParsedDocument, { settings: Settings; results: readonly LintResult[] }>();

export function lint(doc: ParsedDocument, settings: Settings, onError?: ErrorReporter): readonly LintResult[] {
  const cached = lintCache.get(doc);
  if (cached?.settings === settings) return cached.results;
  const results = runRules(doc, settings, onError);
  lintCache.set(doc, { settings, results });
  return results;
}

function runRules(doc: ParsedDocument, settings: Settings, onError?: ErrorReporter): LintResult[] {
  const results: LintResult[] = [];
  // A file beyond what sinchcp analyses gets the one finding saying so; the other rules would only spend time.
  const rules = doc.notAnalysed ? allRules.filter((rule) => rule.name === 'yaml-syntax') : allRules;
  for (const rule of rules) {
    const setting = settings.rules[rule.name];
    if (setting === 'off') continue;
    let findings: Finding[];
    try {
      findings = rule.check(doc);
    } catch (error) {
      // A bug in one rule must not hide the others' findings.
      onError?.(rule.name, error);
      continue;
    }
    for (const raw of findings) {
      const finding = insideText(raw, doc.text.length);
      const line = doc.textDocument.positionAt(finding.span.start).line;
      if (isSuppressed(doc.directives, rule.name, line)) continue;
      results.push({ rule, finding, severity: setting ?? finding.severity ?? rule.severity });
    }
  }
  results.sort((a, b) => a.finding.span.start - b.finding.span.start || a.finding.span.end - b.finding.span.end);
  return results;
}

/**
 * The finding with its span cut to the text. A span past the end (yaml-syntax marks an error at the very end
 * of the text as one character beyond it) would otherwise reach fixes, fix-all and the CLI's offsets.
 */
function insideText<D>(finding: Finding<D>, length: number): Finding<D> {
  const { start, end } = finding.span;
  if (start >= 0 && start <= end && end <= length) return finding;
  const clamp = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.min(n, length)) : 0);
  const from = clamp(start);
  return { ...finding, span: { start: from, end: Math.max(from, clamp(end)) } };
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(doc: ParsedDocument, result: LintResult): Diagnostic {
  const { rule, finding } = result;
  const secrets = literalSecrets(doc);
  // The payload travels to the client (and the CLI's JSON): scrubbed like the message. Fixes are computed from the
  // fresh finding, never from this copy.
  const data: DiagnosticData = {
    version: doc.version,
    payload: redactData(cutMultiLineData(finding.data, doc), secrets),
  };
  const docs = ruleDocUrl(rule.name);
  return {
    range: {
      start: doc.textDocument.positionAt(finding.span.start),
      end: doc.textDocument.positionAt(finding.span.end),
    },
    severity: LSP_SEVERITY[result.severity],
    source: SOURCE,
    code: rule.name,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    // A value quoted over several lines is cut to its first line first, then a value YAML folded from several.
    message: redactSecrets(cutMultiLineValues(capQuotedValues(finding.message), doc), secrets),
    data,
  };
}

export function diagnose(doc: ParsedDocument, settings: Settings, onError?: ErrorReporter): Diagnostic[] {
  if (!settings.validate.enable) return [];
  return lint(doc, settings, onError).map((result) => toDiagnostic(doc, result));
}
