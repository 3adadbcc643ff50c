// The Conversation API client against the local double: auth, token caching and renewal, retries, both
// error shapes, the one-message failures, region routing, and that it never writes to stdout.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { SinchClient } from '../../server/src/sinch/client';
import { readProject } from '../../server/src/sinch/snapshot';
import { SinchError } from '../../server/src/sinch/errors';
import type { SinchDouble } from '../sinch/double';
import {
  cleanProject,
  EU_APP,
  FOREIGN_PROJECT_ID,
  KEY_ID,
  KEY_SECRET,
  PROJECT_ID,
  SECRET_MARKERS,
  startDouble,
  US_APP,
} from '../sinch/fixtures';

let double: SinchDouble;
const sleeps: number[] = [];

function client(overrides: Partial<ConstructorParameters<typeof SinchClient>[0]> = {}): SinchClient {
  return new SinchClient({
    keyId: KEY_ID,
    keySecret: KEY_SECRET,
    authUrl: double.authUrl,
    conversationUrl: double.conversationTemplate,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<SinchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SinchError, `not a SinchError: ${String(error)}`);
    for (const secret of SECRET_MARKERS) assert.ok(!error.message.includes(secret), 'a secret in the message');
    return error;
  }
  assert.fail('expected a failure');
}

before(async () => {
  double = await startDouble();
});
after(async () => {
  await double.stop();
});
beforeEach(() => {
  double.seed(cleanProject());
  double.requests.length = 0;
  double.errorShape = 'wrapped';
  double.clearFailures();
  sleeps.length = 0;
});

test('gets a token with Basic auth once and calls the API with Bearer', async () => {
  const sinch = client();
  assert.deepEqual(
    (await sinch.listApps(PROJECT_ID, 'eu')).map((a) => a.id),
    [EU_APP],
  );
  assert.deepEqual(
    (await sinch.listApps(PROJECT_ID, 'us')).map((a) => a.id),
    [US_APP],
  );
  assert.deepEqual(
    double.requests.map((r) => [r.host, r.method, r.path, r.authorization]),
    [
      ['auth', 'POST', '/oauth2/token', 'basic'],
      ['eu', 'GET', `/v1/projects/${PROJECT_ID}/apps`, 'bearer'],
      ['us', 'GET', `/v1/projects/${PROJECT_ID}/apps`, 'bearer'],
    ],
  );
  assert.equal(double.requests[0]!.body, 'grant_type=client_credentials');
});

test('an expired token is renewed once and the request repeated', async () => {
  const sinch = client();
  await sinch.listApps(PROJECT_ID, 'eu');
  double.expireTokens();
  assert.deepEqual(
    (await sinch.listApps(PROJECT_ID, 'eu')).map((a) => a.id),
    [EU_APP],
  );
  assert.deepEqual(
    double.requests.map((r) => r.host),
    ['auth', 'eu', 'eu', 'auth', 'eu'],
  );
});

test('a token that keeps expiring gives one 401 failure, not a loop', async () => {
  double.tokenLifetime = 0;
  try {
    const error = await failure(client().listApps(PROJECT_ID, 'eu'));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(double.requests.filter((r) => r.host === 'auth').length, 2);
  } finally {
    double.tokenLifetime = 3600;
  }
});

test('429 is retried after the Retry-After delay', async () => {
  double.fail({ host: 'eu', status: 429, retryAfter: '2' });
  assert.deepEqual(
    (await client().listApps(PROJECT_ID, 'eu')).map((a) => a.id),
    [EU_APP],
  );
  assert.deepEqual(sleeps, [2000]);
});

test('5xx is retried with growing backoff, then gives up with one message', async () => {
  double.fail({ host: 'eu', status: 503, times: 2 });
  assert.deepEqual(
    (await client().listApps(PROJECT_ID, 'eu')).map((a) => a.id),
    [EU_APP],
  );
  assert.deepEqual(sleeps, [500, 1000]);
  double.fail({ host: 'eu', status: 500, times: 10 });
  const error = await failure(client().listApps(PROJECT_ID, 'eu'));
  assert.equal(error.kind, 'server');
  assert.equal(
    error.message,
    'Sinch answered with a server error (500) after the retries: try again later. Sinch said: "Internal error".',
  );
  double.requests.length = 0;
  double.fail({ host: 'eu', status: 500, times: 10 });
  await failure(client().listApps(PROJECT_ID, 'eu'));
  assert.equal(double.requests.filter((r) => r.host === 'eu').length, 4, 'first attempt + 3 retries');
});

test('a POST that fails with 5xx is not repeated (it may have created the webhook)', async () => {
  double.fail({ host: 'eu', status: 500 });
  const error = await failure(
    client().createWebhook(PROJECT_ID, 'eu', {
      app_id: EU_APP,
      target: 'https://example.com/x',
      triggers: ['MESSAGE_INBOUND'],
    }),
  );
  assert.equal(error.kind, 'server');
  assert.equal(double.requests.filter((r) => r.method === 'POST' && r.host === 'eu').length, 1);
});

test('a refused key, a foreign project and an unreachable host each give one clear message', async () => {
  const refused = await failure(client({ keySecret: 'wrong' }).listApps(PROJECT_ID, 'eu'));
  assert.equal(refused.kind, 'unauthorized');
  assert.equal(
    refused.message,
    'Sinch refused the access key (401): check the key ID and key secret (Sinch dashboard > Settings > Access keys). Sinch said: "Invalid client credentials".',
  );
  const foreign = await failure(client().listApps(FOREIGN_PROJECT_ID, 'eu'));
  assert.equal(foreign.kind, 'forbidden');
  assert.match(
    foreign.message,
    /^The access key has no access to this project \(403\): check conversationApi\.projectId/,
  );
  const down = await failure(client({ authUrl: 'http://127.0.0.1:9/oauth2/token' }).listApps(PROJECT_ID, 'eu'));
  assert.equal(down.kind, 'network');
  assert.equal(
    down.message,
    'Could not reach the Sinch authentication endpoint: check the network connection (and SINCHCP_AUTH_URL / SINCHCP_CONVERSATION_URL if you set them).',
  );
});

test('both error body shapes are read', async () => {
  for (const shape of ['wrapped', 'flat'] as const) {
    double.errorShape = shape;
    const error = await failure(client().listWebhooks(PROJECT_ID, 'us', EU_APP));
    assert.equal(error.kind, 'not-found', shape);
    assert.equal(error.apiMessage, `App ${EU_APP} not found`, shape);
  }
});

test('the webhook validations answer 400 with their reason', async () => {
  const sinch = client();
  const cases: [Record<string, unknown>, string][] = [
    [{ app_id: EU_APP, triggers: ['MESSAGE_INBOUND'] }, 'target is required'],
    [{ app_id: EU_APP, target: 'https://example.com/a' }, 'triggers is required'],
    [
      { app_id: EU_APP, target: 'https://example.com/a', triggers: ['UNSPECIFIED_TRIGGER'] },
      'UNSPECIFIED_TRIGGER is not a valid trigger',
    ],
    [
      { app_id: EU_APP, target: `https://example.com/${'a'.repeat(742)}`, triggers: ['MESSAGE_INBOUND'] },
      'target is longer than 742 characters',
    ],
  ];
  for (const [body, reason] of cases) {
    const error = await failure(sinch.createWebhook(PROJECT_ID, 'eu', body as never));
    assert.equal(error.kind, 'bad-request');
    assert.equal(error.apiMessage, reason);
  }
  for (let i = 0; i < 4; i++)
    await sinch.createWebhook(PROJECT_ID, 'eu', {
      app_id: EU_APP,
      target: `https://example.com/${i}`,
      triggers: ['MESSAGE_INBOUND'],
    });
  const sixth = await failure(
    sinch.createWebhook(PROJECT_ID, 'eu', {
      app_id: EU_APP,
      target: 'https://example.com/6',
      triggers: ['MESSAGE_INBOUND'],
    }),
  );
  assert.equal(sixth.apiMessage, 'An app can have at most 5 webhooks');
});

test('update sends update_mask and leaves the other fields as they are', async () => {
  const sinch = client();
  const [webhook] = await sinch.listWebhooks(PROJECT_ID, 'eu', EU_APP);
  const updated = await sinch.updateWebhook(PROJECT_ID, 'eu', webhook!.id!, { triggers: ['MESSAGE_INBOUND'] }, [
    'triggers',
  ]);
  assert.deepEqual(updated.triggers, ['MESSAGE_INBOUND']);
  assert.equal(updated.target, webhook!.target);
  assert.equal(double.requests.at(-1)!.path, `/v1/projects/${PROJECT_ID}/webhooks/${webhook!.id}?update_mask=triggers`);
});

test('readProject asks all three regions (with one token) and finds each app in its own', async () => {
  const snapshot = await readProject(client(), PROJECT_ID);
  assert.equal(
    double.requests.filter((r) => r.host === 'auth').length,
    1,
    'one token for the parallel region requests',
  );
  assert.deepEqual(
    snapshot.apps.map((a) => [a.app.id, a.region, a.webhooks.length]),
    [
      [US_APP, 'us', 1],
      [EU_APP, 'eu', 1],
    ],
  );
  assert.deepEqual(
    new Set(double.requests.filter((r) => r.path.endsWith('/apps')).map((r) => r.host)),
    new Set(['us', 'eu', 'br']),
  );
});

test('the client writes nothing to stdout or stderr, on success or failure', async () => {
  const written: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back later; called with .call(stream)
  const out = process.stdout.write;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back later; called with .call(stream)
  const err = process.stderr.write;
  // Text only: the test runner itself reports to its parent through stdout in binary frames.
  const capture = (original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string') {
        written.push(chunk);
        return true;
      }
      return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out, process.stdout);
  process.stderr.write = capture(err, process.stderr);
  try {
    await readProject(client(), PROJECT_ID);
    double.fail({ host: 'any', status: 500, times: 20 });
    await client()
      .listApps(PROJECT_ID, 'eu')
      .catch(() => undefined);
    await client({ keySecret: 'nope' })
      .listApps(PROJECT_ID, 'eu')
      .catch(() => undefined);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  assert.deepEqual(written, []);
});
