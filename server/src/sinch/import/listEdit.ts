// Replacing the items of a scalar list (channels, triggers) the way the list is written: a flow list keeps
// its brackets on one line, a block list keeps its dashes at their column.
import type { ListField } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { TextEditSpan } from '../../rules/types';
import { columnOf, eolOf, lastLineEndOf, lineStartOf, onlySpacesBefore } from '../../rules/edits/layout';
import { flowList } from './liveEntries';

export function replaceListItemsEdit(
  doc: ParsedDocument,
  list: ListField,
  values: readonly string[],
): TextEditSpan | undefined {
  if (list.alias) return { span: list.alias, newText: flowList(values) };
  const node = list.node;
  const range = node?.range;
  if (!node || !range) return undefined;
  if (list.flow) return { span: { start: range[0], end: range[1] }, newText: flowList(values) };
  const text = doc.text;
  const first = list.items[0];
  if (!first) return undefined;
  const dash = text.lastIndexOf('-', first.span.start - 1);
  if (dash < 0 || !onlySpacesBefore(text, dash)) return undefined;
  if (!values.length) {
    // A block list emptied: `key: []`, the dash lines gone.
    const colon = text.indexOf(':', list.keySpan.end);
    if (colon < 0 || colon > dash) return undefined;
    return { span: { start: colon + 1, end: lastLineEndOf(text, range[1]) }, newText: ' []' };
  }
  const column = columnOf(text, dash);
  const eol = eolOf(text);
  const lines = values.map((v) => `${' '.repeat(column)}- ${flowList([v]).slice(1, -1)}`);
  return { span: { start: lineStartOf(text, dash), end: lastLineEndOf(text, range[1]) }, newText: lines.join(eol) };
}
