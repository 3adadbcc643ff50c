// A file that is not a configuration at all (empty, only comments, one bare value, a list, binary bytes) gets
// one missing-key finding at its start saying what the file needs, the same keys missing-key names one by one
// when the file is a mapping that lacks them (a file with only `version: 1` gets `tenant` and
// `messagingServices`).
import { isScalar, isSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { keysAt } from '../../schema/navigate';
import type { Finding } from '../types';
import type { Span } from '../../util/span';
import type { MissingKeyData } from './schemaIssues';

/** C0 control characters other than tab and line breaks, DEL, and U+FFFD (what undecodable bytes become). */
// eslint-disable-next-line no-control-regex -- finding these control characters is the point
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** The finding for a document whose top level is not a mapping, or undefined when the parser already reported why. */
export function notAConfiguration(doc: ParsedDocument): Finding<MissingKeyData> | undefined {
  if (doc.yaml.errors.length) return undefined;
  const root = doc.yaml.contents;
  const required = keysAt([])
    .filter((k) => k.required)
    .map((k) => `\`${k.key}\``);
  const needs = `A sinchcp file is a mapping of keys that starts with \`version: 1\` and needs ${listed(required)}; the command "New Configuration File" writes one to start from.`;
  const what = BINARY.test(doc.text)
    ? 'holds binary data, not text'
    : root === null || (isScalar(root) && root.value === null && !doc.text.slice(root.range[0], root.range[1]).trim())
      ? 'holds no configuration (it is empty, or only comments)'
      : isSeq(root)
        ? 'is a list, not a configuration'
        : 'is a single value, not a configuration';
  return {
    span: startSpan(doc),
    message: `This file ${what}. ${needs}`,
    data: { key: 'version', path: [] },
  };
}

function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first line that holds content (else the first line), cut to at most one line. */
function startSpan(doc: ParsedDocument): Span {
  const range = doc.yaml.contents?.range;
  const start = range && range[1] > range[0] ? range[0] : 0;
  const lineEnd = doc.text.slice(start).search(/\r|\n/);
  return { start, end: lineEnd < 0 ? doc.text.length : start + lineEnd };
}
