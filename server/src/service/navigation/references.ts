// Find references of an app ID: every place it is written (conversationApi, outbound Authentication IDs,
// queue addresses), matched case-insensitively; the declaration only when asked for.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppIdReference } from '../../model/types';
import { appIdReferenceAt, occurrencesOf } from './appIdAt';
import { appIdDeclaration } from './definition';

export function referencesAt(doc: ParsedDocument, offset: number, includeDeclaration: boolean): AppIdReference[] {
  const ref = appIdReferenceAt(doc, offset);
  if (!ref) return [];
  const all = occurrencesOf(doc, ref.text);
  if (includeDeclaration) return all;
  const declaration = appIdDeclaration(doc, ref.text);
  return all.filter((r) => r !== declaration);
}
