// Keys allowed in the mapping at the cursor (from the zod schema), minus those already written, each with its
// docs; the inserted text fits the value's shape: `key: `, a nested block, a list with its first `- `.
import { z } from 'zod';
import { keysAt, schemaAt, unwrap, type SchemaPath } from '../../schema/navigate';
import type { Span } from '../../util/span';
import { keyDocMarkdown } from './docs';
import type { CompletionCandidate, CompletionOptions } from './types';
import { hasValueCompletion } from './values';

export interface KeyPlace {
  path: SchemaPath;
  prefix: Span;
  column: number;
  hasColon: boolean;
  siblings: Map<string, string>;
}

export function keyCandidates(place: KeyPlace, options: CompletionOptions): CompletionCandidate[] {
  const keys = keysAt(place.path);
  return keys.flatMap(({ key, required, doc }, index) => {
    if (place.siblings.has(key)) return [];
    const childPath = [...place.path, key];
    const { text, snippet } = place.hasColon
      ? { text: key, snippet: false }
      : insertion(key, childPath, place.column, options);
    const candidate: CompletionCandidate = {
      label: key,
      kind: 'property',
      detail: doc?.description,
      documentation: keyDocMarkdown(key, doc, required),
      insertText: text,
      snippet,
      span: place.prefix,
      sortText: `${required ? '0' : '1'}_${String(index).padStart(2, '0')}_${key}`,
    };
    if (!place.hasColon && hasValueCompletion(childPath)) candidate.retrigger = true;
    return [candidate];
  });
}

function insertion(
  key: string,
  path: SchemaPath,
  column: number,
  options: CompletionOptions,
): { text: string; snippet: boolean } {
  const node = schemaAt(path);
  const inner = node && unwrap(node);
  const indent = ' '.repeat(column + 2);
  if (inner instanceof z.ZodObject) {
    return options.snippetSupport
      ? { text: `${key}:\n${indent}$0`, snippet: true }
      : { text: `${key}:\n${indent}`, snippet: false };
  }
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType);
    if (element instanceof z.ZodObject) {
      return options.snippetSupport
        ? { text: `${key}:\n${indent}- $0`, snippet: true }
        : { text: `${key}:\n${indent}- `, snippet: false };
    }
    return options.snippetSupport ? { text: `${key}: [$0]`, snippet: true } : { text: `${key}: `, snippet: false };
  }
  return { text: `${key}: `, snippet: false };
}
