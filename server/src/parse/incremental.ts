// The incremental re-parse: after an edit inside one item of a top-level list (an app, a messaging service, a
// queue), only that item's lines are parsed again, and the new item is spliced into the previous version's tree.
// A sinchcp file is a few top-level keys whose values are lists of independent items, so a keystroke costs what
// its item costs instead of what the file costs.
//
// `yaml`'s offsets are absolute, so everything after the edit is shifted by its length change (a walk over the
// nodes and source tokens after the edit, far cheaper than parsing them). The previous tree is updated in
// place: there is one tree per document, owned by the newest version, and the previous version's parse is
// not used again (the cache holds only the current one).
//
// The splice gives exactly the tree a full parse would give, or it is not done: every condition below that is
// not met falls back to the full parse. The equivalence property test (test/unit/incremental-equivalence.test.ts)
// compares the two after thousands of random edits. Conditions:
// - the previous tree has no error or warning in or next to the item's lines (errors elsewhere are kept, shifted);
// - the edit lies inside one item's lines of a block list held by a top-level key or by a key of a top-level
//   mapping (conversationApi.apps), and not in the comment or blank lines that end the item (`yaml` gives those
//   to the next item); where the list's last item ends, the list and the mappings around it end too (not for
//   the file's last item: where the document ends then is not followed);
// - the item's first line still starts with its `- ` at the list's column, every other line is indented
//   further, and the item still ends with a line break where the next line starts;
// - neither the old nor the new lines hold an anchor or alias (`&`, `*`: they reach across items), a tab, a
//   lone carriage return, or a block scalar that keeps its trailing lines (`|+`);
// - the lines parse alone into one list item that is a mapping, without errors or warnings, within a nesting
//   limit lower than the file's by the levels around the item, and the file's count of entries stays under
//   its limit.
// Comments stay where `yaml` put them in a full parse, except that a comment line inside an edited item may
// be attached to a different node; no feature reads the comments `yaml` attaches to nodes (formatting parses
// afresh).
import { isMap, isSeq, type CST, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_ENTRIES, sizeLimitExceeded } from './limits';
import { lexWithinNesting } from './nesting';

/** Levels of nesting left for what surrounds a re-parsed item (the root mapping, a key's mapping, the list). */
const NESTING_AROUND_ITEM = 16;

/** The text change between two versions: old [start, oldEnd) became new [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest change turning `before` into `after` (common prefix and suffix). */
export function textChange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const maxTail = shorter - start;
  while (tail < maxTail && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail))
    tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

export interface PreviousParse {
  text: string;
  yaml: Document.Parsed;
  /** List items and keys in the previous text (the guarded parse counts them). */
  entries: number;
}

export interface Reparsed {
  yaml: Document.Parsed;
  entries: number;
}

/**
 * The previous tree updated to `text` by re-parsing the one list item the edit touched, or undefined when the
 * edit is not one the splice is certain to get right (then the caller parses the whole text). Nothing is
 * changed before every condition has been checked; on success the previous tree IS the result.
 */
export function reparseItem(
  previous: PreviousParse,
  text: string,
  parseAlone: (itemText: string, nestingLimit: number) => { doc: Document.Parsed; entries: number },
  nestingLimit: number,
): Reparsed | undefined {
  const { yaml: doc, text: before } = previous;
  if (sizeLimitExceeded(text)) return fallback('size');
  const change = textChange(before, text);
  if (change.start === change.oldEnd && change.start === change.newEnd) return { yaml: doc, entries: previous.entries };
  const found = findItem(doc, before, change);
  if (typeof found === 'string') return fallback(found);
  const { seq, index, regionStart, regionEnd, column, last, ancestors } = found;
  // Errors elsewhere stay (shifted); one in or next to the item's lines may have changed how they were read.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.some((e) => e.pos[1] >= regionStart - 1 && e.pos[0] <= regionEnd + column + 1))
    return fallback('errors near the edit');
  const delta = change.newEnd - change.oldEnd;
  const oldRegion = before.slice(regionStart, regionEnd);
  const newRegion = text.slice(regionStart, regionEnd + delta);
  // The line after the item must still start a line: a deleted line break joins it to the item.
  if (regionEnd < before.length && !newRegion.endsWith('\n')) return fallback('lines');
  if (!linesFitItem(newRegion, column, change.newEnd - regionStart)) return fallback('lines');
  if (UNSAFE.test(oldRegion) || UNSAFE.test(newRegion)) return fallback('unsafe text');
  // The new item's text alone, at its own indentation: offsets relative to the region's start. It is followed,
  // as in the file, by the next line's indentation (an empty value at the item's end reaches to the `- `).
  const alone = parseAlone(
    newRegion + before.slice(regionEnd, firstContent(before, regionEnd)),
    nestingLimit - NESTING_AROUND_ITEM,
  );
  const parsed = alone.doc;
  if (parsed.errors.length || parsed.warnings.length) return fallback('item errors');
  const aloneSeq = parsed.contents;
  if (!isSeq(aloneSeq) || aloneSeq.flow || aloneSeq.items.length !== 1 || !isMap(aloneSeq.items[0]))
    return fallback('not one item');
  const aloneToken = aloneSeq.srcToken;
  if (aloneToken?.type !== 'block-seq' || aloneToken.indent !== column) return fallback('not one item');
  const aloneItemToken = aloneToken.items[0]!;
  if (dashOffset(aloneItemToken) !== column) return fallback('not one item');
  const oldEntries = lexWithinNesting(oldRegion, Infinity).entries;
  const entries = previous.entries - oldEntries + alone.entries;
  if (entries > MAX_ENTRIES) return fallback('entries');

  // Every check passed: shift what follows the change (the old item's nodes too: they are dropped), then put
  // the new item in its place. Offsets inside the changed text belong to the old item only.
  const seqToken = seq.srcToken as CST.BlockSequence;
  const oldItem = seq.items[index] as YAMLMap;
  const oldItemToken = seqToken.items[index]!;
  // Where the last item ended, the collections around it may end too: there they end where the new item ends.
  const oldItemRange = [...oldItem.range!];
  const endsAtItem = last
    ? ancestors.flatMap((node) =>
        [1, 2].flatMap((k) => {
          const end = node.range?.[k];
          const match = end === oldItemRange[k] ? k : end === oldItemRange[3 - k] ? 3 - k : undefined;
          return match ? [{ range: node.range as Range, k, match }] : [];
        }),
      )
    : [];
  shiftNodes(doc, change.oldEnd, delta);
  for (const problem of problems) {
    if (problem.pos[0] >= change.oldEnd) problem.pos[0] += delta;
    if (problem.pos[1] >= change.oldEnd) problem.pos[1] += delta;
  }
  shiftTokens(doc.contents!.srcToken, change.oldEnd, delta);
  const newItem = aloneSeq.items[0] as YAMLMap;
  moveNode(newItem, regionStart);
  moveTokens(aloneItemToken, regionStart);
  // What stands before the item's `- ` (comment lines, its indentation) is unchanged and stays the item's.
  const dash = regionStart + column;
  aloneItemToken.start = [
    ...oldItemToken.start.filter((token) => token.offset < dash),
    ...aloneItemToken.start.filter((token) => token.offset >= dash),
  ];
  if (oldItem.commentBefore !== undefined) newItem.commentBefore = oldItem.commentBefore;
  if (oldItem.spaceBefore !== undefined) newItem.spaceBefore = oldItem.spaceBefore;
  seq.items[index] = newItem;
  seqToken.items[index] = aloneItemToken;
  for (const { range, k, match } of endsAtItem) range[k] = newItem.range![match]!;
  return { yaml: doc, entries };
}

/** Why edits were parsed in full, by reason (for the bench and the equivalence test's report). */
export const fallbackReasons = new Map<string, number>();

function fallback(reason: string): undefined {
  fallbackReasons.set(reason, (fallbackReasons.get(reason) ?? 0) + 1);
  return undefined;
}

/** Text that can reach outside its item or that `yaml` reads differently alone: anchors, aliases, tabs, `|+`. */
const UNSAFE = /[&*\t]|\r(?!\n)|[|>][1-9]?\+/;

interface FoundItem {
  seq: YAMLSeq;
  index: number;
  /** The start of the item's first line (the one with its `- `). */
  regionStart: number;
  /** The start of the line after the item's lines (the next item's first line, or what ends the list). */
  regionEnd: number;
  /** The column of the list's `- `. */
  column: number;
  /** The list's last item: the list and the mappings around it may end where it ends. */
  last: boolean;
  /** The collections holding the list, from the root down, and the list. */
  ancestors: YamlNode[];
}

/** The item of a top-level block list whose lines hold the whole change, or why there is none. */
function findItem(doc: Document.Parsed, text: string, change: TextChange): FoundItem | string {
  const root = doc.contents;
  if (!isMap(root)) return 'not inside one item';
  for (const { seq, ancestors } of topLevelLists(root)) {
    const range = seq.range;
    const token = seq.srcToken;
    if (!range || token?.type !== 'block-seq') continue;
    // The list's lines run from its first item's line to where the list's node ends.
    const dashes = token.items.map(dashOffset);
    // A trailing token item without a dash holds only comments after the last item.
    const withDash = dashes.filter((d): d is number => d !== undefined);
    if (withDash.length !== seq.items.length || withDash.length === 0) continue;
    const firstLine = lineStart(text, withDash[0]!);
    if (change.start < firstLine) continue;
    // The last item whose first line starts at or before the change.
    let index = -1;
    for (let i = withDash.length - 1; i >= 0; i--) {
      if (lineStart(text, withDash[i]!) <= change.start) {
        index = i;
        break;
      }
    }
    if (index < 0) continue;
    const dash = withDash[index]!;
    const regionStart = lineStart(text, dash);
    const column = dash - regionStart;
    if (column !== token.indent) return 'lines';
    // The last item's lines end where a line starts at or left of the list's column (or the text ends).
    const last = index + 1 >= withDash.length;
    const regionEnd = last ? endOfIndentedLines(text, regionStart, column) : lineStart(text, withDash[index + 1]!);
    if (change.start >= regionEnd) continue;
    // Where the document ends after the file's last item depends on that item in ways a shift does not follow.
    if (last && regionEnd >= text.length) return 'end of file';
    if (!isMap(seq.items[index])) return 'not a mapping';
    // Not into the comment or blank lines that end the item, nor past its lines.
    if (change.oldEnd > contentEnd(text, regionStart, regionEnd)) return 'not inside one item';
    if (regionEnd > text.length || (regionEnd < text.length && text[regionEnd - 1] !== '\n')) return 'lines';
    return { seq, ancestors, index, regionStart, regionEnd, column, last };
  }
  return 'not inside one item';
}

/** Block lists held by a top-level key, or by a key of a top-level mapping (conversationApi.apps). */
function topLevelLists(root: YAMLMap): { seq: YAMLSeq; ancestors: YamlNode[] }[] {
  const lists: { seq: YAMLSeq; ancestors: YamlNode[] }[] = [];
  for (const pair of root.items) {
    const value = pair.value;
    if (isSeq(value) && !value.flow) lists.push({ seq: value, ancestors: [root, value] });
    else if (isMap(value) && !value.flow) {
      for (const inner of value.items) {
        if (isSeq(inner.value) && !inner.value.flow)
          lists.push({ seq: inner.value, ancestors: [root, value, inner.value] });
      }
    }
  }
  return lists;
}

/** The offset of a list item's `- `, from its source tokens. */
function dashOffset(item: CST.BlockSequence['items'][number]): number | undefined {
  return item.start.find((token) => token.type === 'seq-item-ind')?.offset;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The start of the first line after `from`'s line whose content is at or left of `column` (or the text's end). */
function endOfIndentedLines(text: string, from: number, column: number): number {
  let at = text.indexOf('\n', from);
  while (at >= 0) {
    const next = at + 1;
    const content = firstContent(text, next);
    if (
      content < text.length &&
      text[content] !== '\n' &&
      text[content] !== '\r' &&
      text[content] !== '#' &&
      content - next <= column
    ) {
      return next;
    }
    at = text.indexOf('\n', next);
  }
  return text.length;
}

/** The end (line break included) of the last line in [from, to) with content other than a comment. */
function contentEnd(text: string, from: number, to: number): number {
  let end = from;
  let lineAt = from;
  while (lineAt < to) {
    const breakAt = text.indexOf('\n', lineAt);
    const lineEnd = breakAt < 0 || breakAt >= to ? to : breakAt + 1;
    const content = firstContent(text, lineAt);
    if (content < lineEnd && text[content] !== '\n' && text[content] !== '\r' && text[content] !== '#') end = lineEnd;
    lineAt = lineEnd;
  }
  return end;
}

function firstContent(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) === 32) at++;
  return at;
}

/**
 * Whether the item's new lines still form one item of the list at `column`: the first line starts with its
 * `- ` there, every other line with content is indented further, the lines end with a line break (or the text
 * does), and the change does not reach into the comment or blank lines after the last content line.
 */
function linesFitItem(region: string, column: number, changeEnd: number): boolean {
  if (region.length === 0) return false;
  for (let i = 0; i < column; i++) if (region.charCodeAt(i) !== 32) return false;
  if (
    region[column] !== '-' ||
    !(region[column + 1] === ' ' || region[column + 1] === '\n' || region[column + 1] === '\r')
  ) {
    return false;
  }
  let lineAt = region.indexOf('\n') + 1;
  let lastContentEnd = lineAt === 0 ? region.length : lineAt;
  while (lineAt > 0 && lineAt < region.length) {
    const breakAt = region.indexOf('\n', lineAt);
    const lineEnd = breakAt < 0 ? region.length : breakAt + 1;
    const content = firstContent(region, lineAt);
    const blank = content >= lineEnd || region[content] === '\n' || region[content] === '\r';
    if (!blank) {
      if (content - lineAt <= column) return false;
      if (region[content] !== '#') lastContentEnd = lineEnd;
    }
    lineAt = breakAt < 0 ? -1 : lineEnd;
  }
  return changeEnd <= lastContentEnd;
}

type Range = [number, number, number];

/** Shifts by `delta` every node offset at or after `from` (the old item's nodes too; it is replaced after). */
function shiftNodes(doc: Document.Parsed, from: number, delta: number): void {
  const range = doc.range;
  if (range[1] >= from) range[1] += delta;
  if (range[2] >= from) range[2] += delta;
  shiftNode(doc.contents, from, delta);
}

function shiftNode(node: unknown, from: number, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const range = (node as YamlNode).range as Range | undefined;
  if (range) {
    if (range[2] < from) return;
    if (range[0] >= from) {
      moveNode(node, delta);
      return;
    }
    if (range[1] >= from) range[1] += delta;
    range[2] += delta;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      shiftNode(pair.key, from, delta);
      shiftNode(pair.value, from, delta);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) shiftNode(item, from, delta);
  }
}

/** Adds `delta` to every offset of a node and the nodes inside it. */
function moveNode(node: unknown, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const range = (node as YamlNode).range as Range | undefined;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      moveNode(pair.key, delta);
      moveNode(pair.value, delta);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) moveNode(item, delta);
  }
}

/** The fields of a source token that hold other tokens. */
const TOKEN_FIELDS = ['start', 'key', 'sep', 'value', 'end', 'props'] as const;

type AnyToken = { offset?: number; items?: AnyToken[] } & Record<string, unknown>;

/** Shifts by `delta` every source token offset at or after `from`. */
function shiftTokens(token: CST.Token | undefined, from: number, delta: number): void {
  shiftToken(token as unknown as AnyToken | undefined, from, delta);
}

function shiftToken(token: AnyToken | undefined, from: number, delta: number): void {
  if (!token || typeof token !== 'object') return;
  if (typeof token.offset === 'number' && token.offset >= from) {
    moveToken(token, delta);
    return;
  }
  for (const field of TOKEN_FIELDS) {
    const value = token[field];
    if (Array.isArray(value)) for (const inner of value) shiftToken(inner as AnyToken, from, delta);
    else if (value && typeof value === 'object') shiftToken(value as AnyToken, from, delta);
  }
  const items = token.items;
  if (!Array.isArray(items)) return;
  // Items are in text order: those starting at or after `from` move whole; the one before may hold `from`.
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const first = firstOffset(item);
    if (first !== undefined && first >= from) moveToken(item, delta);
    else {
      shiftToken(item, from, delta);
      break;
    }
  }
}

function firstOffset(item: AnyToken): number | undefined {
  for (const field of TOKEN_FIELDS) {
    const value = item[field];
    const first = Array.isArray(value) ? (value[0] as AnyToken | undefined) : (value as AnyToken | undefined);
    if (first && typeof first.offset === 'number') return first.offset;
  }
  return undefined;
}

/** Adds `delta` to every offset of a source token and the tokens inside it. */
function moveTokens(token: unknown, delta: number): void {
  moveToken(token as AnyToken, delta);
}

function moveToken(token: AnyToken | undefined, delta: number): void {
  if (!token || typeof token !== 'object') return;
  if (typeof token.offset === 'number') token.offset += delta;
  for (const field of TOKEN_FIELDS) {
    const value = token[field];
    if (Array.isArray(value)) for (const inner of value) moveToken(inner as AnyToken, delta);
    else if (value && typeof value === 'object') moveToken(value as AnyToken, delta);
  }
  if (Array.isArray(token.items)) for (const item of token.items) moveToken(item, delta);
}
