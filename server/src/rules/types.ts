// What a rule is: a name (the diagnostic code), a default severity, a one-line summary, a check over the
// parsed document, and optionally the quick fixes for its findings, built from the finding's data alone.
import type { ParsedDocument } from '../parse/parsedDocument';
import type { Span } from '../util/span';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Finding<D = unknown> {
  span: Span;
  /** Written for the admin at the SC screen: what is wrong, what is expected, where to look. */
  message: string;
  /**
   * For rules whose findings differ in severity (an error rule's milder findings, as its page in docs/rules/ says);
   * else the rule's default.
   */
  severity?: Severity;
  /** What the rule's quick fix needs; carried in the diagnostic's `data`, never parsed from the message. */
  data?: D;
}

export interface TextEditSpan {
  span: Span;
  newText: string;
}

export interface QuickFix {
  /** Says exactly what changes: "Uppercase app ID to 01HZX…". */
  title: string;
  edits: TextEditSpan[];
  /** Marked preferred (applied by "auto fix") only when it is certainly right. */
  preferred?: boolean;
  /** Included in fix-all (`source.fixAll.sinchcp`, `sinchcp-lint --fix`): safe and certain. */
  fixAll?: boolean;
}

export interface Rule<D = unknown> {
  name: string;
  severity: Severity;
  /** One line, for the README and hover: what the rule catches. */
  summary: string;
  check(this: void, doc: ParsedDocument): Finding<D>[];
  /** Quick fixes for one finding, from its data and the current document (same version as the finding). */
  fixes?(this: void, finding: Finding<D>, doc: ParsedDocument): QuickFix[];
}

/** Helps a rule file declare itself with its data type checked. */
export function defineRule<D = undefined>(rule: Rule<D>): Rule<D> {
  return rule;
}
