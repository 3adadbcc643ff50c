// Small facts about how a document is laid out, for edits that insert text the way the file already writes
// it: line starts and ends, columns, the line ending, the indentation step, and scalars written safely for
// block or flow context.
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';

/** The document's line ending (`\r\n` when the file uses it). */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its line break (`\r\n` included); a trailing comment stays on the line. */
export function lineEndOf(text: string, offset: number): number {
  const match = /\r\n|\r|\n/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return found ? found.index : text.length;
}

/**
 * The end of the last line of a node whose range ends at `end`, before its line break: a block node's range
 * ends just after a line break, a scalar's mid-line (a trailing comment may follow it on the line).
 */
export function lastLineEndOf(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end - (text[end - 2] === '\r' ? 2 : 1);
  return lineEndOf(text, end);
}

/** The column (in characters) of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Whether only spaces stand between the start of the offset's line and the offset. */
export function onlySpacesBefore(text: string, offset: number): boolean {
  return /^[ ]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** The file's indentation step: the first indented line after a `key:` line, else 2. */
export function indentUnit(text: string): number {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (!/^[A-Za-z_][\w-]*:\s*(#.*)?$/.test(line)) continue; // a top-level key opening a block
    const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const indent = next ? /^ */.exec(next)![0].length : 0;
    if (indent > 0 && indent <= 8) return indent;
  }
  return 2;
}

/**
 * A string value as a YAML scalar: plain when that reads back as the same string in this context, double-quoted
 * otherwise (`${env:X}` is plain in block context but quoted in flow context; `01234567890123456789012345` and
 * `1e100` are numbers, `yes` a boolean to YAML 1.1 readers, `2024-01-01` a date to some).
 */
export function yamlScalar(value: string, flow: boolean): string {
  return readsBackAsPlainString(value, flow) ? value : JSON.stringify(value);
}

const PLAIN_READINGS = new Map<string, boolean>();

/**
 * Whether `value` written plain reads back as exactly this string: asked of the `yaml` library itself, under
 * both YAML 1.2 (what sinchcp reads) and YAML 1.1 (what older tools read: `yes`, `on`, `0b1`, `1:20`, dates),
 * in a block mapping or a flow list as the context is. Remembered, since fixes ask for the same few values.
 */
export function readsBackAsPlainString(value: string, flow: boolean): boolean {
  const key = `${flow ? 'f' : 'b'}${value}`;
  let safe = PLAIN_READINGS.get(key);
  if (safe === undefined) {
    // In flow context any of `,[]{}:` is quoted too: YAML 1.2 allows some (`https://x`), but not every reader does.
    safe =
      value !== '' &&
      !/[\r\n\t]/.test(value) &&
      value.length <= 1024 &&
      !(flow && /[,[\]{}:]/.test(value)) &&
      (['1.2', '1.1'] as const).every((version) => plainReading(value, flow, version) === value);
    if (PLAIN_READINGS.size > 1000) PLAIN_READINGS.clear();
    PLAIN_READINGS.set(key, safe);
  }
  return safe;
}

/** The string `value` reads back as when written plain, or undefined when it reads as something else or fails. */
function plainReading(value: string, flow: boolean, version: '1.1' | '1.2'): string | undefined {
  const doc = parseDocument(flow ? `[${value}]` : `k: ${value}\n`, { version, uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length || doc.warnings.length) return undefined;
  const contents = doc.contents;
  const node = flow
    ? isSeq(contents) && contents.items.length === 1
      ? contents.items[0]
      : undefined
    : isMap(contents) && contents.items.length === 1
      ? contents.items[0]!.value
      : undefined;
  if (!isScalar(node) || node.type !== Scalar.PLAIN || typeof node.value !== 'string') return undefined;
  return node.value;
}
