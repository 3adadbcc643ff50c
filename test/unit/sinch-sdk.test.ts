// The official Sinch Node SDK (@sinch/sdk-core 1.4.0) against the local double: it gets its token, lists the
// apps and webhooks, creates and updates a webhook and renews an expired token. So the double speaks what the
// SDK speaks, and what sinchcp's own client was built against is the same thing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SinchClient as OfficialSinchClient } from '@sinch/sdk-core';
import type { SinchDouble } from '../sinch/double';
import { CP_TARGET, EU_APP, EU_WEBHOOK_SECRET, KEY_ID, KEY_SECRET, PROJECT_ID, startDouble } from '../sinch/fixtures';

let double: SinchDouble;
before(async () => {
  double = await startDouble();
});
after(async () => {
  await double.stop();
});

function officialClient() {
  const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  return new OfficialSinchClient({
    projectId: PROJECT_ID,
    keyId: KEY_ID,
    keySecret: KEY_SECRET,
    authHostname: double.authUrl.replace(/\/oauth2\/token$/, ''),
    conversationHostname: double.regionUrl('eu'),
    logger: quiet,
  });
}

test('the official SDK lists apps and webhooks from the double', async () => {
  const sinch = officialClient();
  const apps = await sinch.conversation.app.list({});
  assert.deepEqual(
    apps.apps?.map((a) => [a.id, a.display_name, a.processing_mode]),
    [[EU_APP, 'ACME support EU', 'DISPATCH']],
  );
  const webhooks = await sinch.conversation.webhooks.list({ app_id: EU_APP });
  assert.deepEqual(
    webhooks.webhooks?.map((w) => [w.target, w.triggers, w.secret]),
    [[CP_TARGET, ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'], EU_WEBHOOK_SECRET]],
  );
  assert.equal(double.requests[0]!.path, '/oauth2/token');
  assert.equal(double.requests[0]!.authorization, 'basic');
  assert.ok(double.requests.slice(1).every((r) => r.authorization === 'bearer' && r.host === 'eu'));
});

test('the official SDK creates and updates a webhook (update_mask) and renews an expired token', async () => {
  const sinch = officialClient();
  const created = await sinch.conversation.webhooks.create({
    webhookCreateRequestBody: {
      app_id: EU_APP,
      target: 'https://example.com/hook',
      triggers: ['MESSAGE_INBOUND'],
      target_type: 'HTTP',
    },
  });
  assert.equal(created.target, 'https://example.com/hook');
  double.expireTokens();
  const updated = await sinch.conversation.webhooks.update({
    webhook_id: created.id!,
    update_mask: ['triggers'],
    webhookUpdateRequestBody: {
      target: 'https://example.com/ignored',
      triggers: ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY'],
    },
  });
  assert.deepEqual(updated.triggers, ['MESSAGE_INBOUND', 'MESSAGE_DELIVERY']);
  assert.equal(updated.target, 'https://example.com/hook', 'fields outside update_mask stay');
  const patch = double.requests.find((r) => r.method === 'PATCH')!;
  assert.match(patch.path, /\?update_mask=triggers$/);
  assert.equal(double.requests.filter((r) => r.host === 'auth').length >= 2, true, 'a new token after the expired one');
});

test('without a logger option, the official SDK writes to stdout on a failed request (why sinchcp has its own client)', async () => {
  const sinch = new OfficialSinchClient({
    projectId: PROJECT_ID,
    keyId: KEY_ID,
    keySecret: KEY_SECRET,
    authHostname: double.authUrl.replace(/\/oauth2\/token$/, ''),
    conversationHostname: double.regionUrl('eu'),
  });
  const written: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back later; called with .call(stream)
  const out = process.stdout.write;
  // Text only: the test runner reports to its parent through stdout in binary frames.
  process.stdout.write = (chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string') {
      written.push(chunk);
      return true;
    }
    return (out as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
  };
  try {
    await sinch.conversation.webhooks.list({ app_id: 'NO_SUCH_APP' }).catch(() => undefined);
  } finally {
    process.stdout.write = out;
  }
  assert.match(written.join(''), /^\[Sinch SDK\]\[Debug\] /);
});
