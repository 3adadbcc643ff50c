// Edits that add to a mapping or a list while keeping the file's own style: a key goes on a new line at
// its siblings' indentation (or `, key: value` in a flow mapping); a list item goes on a new `- item` line
// at the other items' indentation, or `, item` before the `]` of a flow list. Every function answers
// undefined when the node does not have the offsets it needs, so a fix can simply offer nothing.
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { TextEditSpan } from '../types';

/** The end of the line holding `offset` (before its line break); a trailing comment stays on the line. */
export function lineEnd(text: string, offset: number): number {
  const match = /\r\n|\r|\n/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return found ? found.index : text.length;
}

/** The column of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  const before = text.lastIndexOf('\n', offset - 1);
  return offset - (before + 1);
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ?? undefined;
}

/** Where the last entry of a block collection ends (its value's end, nested blocks included). */
function lastValueEnd(collection: YAMLMap | YAMLSeq): number | undefined {
  const last = collection.items[collection.items.length - 1];
  if (last === undefined) return undefined;
  if (isPair(last)) {
    return rangeOf(last.value)?.[1] ?? rangeOf(last.key)?.[1];
  }
  return rangeOf(last)?.[1];
}

/**
 * Inserts `key: value` into a mapping. `valueLines` is the value as written after `key:` — one line
 * (` value`, with its leading space) or several (a nested block, each line relative to the key's column,
 * the first one empty for `key:` followed by the block). Block mappings get a new line at the siblings'
 * indentation after the last entry; flow mappings get `, key: value` before the closing brace (one-line
 * values only).
 */
export function insertKey(doc: ParsedDocument, map: YAMLMap, key: string, valueLines: string[]): TextEditSpan | undefined {
  const text = doc.text;
  if (!isMap(map)) return undefined;
  const firstKey = map.items.find((p) => isPair(p) && isScalar(p.key));
  const keyRange = firstKey && isPair(firstKey) ? rangeOf(firstKey.key) : undefined;
  if (map.flow) {
    if (valueLines.length !== 1) return undefined;
    const range = rangeOf(map);
    if (!range) return undefined;
    const close = text.lastIndexOf('}', range[1]);
    if (close < range[0]) return undefined;
    const end = lastValueEnd(map);
    const entry = `${key}:${valueLines[0]}`;
    if (end === undefined) return { span: { start: close, end: close }, newText: entry };
    return { span: { start: end, end }, newText: `, ${entry}` };
  }
  if (!keyRange) return undefined;
  const end = lastValueEnd(map);
  if (end === undefined) return undefined;
  const indent = ' '.repeat(columnOf(text, keyRange[0]));
  const eol = eolOf(text);
  const at = lineEnd(text, Math.max(end - 1, keyRange[0]));
  const [first, ...rest] = valueLines;
  const lines = [`${indent}${key}:${first ?? ''}`, ...rest.map((line) => `${indent}${line}`)];
  // At the very end of a file without a final line break, the new line needs one before it.
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}

/**
 * Appends an item to a list. `itemLines` is the item as it would be written after `- ` in a block list
 * (further lines relative to the dash's column + 2); a flow list takes a one-line item as `, item`.
 */
export function appendListItem(doc: ParsedDocument, seq: YAMLSeq, itemLines: string[]): TextEditSpan | undefined {
  const text = doc.text;
  if (!isSeq(seq)) return undefined;
  const range = rangeOf(seq);
  if (!range) return undefined;
  if (seq.flow) {
    if (itemLines.length !== 1) return undefined;
    const item = itemLines[0]!;
    const end = lastValueEnd(seq);
    if (end !== undefined) return { span: { start: end, end }, newText: `, ${item}` };
    const open = text.indexOf('[', range[0]);
    const close = text.lastIndexOf(']', range[1]);
    if (open < 0 || close <= open) return undefined;
    // `[]` or `[ ]`: the item replaces whatever blank is between the brackets (a comment inside keeps its line).
    const inner = text.slice(open + 1, close);
    if (/^[ \t]*$/.test(inner)) return { span: { start: open + 1, end: close }, newText: item };
    return { span: { start: open + 1, end: open + 1 }, newText: item };
  }
  const first = rangeOf(seq.items[0]);
  const end = lastValueEnd(seq);
  if (!first || end === undefined) return undefined;
  // The dash of the first item: the last `-` before the item's value on its line.
  const lineStart = text.lastIndexOf('\n', first[0] - 1) + 1;
  const dash = text.lastIndexOf('-', first[0] - 1);
  if (dash < lineStart) return undefined;
  const dashIndent = ' '.repeat(columnOf(text, dash));
  const itemIndent = ' '.repeat(columnOf(text, dash) + 2);
  const eol = eolOf(text);
  const at = lineEnd(text, Math.max(end - 1, first[0]));
  const [head, ...rest] = itemLines;
  const lines = [`${dashIndent}- ${head ?? ''}`, ...rest.map((line) => `${itemIndent}${line}`)];
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}

/** Appends one-line scalar items to a list in one edit: `, A, B` in a flow list, `- A` / `- B` lines in a block list. */
export function appendScalarItems(doc: ParsedDocument, seq: YAMLSeq, items: string[]): TextEditSpan | undefined {
  if (!items.length) return undefined;
  if (seq.flow) return appendListItem(doc, seq, [items.join(', ')]);
  const first = appendListItem(doc, seq, [items[0]!]);
  if (!first) return undefined;
  const eol = eolOf(doc.text);
  const line = first.newText.slice(eol.length);
  const dashIndent = line.slice(0, line.indexOf('- '));
  return { span: first.span, newText: items.map((item) => `${eol}${dashIndent}- ${item}`).join('') };
}
