// Inserting a mapping as a new item of a list, the way the file writes that list: in a block list, as
// `- key: value` lines at the dash column and key column of the existing items; in a flow list, as
// `{key: value, …}` among the items; an empty flow list `[]` stays flow.
import { isMap, isSeq, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan } from '../../parse/yamlNodes';
import type { TextEditSpan } from '../types';
import { blockLines, flowValue, type InsertEntry } from './insertKey';
import { columnOf, eolOf, indentUnit, lineStartOf, onlySpacesBefore } from './layout';

/** The edit adding a mapping item (its entries in order) at the start or the end of `seq`; undefined when unsure. */
export function insertListItemEdit(
  doc: ParsedDocument, seq: YAMLSeq, entries: InsertEntry[], where: 'start' | 'end',
): TextEditSpan | undefined {
  const range = seq.range;
  if (!isSeq(seq) || !range || !entries.length) return undefined;
  const items = seq.items.filter((item) => nodeSpan(item) !== undefined);
  const itemText = flowValue(entries);
  if (seq.flow) {
    if (!items.length) {
      const open = doc.text.indexOf('[', range[0]);
      if (open < 0 || open >= range[1]) return undefined;
      return { span: { start: open + 1, end: open + 1 }, newText: itemText };
    }
    if (where === 'start') {
      const at = nodeSpan(items[0])!.start;
      return { span: { start: at, end: at }, newText: `${itemText}, ` };
    }
    const at = nodeSpan(items[items.length - 1])!.end;
    return { span: { start: at, end: at }, newText: `, ${itemText}` };
  }
  const eol = eolOf(doc);
  const unit = indentUnit(doc);
  const first = items[0];
  const firstStart = nodeSpan(first)!.start;
  // The dash of a block item stands before the item's node: find it on the node's line.
  const dash = doc.text.lastIndexOf('-', firstStart - 1);
  if (dash < 0 || !onlySpacesBefore(doc.text, dash)) return undefined;
  const dashColumn = columnOf(doc.text, dash);
  const keyColumn = isMap(first) && first.items.length ? columnOf(doc.text, firstStart) : dashColumn + 2;
  const lines = blockLines({ key: entries[0]!.key, value: entries[0]!.value }, keyColumn, unit);
  const rest = entries.slice(1).flatMap((entry) => blockLines(entry, keyColumn, unit));
  lines[0] = ' '.repeat(dashColumn) + '-' + ' '.repeat(Math.max(1, keyColumn - dashColumn - 1)) + lines[0]!.trimStart();
  const text = [...lines, ...rest].join(eol) + eol;
  if (where === 'start') {
    const at = lineStartOf(doc.text, dash);
    return { span: { start: at, end: at }, newText: text };
  }
  let at = range[1];
  let prefix = '';
  if (doc.text[at - 1] !== '\n') {
    const lineEnd = doc.text.indexOf('\n', at);
    if (lineEnd < 0) { at = doc.text.length; prefix = eol; } else at = lineEnd + 1;
  }
  return { span: { start: at, end: at }, newText: prefix + text };
}
