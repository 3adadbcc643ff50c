// Removing one scalar item from a list the way it is written: in a flow list `[A, X, B]`, the item and the
// comma that joins it to its neighbour; in a block list, the item's whole `- X` line (a trailing comment too).
import { isSeq, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan } from '../../parse/yamlNodes';
import type { Span } from '../../util/span';
import type { TextEditSpan } from '../types';
import { lineEndOf, lineStartOf } from './layout';

/** The edit removing the item of `seq` whose span is `item`; undefined when unsure (the dash shares its line). */
export function removeListItemEdit(doc: ParsedDocument, seq: YAMLSeq, item: Span): TextEditSpan | undefined {
  if (!isSeq(seq)) return undefined;
  const spans = seq.items.map((node) => nodeSpan(node));
  const index = spans.findIndex((s) => s?.start === item.start && s.end === item.end);
  if (index < 0) return undefined;
  const text = doc.text;
  if (seq.flow) {
    const prev = spans[index - 1];
    const next = spans[index + 1];
    if (prev) return { span: { start: prev.end, end: item.end }, newText: '' };
    if (next) return { span: { start: item.start, end: next.start }, newText: '' };
    return { span: item, newText: '' };
  }
  const lineStart = lineStartOf(text, item.start);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.start))) return undefined;
  const lineEnd = lineEndOf(text, item.end);
  const breakLength = text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0;
  return { span: { start: lineStart, end: lineEnd + breakLength }, newText: '' };
}
