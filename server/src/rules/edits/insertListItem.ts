// Inserting items into a list the way the file writes that list: in a block list, as `- item` lines at the
// dash column of the existing items (a mapping's keys at their key column); in a flow list, as `, item`
// among the items; an empty flow list `[]` stays flow.
import { isMap, isSeq, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeSpan } from '../../parse/yamlNodes';
import type { TextEditSpan } from '../types';
import { columnOf, eolOf, indentUnit, lastLineEndOf, lineStartOf, onlySpacesBefore } from './layout';
import { flowValue, itemLines, type InsertValue } from './values';

/**
 * The edit adding `items` (scalars, raw text or mappings, in order) at the start or the end of `seq`, in one
 * edit. Undefined when unsure (no items, a list without positions, a dash that does not start its line).
 */
export function insertListItemsEdit(
  doc: ParsedDocument,
  seq: YAMLSeq,
  items: InsertValue[],
  where: 'start' | 'end' = 'end',
): TextEditSpan | undefined {
  const text = doc.text;
  const range = seq.range;
  if (!isSeq(seq) || !range || !items.length) return undefined;
  const present = seq.items.filter((item) => nodeSpan(item) !== undefined);
  if (seq.flow) {
    const flowText = items.map((item) => flowValue(item)).join(', ');
    if (!present.length) {
      const open = text.indexOf('[', range[0]);
      const close = text.lastIndexOf(']', range[1]);
      if (open < 0 || close <= open) return undefined;
      // `[]` or `[ ]`: the items replace whatever blank is between the brackets (a comment inside keeps its line).
      const blank = /^[ \t]*$/.test(text.slice(open + 1, close));
      return { span: { start: open + 1, end: blank ? close : open + 1 }, newText: flowText };
    }
    if (where === 'start') {
      const at = nodeSpan(present[0])!.start;
      return { span: { start: at, end: at }, newText: `${flowText}, ` };
    }
    const at = nodeSpan(present[present.length - 1])!.end;
    return { span: { start: at, end: at }, newText: `, ${flowText}` };
  }
  const first = present[0];
  if (!first) return undefined;
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const firstStart = nodeSpan(first)!.start;
  // The dash of a block item stands before the item's node: find it on the node's line (or the line above).
  const dash = text.lastIndexOf('-', firstStart - 1);
  if (dash < 0 || !onlySpacesBefore(text, dash)) return undefined;
  const dashColumn = columnOf(text, dash);
  const keyColumn = isMap(first) && first.items.length ? columnOf(text, firstStart) : dashColumn + 2;
  const lines = items.flatMap((item) => itemLines(item, dashColumn, keyColumn, unit));
  if (where === 'start') {
    const at = lineStartOf(text, dash);
    return { span: { start: at, end: at }, newText: lines.join(eol) + eol };
  }
  // After the last item, on a new line: a trailing comment stays on its line; a file without a final line
  // break still ends without one.
  const at = lastLineEndOf(text, range[1]);
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}
