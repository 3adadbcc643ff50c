// Rename an app ID everywhere it is written. Only exact occurrences are edited (an ID inside a quoted value
// with escapes has no exact span and is left alone); the new ID must be a valid app ID and is written in
// capital letters, as SC needs it.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { Span } from '../../util/span';
import type { AppIdReference } from '../../model/types';
import { replaceValueEdit } from '../../rules/edits/replaceValue';
import { appIdReferenceAt, occurrencesOf } from './appIdAt';

/** 26 Crockford base32 characters (digits and capital letters without I, L, O, U). */
const CROCKFORD_26 = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface RenameEdit {
  span: Span;
  newText: string;
}

/** The exact span of the app ID at the offset, or undefined when there is none to rename. */
export function prepareRenameAt(doc: ParsedDocument, offset: number): { span: Span; placeholder: string } | undefined {
  const ref = appIdReferenceAt(doc, offset);
  if (!ref?.exact) return undefined;
  return { span: ref.span, placeholder: ref.text };
}

export type RenameResult =
  { kind: 'edits'; edits: RenameEdit[] } | { kind: 'invalid'; message: string } | { kind: 'none' };

export function renameAt(doc: ParsedDocument, offset: number, newName: string): RenameResult {
  const ref = appIdReferenceAt(doc, offset);
  if (!ref?.exact) return { kind: 'none' };
  const message = checkNewAppId(newName);
  if (message) return { kind: 'invalid', message };
  const newText = newName.trim().toUpperCase();
  const edits = occurrencesOf(doc, ref.text)
    .filter((r) => r.exact)
    .map((r) => renameEdit(doc, r, newText));
  return { kind: 'edits', edits };
}

/**
 * The edit writing the new ID at one occurrence. Inside a plain scalar the whole value must still read as text:
 * an all-digit ID (`01234567890123456789012345`) or `1000000000000000000000E100` written plain is a number to
 * YAML, so then the whole value is rewritten quoted (the shared value writer decides).
 */
function renameEdit(doc: ParsedDocument, ref: AppIdReference, newId: string): RenameEdit {
  const { field } = ref;
  if (field.quote !== 'plain' || field.alias || field.textStart === undefined || field.text === undefined)
    return { span: ref.span, newText: newId };
  const from = ref.span.start - field.textStart;
  const to = ref.span.end - field.textStart;
  const whole = field.text.slice(0, from) + newId + field.text.slice(to);
  const edit = replaceValueEdit(doc, field, whole);
  if (!edit || edit.newText === whole) return { span: ref.span, newText: newId };
  return edit;
}

/** Why a new app ID is not acceptable, or undefined when it is. */
export function checkNewAppId(newName: string): string | undefined {
  const id = newName.trim().toUpperCase();
  if (CROCKFORD_26.test(id)) return undefined;
  const shown = JSON.stringify(newName.length > 40 ? `${newName.slice(0, 40)}…` : newName);
  if (id.length !== 26) {
    return `${shown} is not an app ID: an app ID has 26 characters (digits and capital letters, as in the Sinch dashboard), this one has ${id.length}.`;
  }
  const bad = [...new Set([...id].filter((c) => !/[0-9A-HJKMNP-TV-Z]/.test(c)))].join(' ');
  return `${shown} is not an app ID: app IDs use Crockford base32 (digits and capital letters without I, L, O, U); not allowed: ${bad}.`;
}
