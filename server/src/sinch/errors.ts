// What can go wrong when talking to Sinch, sorted into the few kinds an admin can act on, each with one
// clear sentence. The API's error body comes in two shapes (wrapped in `error` or not); both are read.

export type SinchErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'bad-response';

export interface ApiErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: unknown[];
}

export class SinchError extends Error {
  constructor(
    readonly kind: SinchErrorKind,
    message: string,
    readonly status?: number,
    /** The API's own message, when it sent one (never a credential: it is the server's text about the request). */
    readonly apiMessage?: string,
  ) {
    super(message);
    this.name = 'SinchError';
  }
}

/** The error fields of an answer's body, in either shape: `{"error": {code, message, status, details}}` or flat. */
export function parseErrorBody(text: string): ApiErrorBody | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const record = json as Record<string, unknown>;
  const inner = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : record;
  const body: ApiErrorBody = {};
  if (typeof inner.code === 'number') body.code = inner.code;
  if (typeof inner.message === 'string') body.message = inner.message;
  if (typeof inner.status === 'string') body.status = inner.status;
  if (Array.isArray(inner.details)) body.details = inner.details;
  return Object.keys(body).length ? body : undefined;
}

/** The one sentence shown for a failure: what happened and what to check. */
export function describeFailure(
  kind: SinchErrorKind,
  status: number | undefined,
  apiMessage: string | undefined,
  where: string,
): string {
  const said = apiMessage ? ` Sinch said: "${clip(apiMessage)}".` : '';
  switch (kind) {
    case 'network':
      return `Could not reach ${where}: check the network connection (and SINCHCP_AUTH_URL / SINCHCP_CONVERSATION_URL if you set them).`;
    case 'timeout':
      return `${where} did not answer in time: check the network connection, then try again.`;
    case 'unauthorized':
      return `Sinch refused the access key (401): check the key ID and key secret (Sinch dashboard > Settings > Access keys).${said}`;
    case 'forbidden':
      return `The access key has no access to this project (403): check conversationApi.projectId and that the key belongs to that project.${said}`;
    case 'rate-limited':
      return `Sinch is limiting the request rate (429) and still did after the retries: wait a minute, then try again.${said}`;
    case 'server':
      return `Sinch answered with a server error (${status ?? '5xx'}) after the retries: try again later.${said}`;
    case 'not-found':
      return `Sinch did not find it (404) at ${where}.${said}`;
    case 'bad-request':
      return `Sinch refused the request (400).${said}`;
    case 'bad-response':
      return `${where} answered with something that is not the Conversation API's JSON: check SINCHCP_CONVERSATION_URL / SINCHCP_AUTH_URL.`;
  }
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}…` : oneLine;
}
