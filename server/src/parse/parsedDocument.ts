// One parse per document version, shared by every feature: the YAML tree (with source tokens, so every node
// has offsets), the model built on it, and the in-file suppression directives.
import { parseDocument, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel } from '../model/build';
import type { ConfigModel } from '../model/types';
import { computeRelations, type Relations } from '../model/relations';
import { readDirectives, type Directives } from './directives';

export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  /** Converts offsets to LSP positions (UTF-16 safe) and back. */
  readonly textDocument: TextDocument;
  readonly text: string;
  readonly yaml: Document.Parsed;
  readonly model: ConfigModel;
  readonly relations: Relations;
  readonly directives: Directives;
}

export function parse(textDocument: TextDocument): ParsedDocument {
  const text = textDocument.getText();
  const yaml = parseDocument(text, {
    keepSourceTokens: true,
    // Duplicate keys are reported by the duplicate-key rule with the key's own range, not as a parse error.
    uniqueKeys: false,
    prettyErrors: false,
    // Warnings (e.g. a mapping used as a key) would go to stderr on every keystroke; rules report what matters.
    logLevel: 'error',
  });
  const model = buildModel(yaml, text);
  return {
    uri: textDocument.uri,
    version: textDocument.version,
    textDocument,
    text,
    yaml,
    model,
    relations: computeRelations(model),
    directives: readDirectives(text),
  };
}

export function parseText(text: string, uri = 'file:///untitled.sinchcp.yaml'): ParsedDocument {
  return parse(TextDocument.create(uri, 'sinchcp', 0, text));
}

/**
 * The parse of each open document, kept for its current version only. Every LSP handler asks here, so a
 * keystroke costs one parse however many features run on it.
 */
export class ParsedDocumentCache {
  private readonly entries = new Map<string, ParsedDocument>();

  get(textDocument: TextDocument): ParsedDocument {
    const cached = this.entries.get(textDocument.uri);
    if (cached && cached.version === textDocument.version && cached.textDocument === textDocument) return cached;
    const parsed = parse(textDocument);
    this.entries.set(textDocument.uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
