// Correcting a written value or key in place: the characters to replace (inside the quotes), and whether the
// closest known value is certainly the one meant. Shared by invalid-value and unknown-key.
import { distance } from 'fastest-levenshtein';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { Span } from '../../util/span';

/**
 * The characters of a one-line scalar value: inside its quotes when quoted. Undefined when the span is not a
 * plain one-line value (a key, when the value is empty; a block scalar; several lines).
 */
export function valueInside(doc: ParsedDocument, span: Span): { span: Span; text: string } | undefined {
  // An empty value is reported on its key: never rewrite a key as a value.
  if (/^[ \t]*:/.test(doc.text.slice(span.end, span.end + 40))) return undefined;
  return scalarInside(doc, span);
}

/** The characters of a one-line scalar (a key or a value) at `span`: inside its quotes when quoted. */
export function scalarInside(doc: ParsedDocument, span: Span): { span: Span; text: string } | undefined {
  const written = doc.text.slice(span.start, span.end);
  if (!written || /[\r\n]/.test(written) || /^[|>]/.test(written)) return undefined;
  const q = written[0];
  if ((q === '"' || q === "'") && written.length >= 2 && written.endsWith(q)) {
    const inner = written.slice(1, -1);
    // Escapes make offsets unsure: replace inside only when there are none.
    if (q === '"' ? inner.includes('\\') : inner.includes("''")) return undefined;
    return { span: { start: span.start + 1, end: span.end - 1 }, text: inner };
  }
  return { span, text: written };
}

/**
 * A correction is certain when only the case differs, or when the closest value is the only one at its
 * distance and every other is at least two edits further (`DISPACH` → DISPATCH, but not `ue` → us / eu).
 */
export function isCertain(written: string, closest: string, candidates: readonly string[]): boolean {
  const needle = written.toLowerCase();
  const best = distance(needle, closest.toLowerCase());
  if (best === 0) return true;
  let next = Infinity;
  for (const candidate of candidates) {
    if (candidate === closest) continue;
    next = Math.min(next, distance(needle, candidate.toLowerCase()));
  }
  return next - best >= 2;
}
