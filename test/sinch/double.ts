// A stateful stand-in for Sinch's OAuth2 token endpoint and the Conversation API's app and webhook resources,
// following the published API: one HTTP server for the token endpoint and one per region, on 127.0.0.1 with
// ephemeral ports. It keeps the behaviour a client must cope with: Basic auth for tokens, Bearer everywhere
// else, tokens that expire (401 with a www-authenticate saying so), apps living in one region (404 from the
// others), 403 for a project the key does not own, the webhook validations (400), and 429/5xx on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Conversation } from '@sinch/sdk-core';

export type DoubleRegion = 'us' | 'eu' | 'br';
const REGIONS: DoubleRegion[] = ['us', 'eu', 'br'];
const TRIGGERS = new Set([
  'MESSAGE_DELIVERY',
  'MESSAGE_SUBMIT',
  'EVENT_DELIVERY',
  'MESSAGE_INBOUND',
  'EVENT_INBOUND',
  'CONVERSATION_START',
  'CONVERSATION_STOP',
  'CONVERSATION_DELETE',
  'CONTACT_CREATE',
  'CONTACT_DELETE',
  'CONTACT_MERGE',
  'CONTACT_UPDATE',
  'CONTACT_IDENTITIES_DUPLICATION',
  'CAPABILITY',
  'OPT_IN',
  'OPT_OUT',
  'CHANNEL_EVENT',
  'UNSUPPORTED',
  'SMART_CONVERSATION',
  'SMART_CONVERSATIONS',
  'MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION',
  'RECORD_NOTIFICATION',
]);
const MAX_WEBHOOKS = 5;
const MAX_TARGET = 742;

export interface SeedApp {
  region: DoubleRegion;
  app: Conversation.AppResponse;
  webhooks?: Conversation.Webhook[];
}

export interface DoubleProject {
  projectId: string;
  apps: SeedApp[];
}

export interface DoubleKey {
  keyId: string;
  keySecret: string;
  /** The projects this key may use. */
  projects: string[];
}

/** A failure answered instead of the next matching requests. */
export interface InjectedFailure {
  /** 'auth', a region, or 'any' region. */
  host: 'auth' | DoubleRegion | 'any';
  status: number;
  retryAfter?: string;
  /** How many requests get it (default 1). */
  times?: number;
}

export interface LoggedRequest {
  host: 'auth' | DoubleRegion;
  method: string;
  path: string;
  authorization: 'basic' | 'bearer' | 'none' | 'other';
  body: string;
  /** When it arrived (Date.now()), so a slow run shows where the time went. */
  at: number;
}

interface StoredApp {
  region: DoubleRegion;
  app: Conversation.AppResponse;
}
interface Token {
  keyId: string;
  expiresAt: number;
}

export class SinchDouble {
  readonly requests: LoggedRequest[] = [];
  /** Lifetime of new tokens, in seconds. */
  tokenLifetime = 3600;
  /** Whether list and get answers include webhook secrets (the SDK's tests show them; a client must not rely on it). */
  returnSecrets = true;
  /** Error bodies wrapped in `{"error": …}` (the documentation's introduction) or flat (its examples). */
  errorShape: 'wrapped' | 'flat' = 'wrapped';
  private readonly servers = new Map<'auth' | DoubleRegion, Server>();
  private readonly ports = new Map<'auth' | DoubleRegion, number>();
  private readonly tokens = new Map<string, Token>();
  private readonly apps = new Map<string, Map<string, StoredApp>>();
  private readonly webhooks = new Map<string, Map<string, Conversation.Webhook>>();
  private readonly failures: InjectedFailure[] = [];
  private readonly keys: DoubleKey[];

  constructor(keys: DoubleKey[], projects: DoubleProject[]) {
    this.keys = keys;
    for (const project of projects) this.seed(project);
  }

  seed(project: DoubleProject): void {
    const apps = new Map<string, StoredApp>();
    const webhooks = new Map<string, Conversation.Webhook>();
    for (const seed of project.apps) {
      apps.set(seed.app.id!, { region: seed.region, app: structuredClone(seed.app) });
      for (const webhook of seed.webhooks ?? []) {
        const id = webhook.id ?? randomId();
        webhooks.set(id, { ...structuredClone(webhook), id, app_id: seed.app.id });
      }
    }
    this.apps.set(project.projectId, apps);
    this.webhooks.set(project.projectId, webhooks);
  }

  async start(): Promise<void> {
    for (const host of ['auth', ...REGIONS] as const) {
      const server = createServer((req, res) => {
        void this.handle(host, req, res);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.servers.set(host, server);
      this.ports.set(host, (server.address() as AddressInfo).port);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.servers.values()].map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
    this.servers.clear();
  }

  /** SINCHCP_AUTH_URL for this double. */
  get authUrl(): string {
    return `http://127.0.0.1:${this.ports.get('auth')}/oauth2/token`;
  }

  /** The base URL of one region. */
  regionUrl(region: DoubleRegion): string {
    return `http://127.0.0.1:${this.ports.get(region)}`;
  }

  /**
   * SINCHCP_CONVERSATION_URL for this double. A `{region}` template cannot name three ports, so the auth
   * server also routes `/region/{region}/v1/…` to that region's handler (same state, same rules as the
   * region's own port, which the official SDK uses through its per-region hostname option).
   */
  get conversationTemplate(): string {
    return `http://127.0.0.1:${this.ports.get('auth')}/region/{region}`;
  }

  /** Every access token handed out, for "never printed" assertions. */
  get issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  /** Makes every token issued so far expire now. */
  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = 0;
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  fail(failure: InjectedFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** The webhooks of an app as stored (secrets included), for assertions. */
  webhooksOf(projectId: string, appId: string): Conversation.Webhook[] {
    return [...(this.webhooks.get(projectId)?.values() ?? [])]
      .filter((w) => w.app_id === appId)
      .map((w) => structuredClone(w));
  }

  private takeFailure(host: 'auth' | DoubleRegion): InjectedFailure | undefined {
    const index = this.failures.findIndex((f) => f.host === host || (f.host === 'any' && host !== 'auth'));
    if (index < 0) return undefined;
    const failure = this.failures[index]!;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) this.failures.splice(index, 1);
    return failure;
  }

  private async handle(host: 'auth' | DoubleRegion, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = url.pathname;
    let effectiveHost = host;
    // The routed form used by conversationTemplate: /region/{region}/v1/…
    const routed = host === 'auth' ? /^\/region\/(us|eu|br)(\/.*)$/.exec(path) : null;
    if (routed) {
      effectiveHost = routed[1] as DoubleRegion;
      path = routed[2]!;
    }
    const auth = req.headers.authorization ?? '';
    this.requests.push({
      host: effectiveHost,
      method: req.method ?? '',
      path: path + url.search,
      body,
      at: Date.now(),
      authorization: !auth
        ? 'none'
        : auth.startsWith('Basic ')
          ? 'basic'
          : auth.startsWith('Bearer ')
            ? 'bearer'
            : 'other',
    });
    const failure = this.takeFailure(effectiveHost);
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      return this.error(res, failure.status, failure.status === 429 ? 'Too many requests' : 'Internal error', headers);
    }
    if (effectiveHost === 'auth') return this.token(req, path, body, res);
    return this.conversation(effectiveHost, req, path, url.searchParams, body, res);
  }

  private token(req: IncomingMessage, path: string, body: string, res: ServerResponse): void {
    if (req.method !== 'POST' || path !== '/oauth2/token') return this.error(res, 404, 'Not found');
    const match = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [keyId, ...rest] = match ? Buffer.from(match[1]!, 'base64').toString('utf8').split(':') : [];
    const key = this.keys.find((k) => k.keyId === keyId && k.keySecret === rest.join(':'));
    if (!key) return this.error(res, 401, 'Invalid client credentials');
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials')
      return this.error(res, 400, 'unsupported grant_type');
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { keyId: key.keyId, expiresAt: Date.now() + this.tokenLifetime * 1000 });
    send(res, 200, { access_token: token, token_type: 'bearer', expires_in: this.tokenLifetime, scope: '' });
  }

  private conversation(
    region: DoubleRegion,
    req: IncomingMessage,
    path: string,
    query: URLSearchParams,
    body: string,
    res: ServerResponse,
  ): void {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const token = bearer ? this.tokens.get(bearer[1]!) : undefined;
    if (!token)
      return this.error(res, 401, 'Request had invalid authentication credentials.', { 'www-authenticate': 'Bearer' });
    if (token.expiresAt <= Date.now()) {
      return this.error(res, 401, 'Token expired', {
        'www-authenticate': 'Bearer error="invalid_token", error_description="Jwt is expired"',
      });
    }
    const parts = /^\/v1\/projects\/([^/]+)(\/.*)$/.exec(path);
    if (!parts) return this.error(res, 404, 'Not found');
    const projectId = decodeURIComponent(parts[1]!);
    const key = this.keys.find((k) => k.keyId === token.keyId)!;
    if (!key.projects.includes(projectId))
      return this.error(res, 403, 'The caller does not have permission for this project.');
    const apps = this.apps.get(projectId) ?? new Map<string, StoredApp>();
    const webhooks = this.webhooks.get(projectId) ?? new Map<string, Conversation.Webhook>();
    if (!this.webhooks.has(projectId)) this.webhooks.set(projectId, webhooks);
    const rest = parts[2]!;
    const method = req.method;
    const inRegion = (appId: string | undefined) => {
      const stored = appId ? apps.get(appId) : undefined;
      return stored && stored.region === region ? stored : undefined;
    };
    const shown = (w: Conversation.Webhook): Conversation.Webhook => {
      const copy = structuredClone(w);
      if (!this.returnSecrets) delete copy.secret;
      return copy;
    };

    if (method === 'GET' && rest === '/apps') {
      const list: Conversation.ListAppsResponse = {
        apps: [...apps.values()].filter((a) => a.region === region).map((a) => a.app),
      };
      return send(res, 200, list);
    }
    let m = /^\/apps\/([^/]+)$/.exec(rest);
    if (m && method === 'GET') {
      const stored = inRegion(decodeURIComponent(m[1]!));
      return stored ? send(res, 200, stored.app) : this.error(res, 404, `App ${m[1]} not found`);
    }
    m = /^\/apps\/([^/]+)\/webhooks$/.exec(rest);
    if (m && method === 'GET') {
      const appId = decodeURIComponent(m[1]!);
      if (!inRegion(appId)) return this.error(res, 404, `App ${appId} not found`);
      const list: Conversation.ListWebhooksResponse = {
        webhooks: [...webhooks.values()].filter((w) => w.app_id === appId).map(shown),
      };
      return send(res, 200, list);
    }
    if (rest === '/webhooks' && method === 'POST') {
      const input = parseJson(body) as Partial<Conversation.Webhook> | undefined;
      if (!input) return this.error(res, 400, 'Invalid JSON');
      if (!input.app_id) return this.error(res, 400, 'app_id is required');
      if (!inRegion(input.app_id)) return this.error(res, 404, `App ${input.app_id} not found`);
      const invalid = validateWebhook(input, true);
      if (invalid) return this.error(res, 400, invalid);
      if ([...webhooks.values()].filter((w) => w.app_id === input.app_id).length >= MAX_WEBHOOKS) {
        return this.error(res, 400, `An app can have at most ${MAX_WEBHOOKS} webhooks`);
      }
      const created: Conversation.Webhook = {
        id: randomId(),
        app_id: input.app_id,
        target: input.target!,
        target_type: input.target_type ?? 'HTTP',
        secret: input.secret ?? '',
        triggers: input.triggers!,
      };
      webhooks.set(created.id!, created);
      return send(res, 200, shown(created));
    }
    m = /^\/webhooks\/([^/]+)$/.exec(rest);
    if (m) {
      const id = decodeURIComponent(m[1]!);
      const existing = webhooks.get(id);
      if (!existing || !inRegion(existing.app_id)) return this.error(res, 404, `Webhook ${id} not found`);
      if (method === 'GET') return send(res, 200, shown(existing));
      if (method === 'DELETE') {
        webhooks.delete(id);
        return send(res, 200, {});
      }
      if (method === 'PATCH') {
        const input = parseJson(body) as Partial<Conversation.Webhook> | undefined;
        if (!input) return this.error(res, 400, 'Invalid JSON');
        const mask = query
          .get('update_mask')
          ?.split(',')
          .map((f) => f.trim())
          .filter(Boolean);
        const fields = mask ?? Object.keys(input);
        const next = structuredClone(existing) as unknown as Record<string, unknown>;
        for (const field of fields) {
          if (!['target', 'triggers', 'secret', 'target_type', 'client_credentials'].includes(field)) {
            return this.error(res, 400, `Unknown field in update_mask: ${field}`);
          }
          next[field] = (input as Record<string, unknown>)[field];
        }
        const invalid = validateWebhook(next, false);
        if (invalid) return this.error(res, 400, invalid);
        webhooks.set(id, next as unknown as Conversation.Webhook);
        return send(res, 200, shown(next as unknown as Conversation.Webhook));
      }
    }
    return this.error(res, 404, 'Not found');
  }

  private error(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
    const fields = { code: status, message, status: STATUS_NAMES[status] ?? 'UNKNOWN', details: [] };
    send(res, status, this.errorShape === 'wrapped' ? { error: fields } : fields, headers);
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

function validateWebhook(webhook: Partial<Conversation.Webhook>, creating: boolean): string | undefined {
  if (!webhook.target) return 'target is required';
  if (webhook.target.length > MAX_TARGET) return `target is longer than ${MAX_TARGET} characters`;
  if (/^https?:\/\/[^/]*conversation-api\.[^/.]+\.sinch\.com/i.test(webhook.target))
    return 'target host is not allowed';
  if (creating && (!webhook.triggers || !webhook.triggers.length)) return 'triggers is required';
  for (const trigger of webhook.triggers ?? []) {
    if (trigger === 'UNSPECIFIED_TRIGGER') return 'UNSPECIFIED_TRIGGER is not a valid trigger';
    if (!TRIGGERS.has(trigger)) return `Unknown trigger ${trigger}`;
  }
  if (webhook.target_type !== undefined && !['HTTP', 'DISMISS'].includes(webhook.target_type))
    return 'invalid target_type';
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function parseJson(text: string): unknown {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function randomId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase();
}
