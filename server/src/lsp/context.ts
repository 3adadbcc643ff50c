// What the feature modules get. The server runs in two threads (see analysis/host.ts):
//  - the protocol thread owns the connection, the open documents and the settings (ServerContext);
//  - the analysis worker parses and answers the requests (AnalysisContext), and can be cut off and restarted
//    by the protocol thread's watchdog when one request runs away.
// A feature declares its requests as pure `compute` functions over an AnalysisContext; the server registers
// them on the connection and runs them in the worker.
import type { CancellationToken, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { z } from 'zod';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { Settings } from '../service/settings';
import type { AnalysisOutcome } from './analysis/host';

export interface DiagnosticsScheduler {
  schedule(uri: string): void;
  cancel(uri: string): void;
  /** Resolves when no check is scheduled or running (or after `maxWaitMs`, for a user who keeps typing). */
  settled(maxWaitMs: number): Promise<void>;
}

export interface ClientInfo {
  snippetSupport: boolean;
  markdownHover: boolean;
  configurationRequests: boolean;
  workDoneProgress: boolean;
  workspaceFolders: string[];
}

/** The analysis worker's view: documents as last synced from the protocol thread, parsed on demand. */
export interface AnalysisContext {
  document(uri: string): TextDocument | undefined;
  /** The parse of an open document's current text, or undefined when it is not open. */
  parsed(uri: string): ParsedDocument | undefined;
  settings(): Settings;
  client(): ClientInfo;
  log(message: string): void;
}

/** The protocol thread's view. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings(): Settings;
  client(): ClientInfo;
  /** Runs an analysis method in the worker (see AnalysisHost.run). */
  analyse<R>(method: string, params: unknown, token?: CancellationToken): Promise<AnalysisOutcome<R>>;
  /** The same in the background worker (the workspace scan), which never delays a request. */
  analyseInBackground<R>(method: string, params: unknown): Promise<AnalysisOutcome<R>>;
  /**
   * Registers a request handler behind the lifecycle gate (not initialized / shut down) and the error guard.
   * `P` is what the handler reads from the params: they arrive as the client sent them, unchecked.
   */
  onRequest<P = unknown>(
    method: string,
    fallback: unknown,
    handler: (params: P, token: CancellationToken) => unknown,
  ): void;
  /** Schedules the check of an open document (coalesced, stale results dropped). */
  diagnostics: DiagnosticsScheduler;
  /** Re-checks every open document and every workspace config file (after a settings change). */
  revalidateAll(): void;
  /** Adds work to revalidateAll (the workspace scan re-checks unopened files). */
  onRevalidateAll(listener: () => void): void;
  log(message: string): void;
}

/**
 * A request answered by the analysis worker. `params` (when set) makes it a client request: the server
 * registers it on the connection, answers InvalidParams when the params do not match, and `fallback` when
 * the computation fails or is cut off. Without `params` it is an internal method the protocol thread calls.
 */
export interface AnalysisRequest<P = unknown, R = unknown> {
  method: string;
  params?: z.ZodType<P>;
  fallback: R;
  /** Answer `fallback` without computing when a newer text of the same document waits behind this request. */
  skipWhenSuperseded?: boolean;
  compute(context: AnalysisContext, params: P): R;
  /** The answer when `compute` throws (the error is logged); `fallback` when not set. */
  whenFailed?(): R;
}

/** A feature: the capabilities it serves, declared next to the handlers that serve them. */
export interface Feature {
  capabilities: ServerCapabilities;
  /** Computed in the analysis worker. */
  requests?: readonly AnalysisRequest[];
  /** Protocol-thread wiring (document events, notifications, requests that are not analysis). */
  register?(context: ServerContext): void;
}
