// Applying offset-based edits to text, and turning a before/after pair into one minimal edit.
import type { TextEditSpan } from '../rules/types';

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEditSpan[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** Whether two edits touch the same characters (two insertions at one point count as overlapping). */
export function overlaps(a: TextEditSpan, b: TextEditSpan): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return (
    (a.span.start < b.span.end && b.span.start < a.span.end) ||
    (a.span.start === a.span.end && a.span.start > b.span.start && a.span.start < b.span.end) ||
    (b.span.start === b.span.end && b.span.start > a.span.start && b.span.start < a.span.end)
  );
}

/** The single edit that turns `before` into `after`: the differing middle, without the common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEditSpan | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { span: { start: prefix, end: before.length - suffix }, newText: after.slice(prefix, after.length - suffix) };
}
