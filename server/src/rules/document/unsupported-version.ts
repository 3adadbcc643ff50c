import { isScalar } from 'yaml';
import { replaceValueEdit, valueSpan } from '../edits/replaceValue';
import { defineRule } from '../types';

interface UnsupportedVersionData {
  /** Whether the value is a scalar (or empty), so that replacing it with `1` is a safe, local edit. */
  replaceable: boolean;
}

export default defineRule<UnsupportedVersionData>({
  name: 'unsupported-version',
  severity: 'error',
  summary: '`version` is not `1`, the only format version.',
  check(doc) {
    const field = doc.model.version;
    if (!field) return []; // a missing `version` is missing-key's
    const node = field.node;
    if (isScalar(node) && node.value === 1) return [];
    const scalar = node === null || isScalar(node);
    let message: string;
    if (field.text === undefined && (node === null || (isScalar(node) && node.value == null))) {
      message = '`version` has no value. This file format has one version: write `version: 1`.';
    } else if (!scalar) {
      message = '`version` should be the number `1`, not a list or a mapping.';
    } else if (field.text?.trim() === '1') {
      message = `\`version\` is the text "${field.text}" (in quotes). Write the number without quotes: \`version: 1\`.`;
    } else {
      message = `Format version \`${truncate(field.text ?? '')}\` is not supported: this checker knows only version \`1\`. Write \`version: 1\`.`;
    }
    return [{ span: valueSpan(field), message, data: { replaceable: scalar } }];
  },
  fixes(finding, doc) {
    const field = doc.model.version;
    if (!finding.data?.replaceable || !field) return [];
    // The whole value, quotes included: the version is a number.
    const edit = replaceValueEdit(doc, field, '1', { raw: true });
    if (!edit) return [];
    return [{ title: 'Set `version` to 1', edits: [edit], preferred: true, fixAll: true }];
  },
});

function truncate(s: string): string {
  const line = s.split(/\r?\n|\r/)[0] ?? '';
  return line.length > 40 || line !== s ? `${line.slice(0, 37)}…` : line;
}
