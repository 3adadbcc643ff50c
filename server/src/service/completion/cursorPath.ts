// Where the cursor is, in terms of the format: the schema path of the mapping (or list) around it, and whether a
// key, a value of key K, or a new list item is being typed, with the range of what is typed so far. Decided from
// the text (the current line up to the cursor, the indentation and keys of the lines above), because half-typed
// YAML (`  regi|`, `- |`, an empty line under a list, `[WHATSAPP, |]`) is exactly what the parsed tree gets wrong.
import { z } from 'zod';
import { schemaAt, unwrap, type SchemaPath } from '../../schema/navigate';
import type { Span } from '../../util/span';
import { commentStart, lineAt, nextLine, previousLine, tokenize, type Line, type LineToken } from './lines';

/** The keys already written in the mapping around the cursor, with their values as written (for `direction`). */
export type Siblings = Map<string, string>;

export type CursorPlace =
  /** A document with nothing but comments and blank lines. */
  | { kind: 'emptyDocument'; prefix: Span }
  /** A key of the mapping at `path` is being typed (also: a fresh `- ` item of a list of mappings). */
  | {
      kind: 'key';
      path: SchemaPath;
      /** The characters of the key typed so far, and after the cursor up to the end of the word. */
      prefix: Span;
      /** Column of the key (the indentation its children are relative to). */
      column: number;
      /** The key is the first thing after a `- ` on this line (a new list item). */
      afterDash: boolean;
      /** A colon already follows the word: insert the key name alone. */
      hasColon: boolean;
      siblings: Siblings;
    }
  /** A new item of the list at `path` on a line without a dash yet (an empty line in a list). */
  | { kind: 'listItem'; path: SchemaPath; prefix: Span; column: number }
  /**
   * A value of key `path[path.length - 1]` (or an item of that list, when `path` ends in an index) is being typed.
   * `value` is the whole value on the line (prefix + rest up to a comment); `item` the item of a flow list.
   */
  | {
      kind: 'value';
      path: SchemaPath;
      /** The scalar being typed: from its start to its end on the line (quotes excluded). */
      value: Span;
      /** The cursor offset. */
      cursor: number;
      /** In a flow list: the items already written (for not offering them again). */
      flowItems?: string[];
      /** No space after the colon yet: an inserted value needs one. */
      needsSpace: boolean;
      siblings: Siblings;
    }
  | { kind: 'none' };

const WORD = /^[\w$.-]*/;

export function cursorPlace(text: string, offset: number): CursorPlace {
  offset = Math.max(0, Math.min(offset, text.length));
  if (!/^[ \t]*[^\s#]/m.test(text)) return { kind: 'emptyDocument', prefix: { start: offset, end: offset } };

  const line = lineAt(text, offset);
  const col = offset - line.start;
  const before = line.text.slice(0, col);
  if (commentStart(before) < before.length) return { kind: 'none' };

  // Leading dashes of the current line, up to the cursor.
  const dashes: number[] = [];
  let pos = 0;
  while (pos < before.length && (before[pos] === ' ' || before[pos] === '\t')) pos++;
  while (
    pos < before.length &&
    before[pos] === '-' &&
    (pos + 1 === before.length || before[pos + 1] === ' ' || before[pos + 1] === '\t')
  ) {
    if (pos + 1 === before.length) break; // `-|`: the dash is not yet a list marker
    dashes.push(pos);
    pos++;
    while (pos < before.length && (before[pos] === ' ' || before[pos] === '\t')) pos++;
  }
  const rest = before.slice(pos);
  const after = line.text.slice(col);

  // A key (or a bare scalar item) being typed: one word, or nothing.
  if (/^[\w$.-]*$/.test(rest)) {
    const suffix = WORD.exec(after)![0];
    const hasColon = /^[ \t]*:(\s|$)/.test(after.slice(suffix.length));
    const column = pos;
    const prefix = { start: line.start + pos, end: offset + suffix.length };
    const located = locate(text, line, dashes, column);
    if (!located) return { kind: 'none' };
    const afterDash = dashes.length > 0;
    const shape = shapeAt(located.path);
    if (!afterDash && shape === 'list') {
      return { kind: 'listItem', path: located.path, prefix, column };
    }
    if (afterDash && shape === 'scalar' && typeof located.path[located.path.length - 1] === 'number') {
      // `- MESSAGE_|` in a block list of scalars: a value of the list.
      return {
        kind: 'value',
        path: located.path,
        value: prefix,
        cursor: offset,
        needsSpace: false,
        siblings: new Map(),
      };
    }
    const siblings = collectSiblings(text, line, column, located.siblingsAbove);
    return { kind: 'key', path: located.path, prefix, column, afterDash, hasColon, siblings };
  }

  // A value being typed: `key: val|`, `key:|`, `key: [A, |]`.
  const keyMatch = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'[\]{},:][^\s:#]*)[ \t]*:([ \t]*)/.exec(rest);
  if (!keyMatch) return { kind: 'none' };
  const rawKey = keyMatch[1]!;
  const key = rawKey.startsWith('"') || rawKey.startsWith("'") ? rawKey.slice(1, -1) : rawKey;
  const column = pos;
  const located = locate(text, line, dashes, column);
  if (!located) return { kind: 'none' };
  const siblings = collectSiblings(text, line, column, located.siblingsAbove);
  const valueCol = pos + keyMatch[0].length;
  const needsSpace = keyMatch[2] === '';
  const lineValue = line.text.slice(valueCol);
  const valueText = lineValue.slice(0, commentStart(lineValue)).trimEnd();
  const cursorInValue = col - valueCol;

  if (valueText.startsWith('[')) {
    // Flow list: the item around the cursor, between `[`/`,` and `,`/`]`.
    const open = Math.max(valueText.lastIndexOf('[', cursorInValue - 1), valueText.lastIndexOf(',', cursorInValue - 1));
    if (open < 0 || cursorInValue <= 0) return { kind: 'none' };
    let itemStart = open + 1;
    while (itemStart < cursorInValue && valueText[itemStart] === ' ') itemStart++;
    let itemEnd = valueText.slice(cursorInValue).search(/[,\]]/);
    itemEnd = itemEnd < 0 ? valueText.length : cursorInValue + itemEnd;
    while (itemEnd > cursorInValue && valueText[itemEnd - 1] === ' ') itemEnd--;
    const inner = valueText.replace(/^\[/, '').replace(/\].*$/, '');
    const here = countCommas(valueText.slice(0, cursorInValue));
    const flowItems = inner
      .split(',')
      .map((s) => s.trim())
      .filter((s, i) => s !== '' && i !== here);
    const start = line.start + valueCol + itemStart;
    return {
      kind: 'value',
      path: [...located.path, key],
      value: { start, end: Math.max(offset, line.start + valueCol + itemEnd) },
      cursor: offset,
      flowItems,
      needsSpace: false,
      siblings,
    };
  }
  if (valueText.startsWith('{') || valueText.startsWith('|') || valueText.startsWith('>')) return { kind: 'none' };

  let start = line.start + valueCol;
  let end = line.start + valueCol + valueText.length;
  const quote = valueText[0];
  if (quote === '"' || quote === "'") {
    start++;
    if (valueText.length > 1 && valueText.endsWith(quote)) end--;
  }
  if (offset < start) return { kind: 'none' };
  return {
    kind: 'value',
    path: [...located.path, key],
    value: { start, end: Math.max(end, offset) },
    cursor: offset,
    needsSpace,
    siblings,
  };
}

function countCommas(s: string): number {
  return s.split(',').length - 1;
}

interface Located {
  path: SchemaPath;
  /** Keys at the cursor's column above it, in the same mapping. */
  siblingsAbove: Siblings;
}

/**
 * The schema path of the mapping that a key at `column` on `line` belongs to, walking up through the current
 * line's dashes and the lines above: a token left of the current column is the container (a key: step into it;
 * a dash: step into a list item, whose index is the number of dashes at that column above it).
 */
function locate(text: string, line: Line, dashes: number[], column: number): Located | undefined {
  const path: (string | number)[] = [];
  const siblingsAbove: Siblings = new Map();
  let state: { mode: 'map' | 'seq'; col: number; count: number } = { mode: 'map', col: column, count: 0 };
  let inOwnMapping = true;

  const feed = (tokens: LineToken[]): boolean => {
    let countedThisLine = false;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i]!;
      if (state.mode === 'map') {
        if (token.col > state.col) continue;
        if (token.col === state.col) {
          if (token.kind === 'key' && inOwnMapping && !siblingsAbove.has(token.key!))
            siblingsAbove.set(token.key!, token.value ?? '');
          continue;
        }
        inOwnMapping = false;
        if (token.kind === 'key') {
          path.unshift(token.key!);
          state = { mode: 'map', col: token.col, count: 0 };
        } else if (token.kind === 'dash') {
          state = { mode: 'seq', col: token.col, count: 0 };
          countedThisLine = true;
        } else {
          return false; // inside a multi-line scalar or flow text: not a place we understand
        }
      } else {
        if (token.col > state.col) continue;
        if (token.kind === 'dash' && token.col === state.col) {
          if (!countedThisLine) state.count++;
          countedThisLine = true;
        } else if (token.kind === 'key' && (token.col < state.col || token.value === '')) {
          path.unshift(token.key!, state.count);
          state = { mode: 'map', col: token.col, count: 0 };
        } else if (token.kind === 'dash') {
          path.unshift(state.count);
          state = { mode: 'seq', col: token.col, count: 0 };
          countedThisLine = true;
        } else {
          return false;
        }
      }
    }
    return true;
  };

  // The current line's own dashes (left of the cursor) come first, then the lines above, until the top level.
  if (!feed(dashes.map((col) => ({ col, kind: 'dash' as const })))) return undefined;
  for (let current = previousLine(text, line.start); current; current = previousLine(text, current.start)) {
    if (!inOwnMapping && state.mode === 'map' && state.col === 0) break;
    // Fast paths (a 20,000-line list is walked in a few ms): lines indented deeper than the column of interest
    // hold nothing that matters; in a list, a line starting with its dash is just one more item above.
    let indent = 0;
    while (current.text.charCodeAt(indent) === 32) indent++;
    if (indent > state.col || indent === current.text.length) continue;
    if (
      state.mode === 'seq' &&
      indent === state.col &&
      current.text[indent] === '-' &&
      /[ \t]/.test(current.text[indent + 1] ?? ' ')
    ) {
      state.count++;
      continue;
    }
    const tokens = tokenize(current.text);
    if (tokens.length === 0) continue;
    if (!feed(tokens)) return undefined;
  }
  if (state.mode === 'seq') return undefined; // a list at the top level: not this format
  return { path, siblingsAbove };
}

type Shape = 'object' | 'list' | 'scalar' | 'unknown';

/** What the schema expects at a path: a mapping, a list, a scalar, or nothing known. */
export function shapeAt(path: SchemaPath): Shape {
  const node = schemaAt(path);
  if (!node) return 'unknown';
  const inner = unwrap(node);
  if (inner instanceof z.ZodObject) return 'object';
  if (inner instanceof z.ZodArray) return 'list';
  return 'scalar';
}

/**
 * The keys of the mapping around the cursor: those found above while locating it, plus those below it at the
 * same column until the block ends (a line indented less, or the next item's dash).
 */
function collectSiblings(text: string, line: Line, column: number, above: Siblings): Siblings {
  const siblings = new Map(above);
  for (let current = nextLine(text, line); current; current = nextLine(text, current)) {
    const tokens = tokenize(current.text);
    if (tokens.length === 0) continue;
    const first = tokens[0]!;
    if (first.col < column) break;
    if (first.col === column && first.kind === 'key') siblings.set(first.key!, first.value ?? '');
    if (first.col === column && first.kind !== 'key') break;
  }
  return siblings;
}
