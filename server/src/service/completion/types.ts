// What the completion providers produce: LSP-free candidates with offsets, converted to LSP items at the edge
// (lsp/features/completion.ts), like every other feature of the service.
import type { Span } from '../../util/span';
import type { ParsedDocument } from '../../parse/parsedDocument';

export type CandidateKind = 'property' | 'value' | 'enum' | 'reference' | 'snippet' | 'constant';

export interface CompletionCandidate {
  label: string;
  kind: CandidateKind;
  /** One line shown next to the label. */
  detail?: string;
  /** Markdown. Never holds a secret's value: secrets appear only as `${env:NAME}` references. */
  documentation?: string;
  /** The text replacing `span`. A snippet (`$1`, `${1|a,b|}`) when `snippet` is true, else plain text. */
  insertText: string;
  snippet: boolean;
  span: Span;
  sortText?: string;
  filterText?: string;
  /** Ask the editor to suggest again after inserting (a key whose values are completed too). */
  retrigger?: boolean;
}

export interface CompletionOptions {
  /** The client inserts snippets (`textDocument.completion.completionItem.snippetSupport`). */
  snippetSupport: boolean;
}

/**
 * The document being completed: its text, and its shared parse on demand. Keys and closed value sets are
 * decided from the text alone, so right after a keystroke they are answered without waiting for the parse;
 * app IDs, env references, URLs and snippets ask for the parse (one per version, shared with every feature).
 */
export interface CompletionSource {
  text: string;
  parsed(this: void): ParsedDocument;
}

export interface CompletionRequest {
  source: CompletionSource;
  offset: number;
  options: CompletionOptions;
}

/** A source over a parse already at hand. */
export function sourceOf(doc: ParsedDocument): CompletionSource {
  return { text: doc.text, parsed: () => doc };
}
