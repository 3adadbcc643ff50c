// textDocument/completion: the pure service (service/completion) on the shared parse, converted to LSP items.
//
// Trigger characters, chosen so the list opens where the next thing is predictable and stays shut elsewhere:
//   ' '  after `key: ` (values) and `- ` (a new item: keys, snippets). A space anywhere else (indenting, a name
//        with spaces, a comment) is answered with nothing, so it never pops a list while typing free text.
//   '@'  the app ID after `{KeyID}@` in an outbound Authentication ID; the subchannel after `{APPID}@` in an address.
//   '['  a flow list was opened (`channels: [`, `triggers: [`); with auto-closing brackets the cursor is inside.
//   '{'  `${` starts an environment variable reference in a password or secret.
// Not ':' (it would fire on every `key:` before the space, and in every URL) and not ',' (the space after it does).
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, type CompletionCandidate } from '../../service/completion';
import type { AnalysisContext, Feature } from '../context';
import { completionParams } from '../params';
import { onOverlongLine } from './longLines';

export const COMPLETION_TRIGGER_CHARACTERS = [' ', '@', '[', '{'];

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const completionFeature: Feature = {
  capabilities: {
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
  },
  requests: [{ method: 'textDocument/completion', params: completionParams, fallback: EMPTY, compute: completion }],
};

function completion(context: AnalysisContext, params: CompletionParams): CompletionList {
  const document = context.document(params.textDocument.uri);
  if (!document || onOverlongLine(document, params.position)) return EMPTY;
  const text = document.getText();
  const offset = document.offsetAt(params.position);
  if (params.context?.triggerCharacter === ' ') {
    // Only `key: ` and `- ` open the list on a space.
    const before = text.slice(Math.max(0, offset - 2), offset);
    if (before !== ': ' && before !== '- ') return EMPTY;
  }
  // The shared parse is asked for only by the places that need the model (see CompletionSource).
  const source = { text, parsed: () => context.parsed(document.uri)! };
  const candidates = complete({ source, offset, options: { snippetSupport: context.client().snippetSupport } });
  return { isIncomplete: false, items: candidates.map((c) => toItem(document, c)) };
}

const KINDS: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  constant: CompletionItemKind.Constant,
};

function toItem(document: TextDocument, candidate: CompletionCandidate): CompletionItem {
  const range = { start: document.positionAt(candidate.span.start), end: document.positionAt(candidate.span.end) };
  const item: CompletionItem = {
    label: candidate.label,
    kind: KINDS[candidate.kind],
    textEdit: { range, newText: candidate.insertText },
    insertTextFormat: candidate.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  // Multi-line inserts carry their full indentation: the editor must not add the line's indentation again.
  if (candidate.insertText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
  if (candidate.detail) item.detail = candidate.detail;
  if (candidate.documentation) item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
  if (candidate.sortText) item.sortText = candidate.sortText;
  if (candidate.filterText) item.filterText = candidate.filterText;
  if (candidate.retrigger) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
  return item;
}
