// Go to definition of an app ID: where the app is declared (its `conversationApi` appId), or, when the file
// does not declare it, the first outbound Authentication ID naming it (where SC learns of the app).
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppIdReference } from '../../model/types';
import { appIdReferenceAt, occurrencesOf } from './appIdAt';

export function appIdDeclaration(doc: ParsedDocument, appId: string): AppIdReference | undefined {
  const all = occurrencesOf(doc, appId);
  return all.find((ref) => ref.site === 'conversationApi') ?? all.find((ref) => ref.site === 'outbound');
}

export function definitionAt(doc: ParsedDocument, offset: number): AppIdReference | undefined {
  const ref = appIdReferenceAt(doc, offset);
  return ref ? appIdDeclaration(doc, ref.text) : undefined;
}
