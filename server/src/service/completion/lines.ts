// Reading the block structure of a YAML file line by line, from the text alone. Completion runs on half-typed
// YAML, where the parsed tree often does not hold what is being typed (a key without its colon is a scalar, an
// empty `- ` item is a null, a dedented line closes the block early); indentation and the keys above do.
// Everything here is O(characters walked): lines are read on demand around the cursor, never split in bulk.

/** One structural token of a line: a sequence dash, a `key:` or any other content (a scalar item, flow text). */
export interface LineToken {
  col: number;
  kind: 'dash' | 'key' | 'scalar';
  /** For keys: the key name, unquoted. */
  key?: string;
  /** For keys: the value after the colon, trimmed, comment removed ('' when the value is on the next lines). */
  value?: string;
}

export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (before `\r\n` / `\n`). */
  end: number;
  text: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'[\]{},:-][^\s:#]*|-[^\s:#]+)[ \t]*:(?=[ \t]|$)/;

/** The tokens of a line: leading dashes, then a key or a scalar. Blank and comment-only lines have none. */
export function tokenize(text: string): LineToken[] {
  const tokens: LineToken[] = [];
  let pos = skipSpaces(text, 0);
  while (
    pos < text.length &&
    text[pos] === '-' &&
    (pos + 1 === text.length || text[pos + 1] === ' ' || text[pos + 1] === '\t')
  ) {
    tokens.push({ col: pos, kind: 'dash' });
    pos = skipSpaces(text, pos + 1);
  }
  if (pos >= text.length || text[pos] === '#') return tokens;
  const rest = text.slice(pos);
  const match = KEY.exec(rest);
  if (match) {
    const raw = match[1]!;
    const key = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
    tokens.push({ col: pos, kind: 'key', key, value: stripComment(rest.slice(match[0].length)).trim() });
  } else {
    tokens.push({ col: pos, kind: 'scalar' });
  }
  return tokens;
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

/** Removes a trailing `# comment` (a `#` at the start or after whitespace, outside quotes). */
export function stripComment(value: string): string {
  return value.slice(0, commentStart(value));
}

/** Where a comment starts in a line fragment (its length when there is none). Quotes are respected roughly. */
export function commentStart(value: string): number {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s[,:]/.test(value[i - 1]!)) quote = ch;
    } else if (ch === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t')) {
      return i;
    }
  }
  return value.length;
}

/** The line holding an offset. */
export function lineAt(text: string, offset: number): Line {
  // Not `lastIndexOf('\n', -1)`: a negative start is read as 0, which finds a line break AT offset 0, so the
  // first line of a file starting with an empty line would be taken for the second (and walking up from it
  // would never reach the top).
  const start = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end, text: text.slice(start, end) };
}

/** The line before one starting at `lineStart`, or undefined at the top of the file. */
export function previousLine(text: string, lineStart: number): Line | undefined {
  if (lineStart <= 0) return undefined;
  return lineAt(text, lineStart - 1);
}

/** The line after one, or undefined at the end of the file. */
export function nextLine(text: string, line: Line): Line | undefined {
  const newline = text.indexOf('\n', line.end);
  if (newline < 0) return undefined;
  return lineAt(text, newline + 1);
}
