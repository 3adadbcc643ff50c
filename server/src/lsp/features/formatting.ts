// textDocument/formatting: the conservative re-indent of service/format.ts, as one edit per changed line. Nothing
// when the result could change a value or a comment (the service checks), so format-on-save is always safe.
import type { TextEdit } from 'vscode-languageserver/node';
import { formatEdits } from '../../service/format';
import type { Feature } from '../context';
import { guarded } from '../guard';

export const formattingFeature: Feature = {
  capabilities: { documentFormattingProvider: true },
  register(context) {
    context.connection.onDocumentFormatting(guarded('formatting', context.log, [], (params): TextEdit[] => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return [];
      return formatEdits(document.getText()).map((edit) => ({
        range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) },
        newText: edit.newText,
      }));
    }));
  },
};
