// Where to report on a part of the file that has no single value to point at.
import type { Element } from '../../model/types';
import type { Span } from '../../util/span';

/** An element's first key (an app's, a webhook's), or an empty range at its start when it has none. */
export function firstKeySpan(element: Element): Span {
  const first = element.keys.values().next();
  return first.done ? { start: element.span.start, end: element.span.start } : first.value;
}
