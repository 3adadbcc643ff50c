// Inserting a `key: value` entry into a mapping the way the file writes that mapping: in a block mapping, on
// its own line at the column of the sibling keys; in a flow mapping (`{a: 1}`), as `, key: value`.
import { isMap, type YAMLMap } from 'yaml';
import type { Field } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan, stringKeyedPairs } from '../../parse/yamlNodes';
import type { TextEditSpan } from '../types';
import { columnOf, eolOf, indentUnit, lastLineEndOf } from './layout';
import { entryLines, flowValue, type InsertEntry } from './values';

/**
 * Where the new entry goes. `after`: right after that field of the map (after its value and any trailing
 * comment). `before`: keys that should follow the new one, in order of preference (the first present one at
 * the siblings' column is used), to keep the format's key order. Otherwise, and in a flow mapping unless
 * `after` is given: after the map's last entry.
 */
export interface KeyPlacement {
  after?: Field;
  before?: readonly string[];
}

/**
 * The edit inserting `key: value` into `map`. Undefined when the map has no position in the text (an alias,
 * a synthetic node) or no key to take the column from, so a fix can simply offer nothing.
 */
export function insertKeyEdit(
  doc: ParsedDocument,
  map: YAMLMap,
  entry: InsertEntry,
  placement: KeyPlacement = {},
): TextEditSpan | undefined {
  const text = doc.text;
  const range = map.range;
  if (!isMap(map) || !range) return undefined;
  const eol = eolOf(text);
  const { after, before = [] } = placement;
  if (map.flow) {
    // `{}` or `{a: 1}` → `{a: 1, key: value}`: after the field or the last entry's value (or key), or between the braces.
    const flowText = `${entry.key}: ${flowValue(entry.value)}`;
    const last = map.items[map.items.length - 1];
    const end = after ? after.span.end : last ? (nodeSpan(last.value)?.end ?? nodeSpan(last.key)?.end) : undefined;
    if (end !== undefined) return { span: { start: end, end }, newText: `, ${flowText}` };
    const open = text.indexOf('{', range[0]);
    const close = text.lastIndexOf('}', range[1]);
    if (open < 0 || close <= open) return undefined;
    // `{ }`: the entry replaces the blank between the braces (a comment inside keeps its line).
    const blank = /^[ \t]*$/.test(text.slice(open + 1, close));
    return { span: { start: open + 1, end: blank ? close : open + 1 }, newText: flowText };
  }
  const unit = indentUnit(text);
  if (after) {
    const column = columnOf(text, after.keySpan.start);
    const at = lastLineEndOf(text, Math.max(after.span.end, after.keySpan.end));
    return { span: { start: at, end: at }, newText: eol + entryLines(entry, column, unit).join(eol) };
  }
  const pairs = stringKeyedPairs(map);
  const firstSpan = nodeSpan(pairs[0]?.keyNode);
  if (!firstSpan) return undefined;
  const column = columnOf(text, firstSpan.start);
  const lines = entryLines(entry, column, unit);
  const next = before.map((k) => pairs.find((p) => p.key === k)).find((p) => p !== undefined);
  const nextSpan = nodeSpan(next?.keyNode);
  if (nextSpan && columnOf(text, nextSpan.start) === column) {
    // Just before the following key, at its offset: also right after a `- ` when it is a list item's first key.
    return {
      span: { start: nextSpan.start, end: nextSpan.start },
      newText: lines.map((l, i) => (i === 0 ? l.trimStart() : l)).join(eol) + eol + ' '.repeat(column),
    };
  }
  // After the last entry, on a new line: a trailing comment stays on its line; at the very end of a file
  // without a final line break, the new line goes after a line break (and the file still ends without one).
  const at = lastLineEndOf(text, range[1]);
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}
