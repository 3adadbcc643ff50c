// Removing one `key: value` entry from a mapping cleanly: its whole line(s) in a block mapping (trailing
// comment included), `, key: value` (or `key: value, `) in a flow mapping; when the key shares its line with
// a sequence dash (`- key: value`), the next key moves up after the dash.
import { isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Field } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan } from '../../parse/yamlNodes';
import type { TextEditSpan } from '../types';
import { lineStartOf } from './layout';

export function removeField(doc: ParsedDocument, map: YAMLMap, field: Field): TextEditSpan | undefined {
  const text = doc.text;
  const pairs = map.items.filter((p): p is Pair => isPair(p));
  const index = pairs.findIndex((p) => isScalar(p.key) && nodeSpan(p.key)?.start === field.keySpan.start);
  if (index < 0) return undefined;
  const prev = pairs[index - 1];
  const next = pairs[index + 1];
  const nextKeyStart = next ? nodeSpan(next.key)?.start : undefined;

  if (map.flow) {
    const prevEnd = prev ? pairEnd(prev) : undefined;
    if (prevEnd !== undefined) return { span: { start: prevEnd, end: field.span.end }, newText: '' };
    if (nextKeyStart !== undefined) return { span: { start: field.keySpan.start, end: nextKeyStart }, newText: '' };
    return { span: { start: field.keySpan.start, end: field.span.end }, newText: '' };
  }

  const lineStart = lineStartOf(text, field.keySpan.start);
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, field.keySpan.start));
  if (!ownLine) {
    // `- smsSenderId: x` followed by `  address: y`: pull the next key up after the dash.
    if (nextKeyStart === undefined) return undefined;
    return { span: { start: field.keySpan.start, end: nextKeyStart }, newText: '' };
  }
  const from = Math.max(field.span.end - 1, field.keySpan.end);
  const newline = text.indexOf('\n', from);
  if (newline >= 0) return { span: { start: lineStart, end: newline + 1 }, newText: '' };
  // The last line of the file: take the line break before it instead.
  const before = lineStart > 0 && text.charAt(lineStart - 2) === '\r' ? lineStart - 2 : Math.max(lineStart - 1, 0);
  return { span: { start: before, end: text.length }, newText: '' };
}

function pairEnd(pair: Pair): number | undefined {
  return nodeSpan(pair.value)?.end ?? nodeSpan(pair.key)?.end;
}
