// Format Document for sinchcp files, conservative by design: it re-indents block structure to 2 spaces per level
// (an item's keys under its first key), removes trailing white space and ends the file with one newline. It never
// moves or re-flows a comment, never touches quotes, flow lists or values. yaml's own Document.toString was
// measured first and rejected: it moves end-of-line comments onto lines of their own and drops their alignment.
// A safety net checks every result: the same parsed value, the same comments, no new error; if anything
// differs, the document is left as it is.
import { Lexer } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../parse/parsedDocument';
import type { TextEditSpan } from '../rules/types';

const INDENT = 2;

/** The formatted text, or undefined when formatting would not be certainly safe (or there is nothing to do). */
export function formatText(text: string): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  // Block scalars (`|`, `>`) carry their indentation in their value: left alone, the file is not re-indented.
  const reindent = !lines.some((l) => /(^|[:-]\s+)[|>][+-]?\d*\s*(#.*)?$/.test(l.replace(/\s+$/, '')));
  const out = reindent ? reindentLines(lines) : lines.map((l) => l.replace(/[ \t]+$/, ''));
  while (out.length > 1 && out[out.length - 1] === '' && out[out.length - 2] === '') out.pop();
  if (out[out.length - 1] !== '') out.push('');
  const formatted = out.join(eol);
  if (formatted === text || !sameMeaning(text, formatted)) return undefined;
  return formatted;
}

/** One edit per changed line (so the cursor and folding of untouched lines stay where they are). */
export function formatEdits(text: string): TextEditSpan[] {
  const formatted = formatText(text);
  if (formatted === undefined) return [];
  const before = text.split(/(?<=\n)/);
  const after = formatted.split(/(?<=\n)/);
  const edits: TextEditSpan[] = [];
  let offset = 0;
  for (let i = 0; i < before.length; i++) {
    const line = before[i]!;
    if (i >= after.length) {
      edits.push({ span: { start: offset, end: text.length }, newText: '' });
      break;
    }
    if (line !== after[i])
      edits.push({
        span: { start: offset, end: offset + line.length },
        newText: i === before.length - 1 ? after.slice(i).join('') : after[i]!,
      });
    offset += line.length;
  }
  if (after.length > before.length && before[before.length - 1] === after[before.length - 1]) {
    edits.push({ span: { start: text.length, end: text.length }, newText: after.slice(before.length).join('') });
  }
  return edits;
}

interface Level {
  /** The column in the original text. */
  old: number;
  /** The column it gets. */
  now: number;
}

/**
 * Re-indents by structure: a stack of the open levels (their old and new columns). A line deeper than the level
 * above opens a level 2 columns deeper; `- ` opens one more level for the item's keys. Lines inside a flow
 * collection that spans lines, and comment lines, move with the level they are in.
 */
function reindentLines(lines: string[]): string[] {
  const stack: Level[] = [{ old: 0, now: 0 }];
  let flowDepth = 0;
  return lines.map((raw) => {
    const line = raw.replace(/[ \t]+$/, '');
    const content = line.trimStart();
    if (!content) return '';
    const old = line.length - content.length;
    if (flowDepth > 0 || content.startsWith('#')) {
      // Inside a multi-line flow collection, or a comment line: shifted as the level it sits in.
      const level = [...stack].reverse().find((l) => l.old <= old) ?? stack[0]!;
      const now = Math.max(0, level.now + (old - level.old));
      flowDepth = Math.max(0, flowDepth + flowBalance(content));
      return ' '.repeat(now) + content;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.old > old) stack.pop();
    const top = stack[stack.length - 1]!;
    let now = top.now;
    if (old > top.old) {
      now = top.now + INDENT;
      stack.push({ old, now });
    }
    // `- ` items: the item's own keys (on the following lines) sit under its first key.
    let rest = content;
    let col = old;
    let newCol = now;
    while (/^-( +|$)/.test(rest)) {
      const dash = /^-( *)/.exec(rest)![0];
      col += dash.length;
      newCol += dash.length;
      rest = rest.slice(dash.length);
      if (!rest) break;
      while (stack.length > 1 && stack[stack.length - 1]!.old >= col) stack.pop();
      stack.push({ old: col, now: newCol });
    }
    flowDepth = Math.max(0, flowBalance(content));
    // The dash and what follows stay as written (`-   key` would move the item's keys below it too).
    return ' '.repeat(now) + content;
  });
}

/** Net open brackets of a line's flow collections, outside quotes and comments. */
function flowBalance(content: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(content[i - 1]!))) break;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth;
}

/** The same value, the same comments in the same order, and no error the original did not have. */
function sameMeaning(before: string, after: string): boolean {
  // parseYaml, not yaml's parseDocument: it refuses (with an error) what is too deep or too large to parse safely.
  const a = parseYaml(before);
  if (a.errors.length) return false; // a broken (or unanalysed) file is not re-indented: its structure is a guess
  const b = parseYaml(after);
  if (b.errors.length) return false;
  try {
    if (!isDeepStrictEqual(a.toJS(), b.toJS())) return false;
  } catch {
    return false; // e.g. an alias bomb: toJS gives up, and so does the formatter
  }
  return isDeepStrictEqual(comments(before), comments(after));
}

export function comments(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trimEnd());
  return out;
}
