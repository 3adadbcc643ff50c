// The custom requests between the VS Code client's Sinch commands (client/src/sinchCommands.ts) and the server's
// Sinch connection (lsp/features/sinchConnection.ts), with their parameters and answers. Type-only imports.
import type { SinchHosts } from '../sinch/hosts';
import { request } from './spec';

/** Every answer: either the result or one clear message (never a credential). */
export type SinchAnswer<T> = { ok: true; value: T } | { ok: false; message: string; kind?: string; projectId?: string };

/** What every request about a document carries: the document, the sealed access key and the hosts (settings). */
export interface SinchRequestBase {
  uri: string;
  /** The access key sealed for this server process (sinch/sealed.ts); absent until the server asks for it. */
  sealed?: unknown;
  hosts?: Partial<SinchHosts>;
  /** The project, when the file names none (import asks the user). */
  projectId?: string;
}

export interface ImportParams extends SinchRequestBase {
  /** The document's text, for a document the server does not hold open. */
  text?: string;
}
export interface ImportResult {
  text: string;
  changes: string[];
  created: boolean;
  version: number;
  apps: number;
}

export interface LiveCheckParams extends SinchRequestBase {
  /** Read the project again instead of using the short-lived cache (an explicit command, not a save). */
  refresh?: boolean;
}
export interface LiveCheckResult {
  findings: number;
  failure?: string;
  projectId: string;
}

export interface WebhookPlanResult {
  planId: string;
  text: string;
  changes: string[];
  notes: string[];
}

export const SINCH_REQUESTS = {
  /** The server process's public key, to seal an access key for it. */
  session: request<Record<string, never>, { publicKey: string }>('sinchcp/sinch.session'),
  import: request<ImportParams, SinchAnswer<ImportResult>>('sinchcp/sinch.import'),
  liveCheck: request<LiveCheckParams, SinchAnswer<LiveCheckResult>>('sinchcp/sinch.liveCheck'),
  plan: request<SinchRequestBase, SinchAnswer<WebhookPlanResult>>('sinchcp/sinch.webhookPlan'),
  apply: request<{ planId?: string }, SinchAnswer<{ done: string[] }>>('sinchcp/sinch.webhookApply'),
  forget: request<Record<string, never>, SinchAnswer<null>>('sinchcp/sinch.forget'),
} as const;
