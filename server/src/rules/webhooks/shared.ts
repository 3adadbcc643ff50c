// Small helpers the webhook and app rules share: how to name an app in a message, where to report on an
// element, and replacing a value or a list item while keeping its quotes. Not a rule.
import { replaceValueEdit } from '../edits/replaceValue';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppModel, Element, Field } from '../../model/types';
import type { Span } from '../../util/span';
import type { TextEditSpan } from '../types';

export function describeApp(app: AppModel): string {
  const name = app.name?.text;
  const id = app.appId?.text;
  if (name && id) return `\`${name}\` (${id})`;
  if (name) return `\`${name}\``;
  if (id) return `\`${id}\``;
  return '(without appId)';
}

export function firstKeySpan(element: Element): Span {
  const first = element.keys.values().next();
  return first.done ? { start: element.span.start, end: element.span.start } : first.value;
}

/** Replaces a scalar value with `newText`, keeping the user's quotes (see edits/replaceValue.ts). */
export function replaceValue(doc: ParsedDocument, field: Field, newText: string): TextEditSpan[] {
  const edit = replaceValueEdit(doc, field, newText);
  return edit ? [edit] : [];
}

/** Replaces one list item (a scalar) keeping its quotes. */
export function replaceItem(doc: ParsedDocument, item: { span: Span; text: string | undefined }, newText: string): TextEditSpan {
  const written = doc.text.slice(item.span.start, item.span.end);
  const quote = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.endsWith(written[0]) ? written[0] : '';
  return { span: item.span, newText: `${quote}${newText}${quote}` };
}
