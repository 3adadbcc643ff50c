// Small facts about how a document is laid out, for edits that insert text the way the file already writes
// it: line ends, columns, the indentation step, and scalars written safely for block or flow context.
import type { ParsedDocument } from '../../parse/parsedDocument';

/** The document's line ending (`\r\n` when the file uses it). */
export function eolOf(doc: ParsedDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
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
export function indentUnit(doc: ParsedDocument): number {
  const lines = doc.text.split(/\r?\n/);
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
 * A string value as a YAML scalar: plain when that reads back as the same string in this context,
 * double-quoted otherwise (`${env:X}` is plain in block context but quoted in flow context).
 */
export function yamlScalar(value: string, flow: boolean): string {
  const plainSafe = value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #|[\t\n\r]/.test(value) &&
    !/^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(value) &&
    !(flow && /[,[\]{}:]/.test(value));
  return plainSafe ? value : JSON.stringify(value);
}
