// Replacing a field's value while keeping how the user wrote it: only the characters of the text change,
// quotes and trailing comments stay. An empty value gets the new text after the colon.
import { isScalar, Scalar } from 'yaml';
import type { Field } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan } from '../../parse/yamlNodes';
import type { Span } from '../../util/span';
import type { TextEditSpan } from '../types';
import { lineStartOf, yamlScalar } from './layout';

/**
 * The edit that makes a field's value read `value`: inside the existing quotes when the text's offsets are
 * exact; the whole single-line scalar when they are not (escapes); after the colon when there is no value.
 * Undefined when the value is not a scalar, or spans several lines (a block scalar), so nothing is guessed.
 */
export function replaceValueEdit(
  doc: ParsedDocument,
  field: Field,
  value: string,
  options: { raw?: boolean } = {},
): TextEditSpan | undefined {
  const node = field.node;
  if (node !== null && !isScalar(node)) return undefined;
  // An alias (`*name`) is replaced by the value itself: the anchored value and its other uses stay as they are.
  if (field.alias) return { span: field.span, newText: options.raw ? value : yamlScalar(value, inFlow(doc, field)) };
  const nodeRange = nodeSpan(node);
  const empty = !node || node.value === null || node.value === undefined;
  if (options.raw) {
    // YAML text (a number): replaces the whole scalar, quotes included.
    if (nodeRange && nodeRange.end > nodeRange.start) {
      return /[\r\n]/.test(doc.text.slice(nodeRange.start, nodeRange.end))
        ? undefined
        : { span: nodeRange, newText: value };
    }
    return { span: { start: field.span.start, end: field.span.start }, newText: ` ${value}` };
  }
  if (empty) {
    // `key:` or `key: ~`: a written null is replaced, an absent value is inserted after the colon.
    if (nodeRange && nodeRange.end > nodeRange.start)
      return { span: nodeRange, newText: yamlScalar(value, inFlow(doc, field)) };
    return {
      span: { start: field.span.start, end: field.span.start },
      newText: ` ${yamlScalar(value, inFlow(doc, field))}`,
    };
  }
  if (field.textStart !== undefined && field.text !== undefined) {
    const span = { start: field.textStart, end: field.textStart + field.text.length };
    return { span, newText: escapeFor(field.quote, value, doc, field) };
  }
  if (!nodeRange || /[\r\n]/.test(doc.text.slice(nodeRange.start, nodeRange.end))) return undefined;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return undefined;
  const newText =
    field.quote === "'"
      ? `'${value.replace(/'/g, "''")}'`
      : field.quote === '"'
        ? JSON.stringify(value)
        : yamlScalar(value, inFlow(doc, field));
  return { span: nodeRange, newText };
}

function escapeFor(quote: Field['quote'], value: string, doc: ParsedDocument, field: Field): string {
  if (quote === "'") return value.replace(/'/g, "''");
  if (quote === '"') return JSON.stringify(value).slice(1, -1);
  const plain = yamlScalar(value, inFlow(doc, field));
  return plain;
}

/** Whether a field sits inside a flow mapping (`{a: 1}`), where `,{}[]` end a plain scalar. */
function inFlow(doc: ParsedDocument, field: Field): boolean {
  const before = doc.text.slice(lineStartOf(doc.text, field.keySpan.start), field.keySpan.start);
  return /[{,]\s*$/.test(before);
}

/** Where to report a field's value: the value, or its key when the value is empty (a zero-width range is easy to miss). */
export function valueSpan(field: Field): { start: number; end: number } {
  return field.span.start === field.span.end ? field.keySpan : field.span;
}

/** Replaces a scalar value with `newText`, keeping the user's quotes: the edit as a list, empty when there is none. */
export function replaceValue(doc: ParsedDocument, field: Field, newText: string): TextEditSpan[] {
  const edit = replaceValueEdit(doc, field, newText);
  return edit ? [edit] : [];
}

/** Replaces one list item (a scalar) keeping its quotes. */
export function replaceItem(
  doc: ParsedDocument,
  item: { span: Span; text: string | undefined },
  newText: string,
): TextEditSpan {
  const written = doc.text.slice(item.span.start, item.span.end);
  const quote =
    written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.endsWith(written[0]) ? written[0] : '';
  return { span: item.span, newText: `${quote}${newText}${quote}` };
}
