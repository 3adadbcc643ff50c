// textDocument/documentSymbol: the outline from ../../service/symbols, as hierarchical DocumentSymbols.
import type { DocumentSymbol, DocumentSymbolParams, SymbolKind } from 'vscode-languageserver/node';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { outline, type OutlineSymbol } from '../../service/symbols';
import type { Feature } from '../context';
import { textDocumentParams } from '../params';

export const symbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'sinchcp' } },
  requests: [
    {
      method: 'textDocument/documentSymbol',
      params: textDocumentParams,
      fallback: [],
      compute(context, params: DocumentSymbolParams) {
        const doc = context.parsed(params.textDocument.uri);
        return doc ? outline(doc).map((s) => toDocumentSymbol(doc, s)) : [];
      },
    },
  ],
};

function toDocumentSymbol(doc: ParsedDocument, symbol: OutlineSymbol): DocumentSymbol {
  const at = (offset: number) => doc.textDocument.positionAt(offset);
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: symbol.kind as SymbolKind,
    range: { start: at(symbol.span.start), end: at(symbol.span.end) },
    selectionRange: { start: at(symbol.selectionSpan.start), end: at(symbol.selectionSpan.end) },
    children: symbol.children.map((child) => toDocumentSymbol(doc, child)),
  };
}
