// The app-ID occurrence at an offset (ParsedDocument.model.appIdReferences), and the occurrences of one app.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppIdReference } from '../../model/types';

/** The app ID written at this offset (its end included, as a cursor right after a word is on it). */
export function appIdReferenceAt(doc: ParsedDocument, offset: number): AppIdReference | undefined {
  return doc.model.appIdReferences.find((ref) => offset >= ref.span.start && offset <= ref.span.end);
}

/** Every occurrence of an app ID, matched case-insensitively, in file order. */
export function occurrencesOf(doc: ParsedDocument, appId: string): AppIdReference[] {
  const id = appId.toUpperCase();
  return doc.model.appIdReferences.filter((ref) => ref.text.toUpperCase() === id);
}
