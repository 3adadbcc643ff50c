// The custom requests between the VS Code client and the server's Sinch connection (lsp/features/
// sinchConnection.ts): one definition for both sides. No imports, so the client bundle takes nothing else.
export const SINCH_REQUESTS = {
  session: 'sinchcp/sinch.session',
  import: 'sinchcp/sinch.import',
  liveCheck: 'sinchcp/sinch.liveCheck',
  plan: 'sinchcp/sinch.webhookPlan',
  apply: 'sinchcp/sinch.webhookApply',
  forget: 'sinchcp/sinch.forget',
} as const;

/** Every answer: either the result or one clear message (never a credential). */
export type SinchAnswer<T> = { ok: true; value: T } | { ok: false; message: string; kind?: string; projectId?: string };
