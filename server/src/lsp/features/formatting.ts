// textDocument/formatting: the conservative re-indent of service/format.ts, as one edit per changed line. Nothing
// when the result could change a value or a comment (the service checks), so format-on-save is always safe.
// Computed in the analysis worker like every request that reads a document (a runaway is cut off there).
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { formatEdits } from '../../service/format';
import type { Feature } from '../context';
import { textDocumentParams } from '../params';

export const formattingFeature: Feature = {
  capabilities: { documentFormattingProvider: true },
  requests: [
    {
      method: 'textDocument/formatting',
      params: textDocumentParams,
      fallback: [],
      compute(context, params: DocumentFormattingParams): TextEdit[] {
        const document = context.document(params.textDocument.uri);
        if (!document) return [];
        return formatEdits(document.getText()).map((edit) => ({
          range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) },
          newText: edit.newText,
        }));
      },
    },
  ],
};
