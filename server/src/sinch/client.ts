// A small Conversation API client on Node's own fetch (see README, "Why not the official SDK"): OAuth2 client
// credentials with a cached token and one retry on an expired one, a timeout per request, bounded retries with
// backoff on 429 (honouring Retry-After) and 5xx, both error body shapes, and no output of its own: it never
// writes to stdout or stderr, and no error it throws carries a token or a secret.
import type { Region } from '../schema/domain';
import type { ApiApp, ApiWebhook, WebhookField, WebhookWrite } from './api';
import { describeFailure, parseErrorBody, SinchError, type SinchErrorKind } from './errors';
import { regionBaseUrl, type SinchHosts } from './hosts';

export interface SinchCredentials {
  keyId: string;
  keySecret: string;
}

export interface SinchClientOptions extends SinchHosts, SinchCredentials {
  fetch?: typeof fetch;
  /** Per request, in ms. */
  timeoutMs?: number;
  /** Retries after the first attempt, on 429 and 5xx. */
  maxRetries?: number;
  /** The longest wait honoured from a Retry-After header, in ms. */
  maxRetryAfterMs?: number;
  /** The first backoff without Retry-After, in ms; doubled on each retry. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

const EXPIRY_MARGIN_MS = 60_000;

export class SinchClient {
  private token: CachedToken | undefined;
  private pendingToken: Promise<string> | undefined;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly maxRetryAfterMs: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** Every secret value this client has held: scrubbed from any text it passes on. */
  private readonly secrets = new Set<string>();

  constructor(private readonly options: SinchClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.backoffMs = options.backoffMs ?? 500;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.remember(options.keySecret);
  }

  listApps(projectId: string, region: Region): Promise<ApiApp[]> {
    return this.call<{ apps?: ApiApp[] }>(region, 'GET', `/v1/projects/${enc(projectId)}/apps`).then(
      (r) => r.apps ?? [],
    );
  }

  listWebhooks(projectId: string, region: Region, appId: string): Promise<ApiWebhook[]> {
    return this.call<{ webhooks?: ApiWebhook[] }>(
      region,
      'GET',
      `/v1/projects/${enc(projectId)}/apps/${enc(appId)}/webhooks`,
    ).then((r) => r.webhooks ?? []);
  }

  createWebhook(projectId: string, region: Region, webhook: WebhookWrite): Promise<ApiWebhook> {
    if (webhook.secret) this.remember(webhook.secret);
    return this.call<ApiWebhook>(region, 'POST', `/v1/projects/${enc(projectId)}/webhooks`, webhook);
  }

  /** Changes only the fields in `mask`; the webhook's other fields stay as they are. */
  updateWebhook(
    projectId: string,
    region: Region,
    webhookId: string,
    fields: Partial<WebhookWrite>,
    mask: readonly WebhookField[],
  ): Promise<ApiWebhook> {
    if (fields.secret) this.remember(fields.secret);
    const query = `?update_mask=${mask.map(encodeURIComponent).join(',')}`;
    return this.call<ApiWebhook>(
      region,
      'PATCH',
      `/v1/projects/${enc(projectId)}/webhooks/${enc(webhookId)}${query}`,
      fields,
    );
  }

  /** Forgets the cached token (the next request asks for a new one). */
  forgetToken(): void {
    this.token = undefined;
  }

  private remember(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  private async call<T>(region: Region, method: string, path: string, body?: unknown): Promise<T> {
    const url = regionBaseUrl(this.options.conversationUrl, region) + path;
    const where = `the Conversation API (${region})`;
    // POST creates: retried only on 429, which Sinch answers before doing anything; a 5xx may have created it.
    const retryServerErrors = method !== 'POST';
    let refreshedToken = false;
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const response = await this.send(
        url,
        {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        where,
      );
      if (response.ok) return this.json<T>(response, where);
      if (
        response.status === 401 &&
        !refreshedToken &&
        /expired/i.test(response.headers.get('www-authenticate') ?? '')
      ) {
        refreshedToken = true;
        this.token = undefined;
        attempt--;
        await response.body?.cancel();
        continue;
      }
      const retryable = response.status === 429 || (retryServerErrors && response.status >= 500);
      if (retryable && attempt < this.maxRetries) {
        await response.body?.cancel();
        await this.sleep(this.retryDelay(response, attempt));
        continue;
      }
      throw await this.failure(response, where);
    }
  }

  /** The cached token, or one new token for all callers waiting at the same time (regions are asked in parallel). */
  private accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt) return Promise.resolve(this.token.value);
    this.pendingToken ??= this.requestToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async requestToken(): Promise<string> {
    const where = 'the Sinch authentication endpoint';
    const basic = Buffer.from(`${this.options.keyId}:${this.options.keySecret}`).toString('base64');
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(
        this.options.authUrl,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
        },
        where,
      );
      if (response.ok) {
        const answer = await this.json<{ access_token?: unknown; expires_in?: unknown }>(response, where);
        if (typeof answer.access_token !== 'string' || !answer.access_token) {
          throw new SinchError(
            'bad-response',
            describeFailure('bad-response', response.status, undefined, where),
            response.status,
          );
        }
        this.remember(answer.access_token);
        const lifetimeMs =
          (typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : 3600) * 1000;
        // Renew a little before the end; a short-lived token is kept for half its life.
        const margin = Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2);
        this.token = { value: answer.access_token, expiresAt: this.now() + lifetimeMs - margin };
        return answer.access_token;
      }
      if ((response.status === 429 || response.status >= 500) && attempt < this.maxRetries) {
        await response.body?.cancel();
        await this.sleep(this.retryDelay(response, attempt));
        continue;
      }
      throw await this.failure(response, where);
    }
  }

  private async send(url: string, init: RequestInit, where: string): Promise<Response> {
    try {
      return await this.fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      const kind: SinchErrorKind = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      throw new SinchError(kind, describeFailure(kind, undefined, undefined, where));
    }
  }

  private async json<T>(response: Response, where: string): Promise<T> {
    const text = await response.text();
    try {
      const value: unknown = JSON.parse(text || '{}');
      if (value && typeof value === 'object') return value as T;
    } catch {
      // fall through
    }
    throw new SinchError(
      'bad-response',
      describeFailure('bad-response', response.status, undefined, where),
      response.status,
    );
  }

  private retryDelay(response: Response, attempt: number): number {
    const header = response.headers.get('retry-after');
    if (header !== null) {
      const seconds = Number(header);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - this.now();
      if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), this.maxRetryAfterMs);
    }
    return this.backoffMs * 2 ** attempt;
  }

  private async failure(response: Response, where: string): Promise<SinchError> {
    const status = response.status;
    const kind: SinchErrorKind =
      status === 401
        ? 'unauthorized'
        : status === 403
          ? 'forbidden'
          : status === 404
            ? 'not-found'
            : status === 429
              ? 'rate-limited'
              : status >= 500
                ? 'server'
                : status >= 400
                  ? 'bad-request'
                  : 'bad-response';
    const body = parseErrorBody(await response.text().catch(() => ''));
    const apiMessage = body?.message === undefined ? undefined : this.scrub(body.message);
    return new SinchError(kind, describeFailure(kind, status, apiMessage, where), status, apiMessage);
  }

  /** The text without any secret this client holds (a server might echo a submitted value). */
  private scrub(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('***');
    return result;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
