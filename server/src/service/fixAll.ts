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

/** The safe fixes of one pass: the first fix-all fix of each finding, skipping any that overlaps one taken. */
export function fixAllEdits(doc: ParsedDocument, settings: Settings): { edits: TextEditSpan[]; rules: string[] } {
  const edits: TextEditSpan[] = [];
  const rules: string[] = [];
  for (const { rule, finding } of lint(doc, settings)) {
    if (!rule.fixes) continue;
    let fix;
    try {
      fix = rule.fixes(finding, doc).find((candidate) => candidate.fixAll);
    } catch {
      continue;
    }
    if (!fix || fix.edits.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
    edits.push(...fix.edits);
    rules.push(rule.name);
  }
  return { edits, rules };
}

export function fixAll(doc: ParsedDocument, settings: Settings): FixAllResult {
  const fixed = new Map<string, number>();
  let current = doc;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { edits, rules } = fixAllEdits(current, settings);
    if (!edits.length) break;
    const next = applyEdits(current.text, edits);
    if (next === current.text) break;
    for (const rule of rules) fixed.set(rule, (fixed.get(rule) ?? 0) + 1);
    current = parseText(next, doc.uri);
  }
  return { text: current.text, fixed };
}

/** Fix-all as one minimal edit of the document, or undefined when there is nothing to fix. */
export function fixAllEdit(doc: ParsedDocument, settings: Settings): TextEditSpan | undefined {
  return minimalEdit(doc.text, fixAll(doc, settings).text);
}
