// What every hover provider gets, and what it answers. A provider handles one kind of place (a key, an app
// ID, a URL, a secret…) and returns undefined when the place is not its kind; index.ts routes between them.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { Span } from '../../util/span';
import type { NodeAtOffset } from '../../parse/nodeAt';
import type { HoverText } from './text';

export interface HoverContext {
  doc: ParsedDocument;
  offset: number;
  /** The key or value under the cursor (a scalar), from the YAML tree. */
  at: NodeAtOffset;
  /** `at.path` with list indexes as `[]`: `messagingServices[].authentications[].password`. */
  pattern: string;
}

export interface HoverResult {
  text: HoverText;
  /** The hovered range: the key, the value, or the part of the value the hover is about. */
  span: Span;
}

export type HoverProvider = (context: HoverContext) => HoverResult | undefined;

export function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
