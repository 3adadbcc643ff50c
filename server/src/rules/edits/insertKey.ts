// Inserting a `key: value` entry into a mapping the way the file writes that mapping: in a block mapping, on
// its own line at the column of the sibling keys (before a given following key, to keep the format's key
// order, else after the last entry); in a flow mapping (`{a: 1}`), as `, key: value` before the `}`.
import { isMap, type YAMLMap } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan, stringKeyedPairs } from '../../parse/yamlNodes';
import type { TextEditSpan } from '../types';
import { columnOf, eolOf, indentUnit, yamlScalar } from './layout';

/** A value to insert: a string (written as a scalar), raw YAML text, or a nested mapping of entries. */
export type InsertValue = string | { raw: string } | InsertEntry[];
export interface InsertEntry { key: string; value: InsertValue }

/**
 * The edit inserting `key: value` into `map`. `before`: keys that should follow the new one, in order of
 * preference (the first present one is used); without any, the entry goes after the map's last entry.
 * Undefined when the map has no position in the text (an alias, a synthetic node).
 */
export function insertKeyEdit(
  doc: ParsedDocument, map: YAMLMap, entry: InsertEntry, before: readonly string[] = [],
): TextEditSpan | undefined {
  const range = map.range;
  if (!isMap(map) || !range) return undefined;
  const eol = eolOf(doc);
  const pairs = stringKeyedPairs(map);
  if (map.flow) {
    // `{}` or `{a: 1}` → `{a: 1, key: value}`: after the last entry's value (or key), or just inside `{`.
    const last = map.items[map.items.length - 1];
    const lastEnd = last ? (nodeSpan(last.value)?.end ?? nodeSpan(last.key)?.end) : undefined;
    const text = `${entry.key}: ${flowValue(entry.value)}`;
    if (lastEnd !== undefined) return { span: { start: lastEnd, end: lastEnd }, newText: `, ${text}` };
    const open = doc.text.indexOf('{', range[0]);
    if (open < 0) return undefined;
    return { span: { start: open + 1, end: open + 1 }, newText: text };
  }
  const first = pairs[0];
  const firstSpan = nodeSpan(first?.keyNode);
  if (!firstSpan) return undefined;
  const column = columnOf(doc.text, firstSpan.start);
  const unit = indentUnit(doc);
  const next = before.map((k) => pairs.find((p) => p.key === k)).find((p) => p !== undefined);
  const nextSpan = nodeSpan(next?.keyNode);
  if (nextSpan && columnOf(doc.text, nextSpan.start) === column) {
    // Just before the following key, at its offset: also right after a `- ` when it is a list item's first key.
    const lines = blockLines(entry, column, unit);
    return { span: { start: nextSpan.start, end: nextSpan.start }, newText: lines.map((l, i) => (i === 0 ? l.trimStart() : l)).join(eol) + eol + ' '.repeat(column) };
  }
  // After the last entry: the block mapping's range ends after the newline of its last line.
  let at = range[1];
  let prefix = '';
  if (doc.text[at - 1] !== '\n') {
    // The mapping ends at the end of the file, or mid-line (a comment follows): go to the end of that line.
    const lineEnd = doc.text.indexOf('\n', at);
    if (lineEnd < 0) { at = doc.text.length; prefix = eol; } else at = lineEnd + 1;
  }
  return { span: { start: at, end: at }, newText: prefix + blockLines(entry, column, unit).join(eol) + eol };
}

/** The lines of an entry in block style, each with its indentation. */
export function blockLines(entry: InsertEntry, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  const { value } = entry;
  if (Array.isArray(value)) {
    return [`${pad}${entry.key}:`, ...value.flatMap((child) => blockLines(child, column + unit, unit))];
  }
  return [`${pad}${entry.key}: ${typeof value === 'string' ? yamlScalar(value, false) : value.raw}`];
}

/** An entry's value in flow style. */
export function flowValue(value: InsertValue): string {
  if (Array.isArray(value)) return `{${value.map((e) => `${e.key}: ${flowValue(e.value)}`).join(', ')}}`;
  return typeof value === 'string' ? yamlScalar(value, true) : value.raw;
}
