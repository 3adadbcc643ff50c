// Setting a field's scalar value while keeping the user's formatting: the quotes they chose (the text inside
// them is replaced), a plain value stays plain unless asked to quote it, and an empty `key:` gets its value
// after the colon without swallowing a trailing comment.
import { isScalar } from 'yaml';
import type { Field } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan } from '../../parse/yamlNodes';
import type { TextEditSpan } from '../types';

export interface ReplaceOptions {
  /** Quote the new value when the old one is plain or empty (e.g. `+1…`, which YAML would read as a number). */
  quoteIfPlain?: boolean;
}

/** The edit that sets `field` to `value`, or undefined when the value is not a scalar (a mapping, a list). */
export function replaceScalarValue(
  doc: ParsedDocument, field: Field, value: string, options: ReplaceOptions = {},
): TextEditSpan | undefined {
  const node = field.node;
  if (node !== null && !isScalar(node)) return undefined;
  const plain = (text: string) => (options.quoteIfPlain ? `"${escapeDouble(text)}"` : text);
  const written = nodeSpan(node);
  const empty = node === null || node.value === null || node.value === undefined;
  if (empty) {
    // `key: null` / `key: ~` have source text to replace; `key:` has none and gets the value after the colon.
    if (written && written.end > written.start) return { span: written, newText: plain(value) };
    return insertAfterColon(doc, field.span.start, plain(value));
  }
  if (field.quote === 'plain') return { span: field.span, newText: plain(value) };
  const fits = field.quote === '"' ? !/["\\]/.test(value) : !value.includes("'");
  if (field.textStart !== undefined && field.text !== undefined && fits) {
    return { span: { start: field.textStart, end: field.textStart + field.text.length }, newText: value };
  }
  const quoted = field.quote === '"' ? `"${escapeDouble(value)}"` : `'${value.replace(/'/g, "''")}'`;
  return { span: field.span, newText: quoted };
}

function escapeDouble(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`);
}

/** Inserts a value at `at` (just after `key:`): `key: value # comment`, `{key: value, …}`. */
function insertAfterColon(doc: ParsedDocument, at: number, value: string): TextEditSpan {
  const next = doc.text.charAt(at);
  const afterSpace = doc.text.charAt(at + 1);
  if ((next === ' ' || next === '\t') && afterSpace !== '#') {
    return { span: { start: at + 1, end: at + 1 }, newText: value };
  }
  return { span: { start: at, end: at }, newText: ` ${value}` };
}
