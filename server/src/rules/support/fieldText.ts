// Reading a field's text, or saying why it has none: a rule that checks a text value first reports a value
// that is missing (`key:`) or that is a list or a mapping where text belongs, in the same words everywhere.
import type { Field } from '../../model/types';
import type { Span } from '../../util/span';
import { valueSpan } from '../edits/replaceValue';
import { HAS_NO_VALUE, NOT_A_COLLECTION } from './vocabulary';

/** Whether a field is written without a value (`key:`), rather than with a list or a mapping where text belongs. */
export function hasNoValue(field: Field): boolean {
  return field.node === null || field.span.start === field.span.end;
}

/**
 * What is wrong with a value that is not text, for messages: "has no value", or "should be <expected>, not a
 * list or a mapping" (`expected` says what belongs there: "a URL", "a landscape name"; plain "text" by default).
 */
export function notTextProblem(field: Field, expected = 'text'): string {
  return hasNoValue(field) ? HAS_NO_VALUE : `should be ${expected}, ${NOT_A_COLLECTION}`;
}

/** Why a field has no text, ready for a finding. */
export interface NotText {
  /** Where to report it: the value, or the key when there is no value (see valueSpan). */
  span: Span;
  /** Whether the value is missing (`key:`), so a fix can write one, rather than a list or a mapping. */
  empty: boolean;
  /** The words for the message (see notTextProblem). */
  problem: string;
}

/**
 * A field's text, or why it has none: `{ text }` for a scalar, `{ notText }` for a missing value or a list or
 * a mapping. `expected` words the problem as notTextProblem does.
 */
export function readText(
  field: Field,
  expected?: string,
): { text: string; notText?: undefined } | { text?: undefined; notText: NotText } {
  if (field.text !== undefined) return { text: field.text };
  return { notText: { span: valueSpan(field), empty: hasNoValue(field), problem: notTextProblem(field, expected) } };
}
