// How deep the text nests, measured on `yaml`'s lexical tokens BEFORE anything recursive runs. `yaml`'s Lexer is
// a loop, but its Parser closes collections by recursion (pop → step → pop, a few frames per level) and its
// Composer builds the tree by recursion, so a pasted line of 10,000 `- ` overflows the stack inside the Parser,
// however the tree is checked afterwards. The lexemes measured here are then fed to the Parser, so the text is
// lexed once.
import { CST, Lexer } from 'yaml';

export interface LexedText {
  /** The lexemes of the whole text, in order (the Parser's input); empty when the text nests too deep. */
  lexemes: string[];
  /** The offset where nesting first exceeds the limit, if it does. */
  tooDeepAt?: number;
  /** The offset of the first list item or key past `maxEntries`, if there is one. */
  tooManyAt?: number;
  /** List items and keys counted (what `maxEntries` bounds); the incremental re-parse keeps the file's total. */
  entries: number;
}

/**
 * Lexes the text and measures an upper bound of the Parser's nesting: every open `[`/`{` counts one level; each
 * block level counts two (at one indentation a mapping can hold a list written at the same column,
 * `key:` + `- item`). A block level is an indentation column still open: the column where a line's content
 * starts, and the column after each `- `, `? ` and `: ` on the line (`- - - x` opens three). A line closes the
 * levels indented deeper than it. Lines inside flow collections do not change the block levels.
 */
export function lexWithinNesting(text: string, limit: number, maxEntries = Infinity): LexedText {
  const lexemes: string[] = [];
  /** Open block columns, increasing. */
  const columns: number[] = [];
  let flowDepth = 0;
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let scalarNext = false;
  /** List items and keys so far: each `,` in brackets and each `- `, `? `, `: `. */
  let entries = 0;

  const openColumn = (column: number): boolean => {
    while (columns.length && columns[columns.length - 1]! > column) columns.pop();
    if (columns.length === 0 || columns[columns.length - 1]! < column) columns.push(column);
    return 2 * columns.length + flowDepth > limit;
  };

  for (const lexeme of new Lexer().lex(text)) {
    lexemes.push(lexeme);
    const start = offset;
    if (scalarNext) {
      // The source of a scalar (its type marker came just before): may span lines (quoted, block scalars).
      scalarNext = false;
      offset += lexeme.length;
      if (atLineStart && flowDepth === 0 && openColumn(start - lineStart))
        return { lexemes: [], tooDeepAt: start, entries };
      atLineStart = false;
      const newline = lexeme.lastIndexOf('\n');
      if (newline >= 0) lineStart = start + newline + 1;
      continue;
    }
    const type = CST.tokenType(lexeme);
    // Type markers and the document marker take no room in the text.
    if (type === 'scalar') {
      scalarNext = true;
      continue;
    }
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    offset += lexeme.length;
    switch (type) {
      case 'newline':
        atLineStart = true;
        lineStart = offset;
        continue;
      case 'space':
      case 'comment':
      case 'byte-order-mark':
        continue;
      case 'flow-map-start':
      case 'flow-seq-start':
        if (atLineStart && flowDepth === 0 && openColumn(start - lineStart))
          return { lexemes: [], tooDeepAt: start, entries };
        atLineStart = false;
        flowDepth++;
        if (2 * columns.length + flowDepth > limit) return { lexemes: [], tooDeepAt: start, entries };
        continue;
      case 'flow-map-end':
      case 'flow-seq-end':
        atLineStart = false;
        if (flowDepth > 0) flowDepth--;
        continue;
      case 'comma':
        if (++entries > maxEntries) return { lexemes: [], tooManyAt: start, entries };
        atLineStart = false;
        continue;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (++entries > maxEntries) return { lexemes: [], tooManyAt: start, entries };
        if (flowDepth === 0) {
          if (atLineStart && openColumn(start - lineStart)) return { lexemes: [], tooDeepAt: start, entries };
          if (openColumn(start - lineStart + 1)) return { lexemes: [], tooDeepAt: start, entries };
        }
        atLineStart = false;
        continue;
      default:
        // Anchors, tags, aliases, commas, directives, document markers: content at this column.
        if (atLineStart && flowDepth === 0 && openColumn(start - lineStart))
          return { lexemes: [], tooDeepAt: start, entries };
        atLineStart = false;
    }
  }
  return { lexemes, entries };
}
