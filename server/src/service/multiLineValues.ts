// A value written over several lines (a plain or quoted scalar folded over them, a block scalar) is shown by its
// first line only, with an ellipsis, in every message, fix title, hover, outline name, completion item and `data`
// payload. Its later lines are other source: a broken indentation can make them a password's line (the line
// under `password: >-` re-indented into the app ID above it), and a message names a value, it does not copy the
// file. Rules quote the value they check, as YAML folded it; the cut is made here, on everything shown, so no rule
// and no feature has to know about it.
import { isScalar, Scalar, visit } from 'yaml';
import type { ParsedDocument } from '../parse/parsedDocument';

interface MultiLineValue {
  /** The value as YAML read it, white space removed and lower-cased: what a shown text is searched for. */
  key: string;
  /** How many of `key`'s characters stand on the value's first line (what is kept when it is shown). */
  firstLineLength: number;
}

interface MultiLineIndex {
  /** The values by their key's first PREFIX characters (a shorter key by all of it), longest key first. */
  byPrefix: Map<string, MultiLineValue[]>;
}

const PREFIX = 4;
const ELLIPSIS = '…';
const NONE: MultiLineIndex = { byPrefix: new Map() };
const indexes = new WeakMap<ParsedDocument, MultiLineIndex>();

/** A character as it is searched for: lower-cased, unless that changes its length (`İ`). */
const folded = (c: string) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c);
/** White space removed, every character folded. */
const normalised = (text: string) => [...text.replace(/\s+/g, '')].map(folded).join('');

/** The multi-line scalars of the document (keys and values), found once per parse. */
function multiLineIndex(doc: ParsedDocument): MultiLineIndex {
  let index = indexes.get(doc);
  if (index) return index;
  index = doc.notAnalysed || !/[\r\n]/.test(doc.text) ? NONE : build(doc);
  indexes.set(doc, index);
  return index;
}

function build(doc: ParsedDocument): MultiLineIndex {
  const byPrefix = new Map<string, MultiLineValue[]>();
  const seen = new Set<string>();
  visit(doc.yaml, {
    Scalar(_, node) {
      const value = multiLineValue(doc.text, node);
      if (!value || seen.has(value.key)) return;
      seen.add(value.key);
      const prefix = value.key.slice(0, PREFIX);
      const bucket = byPrefix.get(prefix);
      if (bucket) bucket.push(value);
      else byPrefix.set(prefix, [value]);
    },
  });
  // Longest first in each bucket: where two values start alike, the longer one is the one written there.
  for (const bucket of byPrefix.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  return byPrefix.size ? { byPrefix } : NONE;
}

function multiLineValue(text: string, node: Scalar): MultiLineValue | undefined {
  if (!isScalar(node) || !node.range || node.value === null || node.value === undefined) return undefined;
  const [start, valueEnd] = node.range;
  const source = text.slice(start, valueEnd);
  if (!/[\r\n]/.test(source)) return undefined;
  // A scalar's value is never an object here: String() is its text.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const value = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
  const key = normalised(value);
  if (!key) return undefined;
  const first = normalised(firstLine(source, node.type));
  // A first line that is not how the value starts (escapes in a quoted value): nothing of it is kept.
  const firstLineLength = key.startsWith(first) ? first.length : 0;
  return firstLineLength === key.length ? undefined : { key, firstLineLength };
}

/** The value's first line as written: after the opening quote, or the first content line of a block scalar. */
function firstLine(source: string, type: Scalar['type']): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL)
    return lines.slice(1).find((line) => line.trim() !== '') ?? '';
  const line = lines[0]!;
  return type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? line.slice(1) : line;
}

/**
 * The text with every multi-line value of the document in it (in any letter case and spacing: a message may
 * upper-case a value or take its white space out) cut to its first line and an ellipsis.
 */
export function cutMultiLineValues(text: string, doc: ParsedDocument): string {
  const { byPrefix } = multiLineIndex(doc);
  if (!byPrefix.size || !text) return text;
  // The text without white space and lower-cased, with each character's offset in the text.
  let flat = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    flat += folded(text[i]!);
    offsets.push(i);
  }
  let out = '';
  let copied = 0;
  for (let at = 0; at < flat.length;) {
    const found = valueAt(byPrefix, flat, at);
    if (!found) {
      at++;
      continue;
    }
    const keepEnd = found.firstLineLength > 0 ? offsets[at + found.firstLineLength - 1]! + 1 : offsets[at]!;
    out += text.slice(copied, keepEnd).trimEnd() + ELLIPSIS;
    at += found.key.length;
    copied = offsets[at - 1]! + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function valueAt(byPrefix: Map<string, MultiLineValue[]>, flat: string, at: number): MultiLineValue | undefined {
  for (let length = Math.min(PREFIX, flat.length - at); length >= 1; length--) {
    for (const value of byPrefix.get(flat.slice(at, at + length)) ?? []) {
      if (flat.startsWith(value.key, at)) return value;
    }
  }
  return undefined;
}

/** A `data` payload with every string in it cut the same way (same shape; copied only when something changes). */
export function cutMultiLineData<T>(data: T, doc: ParsedDocument, depth = 0): T {
  if (!multiLineIndex(doc).byPrefix.size || depth > 20) return data;
  if (typeof data === 'string') return cutMultiLineValues(data, doc) as T;
  if (Array.isArray(data)) return (data as unknown[]).map((item) => cutMultiLineData(item, doc, depth + 1)) as T;
  if (data && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [
        cutMultiLineValues(key, doc),
        cutMultiLineData(value, doc, depth + 1),
      ]),
    ) as T;
  }
  return data;
}

/** Whether the text shows a multi-line value of the document (a completion that would insert one is dropped). */
export function showsMultiLineValue(text: string, doc: ParsedDocument): boolean {
  return cutMultiLineValues(text, doc) !== text;
}
