// Inserting a `key: value` entry into a mapping right after one of its fields, in the mapping's own style:
// a new line at the field's key column in a block mapping (after any trailing comment), or `, key: value`
// after the field's value in a flow mapping (`{address: …}`).
import type { YAMLMap } from 'yaml';
import type { Field } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { TextEditSpan } from '../types';

export function insertKeyAfterField(doc: ParsedDocument, map: YAMLMap, after: Field, entry: string): TextEditSpan {
  const text = doc.text;
  if (map.flow) {
    return { span: { start: after.span.end, end: after.span.end }, newText: `, ${entry}` };
  }
  const keyLineStart = text.lastIndexOf('\n', after.keySpan.start - 1) + 1;
  const column = after.keySpan.start - keyLineStart;
  // The end of the line the value ends on (a block scalar's range already ends after its last line break).
  const from = Math.max(after.span.end - 1, after.keySpan.end);
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0) lineEnd = text.length;
  const crlf = lineEnd > 0 && text.charAt(lineEnd - 1) === '\r';
  if (crlf) lineEnd -= 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: lineEnd, end: lineEnd }, newText: `${eol}${' '.repeat(column)}${entry}` };
}
