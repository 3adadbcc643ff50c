// Fix-all (`source.fixAll.sinchcp`, `sinchcp-lint --fix`): every safe, certain fix, applied until nothing
// fixable is left, so that running it again changes nothing.
import { parseText, type ParsedDocument } from '../parse/parsedDocument';
import type { TextEditSpan } from '../rules/types';
import { lint } from './diagnostics';
import { applyEdits, minimalEdit, overlaps } from './edits';
import type { Settings } from './settings';

/** A fix that enables another (e.g. a rename that lets a value be checked) is applied in a later pass. */
const MAX_PASSES = 10;

export interface FixAllResult {
  text: string;
  /** The rules whose findings were fixed, with how many each. */
  fixed: Map<string, number>;
}

/**
 * The safe fixes of one pass: the first fix-all fix of each finding, skipping any that overlaps one taken, and
 * those of the findings in `refused` (by findingKey). `fixed` has the key of each finding fixed.
 */
export function fixAllEdits(
  doc: ParsedDocument,
  settings: Settings,
  refused: ReadonlySet<string> = new Set(),
): { edits: TextEditSpan[]; rules: string[]; fixed: string[] } {
  const edits: TextEditSpan[] = [];
  const rules: string[] = [];
  const fixed: string[] = [];
  for (const { rule, finding } of lint(doc, settings)) {
    if (!rule.fixes || refused.has(findingKey(rule.name, finding.message))) continue;
    let fix;
    try {
      fix = rule.fixes(finding, doc).find((candidate) => candidate.fixAll);
    } catch {
      continue;
    }
    if (!fix || fix.edits.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
    edits.push(...fix.edits);
    rules.push(rule.name);
    fixed.push(findingKey(rule.name, finding.message));
  }
  return { edits, rules, fixed };
}

/** A finding as found again after an edit (its offsets move; its rule and message stay). */
function findingKey(rule: string, message: string): string {
  return `${rule}\u0000${message}`;
}

/**
 * A fix must remove its finding. One that leaves it (as many findings with its rule and message as before) is
 * refused, and the pass is made again without it: in broken YAML an edit can land where YAML reads it as part of
 * another value (a `triggers:` line inserted after an entry whose password YAML reads as a mapping, because a
 * line under it is indented too far), and fix-all inserted the same line again on every pass.
 */
export function fixAll(doc: ParsedDocument, settings: Settings): FixAllResult {
  const fixed = new Map<string, number>();
  const refused = new Set<string>();
  let current = doc;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { edits, rules, fixed: keys } = fixAllEdits(current, settings, refused);
    if (!edits.length) break;
    const text = applyEdits(current.text, edits);
    if (text === current.text) break;
    const next = parseText(text, doc.uri);
    const before = findingCounts(current, settings);
    const after = findingCounts(next, settings);
    const stuck = keys.filter((key) => (after.get(key) ?? 0) >= before.get(key)!);
    if (stuck.length) {
      for (const key of stuck) refused.add(key);
      continue;
    }
    for (const rule of rules) fixed.set(rule, (fixed.get(rule) ?? 0) + 1);
    current = next;
  }
  return { text: current.text, fixed };
}

function findingCounts(doc: ParsedDocument, settings: Settings): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { rule, finding } of lint(doc, settings)) {
    const key = findingKey(rule.name, finding.message);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Fix-all as one minimal edit of the document, or undefined when there is nothing to fix. */
export function fixAllEdit(doc: ParsedDocument, settings: Settings): TextEditSpan | undefined {
  return minimalEdit(doc.text, fixAll(doc, settings).text);
}
