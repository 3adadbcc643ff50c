// textDocument/codeAction: per-diagnostic quick fixes (from the fresh finding that matches the diagnostic),
// disable-for-line and show-documentation, and `source.fixAll.sinchcp`. Edits are versioned, so a client
// applying them to a document that changed since is refused; diagnostics from an older version get nothing.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { actionsFor, type ActionCandidate } from '../../service/codeActions';
import { lint, SOURCE, type DiagnosticData, type LintResult } from '../../service/diagnostics';
import { fixAllEdit } from '../../service/fixAll';
import type { TextEditSpan } from '../../rules/types';
import type { AnalysisContext, Feature } from '../context';
import { codeActionParams } from '../params';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sinchcp`;

export const codeActionsFeature: Feature = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  },
  requests: [{ method: 'textDocument/codeAction', params: codeActionParams, fallback: [], compute: codeActions }],
};

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

function codeActions(context: AnalysisContext, params: CodeActionParams): CodeAction[] {
  const doc = context.parsed(params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const results = lint(doc, context.settings());
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      if ((diagnostic.data as DiagnosticData | undefined)?.version !== doc.version) continue; // stale
      const result = results.find((r) => matches(doc, r, diagnostic));
      if (!result) continue;
      for (const candidate of actionsFor(doc, result, (e) => context.log(`[fix ${result.rule.name}] ${String(e)}`))) {
        actions.push(toCodeAction(doc, candidate, diagnostic));
      }
    }
  }

  // Fix-all is offered only when asked for explicitly (on save, or "Fix all" from the source menu).
  if (only && wants(only, FIX_ALL_KIND)) {
    const edit = fixAllEdit(doc, context.settings());
    if (edit) {
      actions.push({
        title: 'Fix all safe sinchcp problems',
        kind: FIX_ALL_KIND,
        edit: versionedEdit(doc, [edit]),
      });
    }
  }
  return actions;
}

function matches(doc: ParsedDocument, result: LintResult, diagnostic: Diagnostic): boolean {
  if (result.rule.name !== diagnostic.code) return false;
  const start = doc.textDocument.offsetAt(diagnostic.range.start);
  const end = doc.textDocument.offsetAt(diagnostic.range.end);
  return result.finding.span.start === start && Math.min(result.finding.span.end, doc.text.length) === end;
}

function toCodeAction(doc: ParsedDocument, candidate: ActionCandidate, diagnostic: Diagnostic): CodeAction {
  const action: CodeAction = { title: candidate.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (candidate.edits.length) action.edit = versionedEdit(doc, candidate.edits);
  if (candidate.preferred) action.isPreferred = true;
  if (candidate.command) action.command = candidate.command;
  return action;
}

function versionedEdit(doc: ParsedDocument, edits: TextEditSpan[]) {
  const textEdits: TextEdit[] = edits.map((edit) => ({
    range: { start: doc.textDocument.positionAt(edit.span.start), end: doc.textDocument.positionAt(edit.span.end) },
    newText: edit.newText,
  }));
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: textEdits }] };
}
