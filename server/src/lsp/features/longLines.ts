// A request at a position on a line beyond the parser's line limit answers its empty result at once. The file is
// not checked then (one finding says which line and why), so no place on that line has a key, a value or an app
// ID to offer, describe or rename; and reading the place of a cursor far into such a line (260,000 characters of
// `- - -`) took completion seconds.
import type { Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_LINE_LENGTH } from '../../parse/limits';
import type { AnalysisContext } from '../context';

/** Whether `position` is on a line longer than MAX_LINE_LENGTH (line breaks not counted). */
export function onOverlongLine(document: TextDocument, position: Position): boolean {
  const { line } = position;
  if (line < 0 || line >= document.lineCount) return false;
  const text = document.getText();
  const start = document.offsetAt({ line, character: 0 });
  let end = line + 1 < document.lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : text.length;
  if (end - start <= MAX_LINE_LENGTH) return false;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end - start > MAX_LINE_LENGTH;
}

/** The same for an open document by URI (false when it is not open: the request answers as it would anyway). */
export function openOnOverlongLine(
  context: AnalysisContext,
  params: { textDocument: { uri: string }; position: Position },
): boolean {
  const document = context.document(params.textDocument.uri);
  return document !== undefined && onOverlongLine(document, params.position);
}
