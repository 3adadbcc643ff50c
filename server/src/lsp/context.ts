// What every LSP feature module gets: the connection, the open documents, the shared parse cache and the
// settings in force. Features are thin: they look up the parse and call the pure services in ../service.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocumentCache, ParsedDocument } from '../parse/parsedDocument';
import type { Settings } from '../service/settings';

export interface DiagnosticsScheduler {
  schedule(uri: string): void;
  cancel(uri: string): void;
}

export interface ClientInfo {
  snippetSupport: boolean;
  markdownHover: boolean;
  configurationRequests: boolean;
  workspaceFolders: string[];
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: ParsedDocumentCache;
  settings(): Settings;
  client(): ClientInfo;
  /** The parse of an open document's current version, or undefined when it is not open. */
  parsed(uri: string): ParsedDocument | undefined;
  /** Schedules the check of an open document (coalesced, stale results dropped). */
  diagnostics: DiagnosticsScheduler;
  /** Re-checks every open document and every workspace config file (after a settings change). */
  revalidateAll(): void;
  /** Adds work to revalidateAll (the workspace scan re-checks unopened files). */
  onRevalidateAll(listener: () => void): void;
  log(message: string): void;
}

/** A feature: the capabilities it serves, declared next to the handlers that serve them. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
}
