// The Sinch requests of the bundled server over real stdio, against the local double: sealed credentials
// (a trace shows none), the live check published together with the ordinary diagnostics and kept at the
// right line as the text changes, import, webhook plan and apply, and forget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sealCredentials } from '../../server/src/sinch/sealed';
import { TestLspClient } from '../helpers/lspClient';
import type { SinchDouble } from '../sinch/double';
import {
  cleanProject,
  EU_WEBHOOK_SECRET,
  KEY_ID,
  KEY_SECRET,
  SECRET_MARKERS,
  startDouble,
  US_WEBHOOK_SECRET,
} from '../sinch/fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sinch');
const CLEAN = readFileSync(join(FIXTURES, 'import-empty.golden.yaml'), 'utf8');
let double: SinchDouble;
let client: TestLspClient;
let publicKey: string;

type Answer<T> = { ok: true; value: T } | { ok: false; message: string; kind?: string };

before(async () => {
  double = await startDouble();
  process.env.SINCH_EU_WEBHOOK_SECRET = EU_WEBHOOK_SECRET;
  process.env.SINCH_US_WEBHOOK_SECRET = US_WEBHOOK_SECRET;
  client = (await TestLspClient.start()).client;
  ({ publicKey } = await client.request<{ publicKey: string }>('sinchcp/sinch.session', {}));
});
after(async () => {
  await client.stop();
  await double.stop();
});

function base(uri: string) {
  const sealed = sealCredentials(publicKey, { keyId: KEY_ID, keySecret: KEY_SECRET });
  assert.ok(
    !JSON.stringify(sealed).includes(KEY_SECRET) && !JSON.stringify(sealed).includes(KEY_ID),
    'sealed: nothing in clear',
  );
  return { uri, sealed, hosts: { authUrl: double.authUrl, conversationUrl: double.conversationTemplate } };
}

test('the live check is published with the ordinary diagnostics, and follows the text', async () => {
  const project = cleanProject();
  project.apps[0]!.app = { ...project.apps[0]!.app, processing_mode: 'CONVERSATION' };
  double.seed(project);
  const uri = 'file:///live/acme.sinchcp.yaml';
  // An ordinary finding too: a lowercase app ID in the outbound entry of the EU service.
  const text = CLEAN.replace('@01HZX3K7M2Q9V5B8N4T6W1R0CD', '@01hzx3k7m2q9v5b8n4t6w1r0cd');
  await client.open(uri, text, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const since = client.published.length;
  const answer = await client.request<Answer<{ findings: number }>>('sinchcp/sinch.liveCheck', {
    ...base(uri),
    refresh: true,
  });
  assert.deepEqual(answer, { ok: true, value: { findings: 1, projectId: project.projectId } });
  const both = await client.waitForDiagnostics(
    uri,
    (p) => p.diagnostics.some((d) => d.code === 'live-processing-mode'),
    5000,
    since,
  );
  assert.deepEqual(
    both.map((d) => [d.range.start.line, d.code]),
    [
      [35, 'app-id-case'],
      [22, 'live-processing-mode'],
    ],
  );

  // Two lines inserted above: the live finding moves with its line (recomputed for the new version).
  await client.change(uri, 2, [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# a\n# b\n' },
  ]);
  const moved = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(
    moved.filter((d) => d.code === 'live-processing-mode').map((d) => d.range.start.line),
    [24],
  );

  const forgetSince = client.published.length;
  await client.request('sinchcp/sinch.forget', {});
  const after = await client.waitForDiagnostics(uri, () => true, 5000, forgetSince);
  assert.deepEqual(
    after.map((d) => d.code),
    ['app-id-case'],
  );
  for (const d of [...both, ...moved]) for (const secret of SECRET_MARKERS) assert.ok(!d.message.includes(secret));
});

test('a failure is one live-connection diagnostic; credentials that do not open are refused', async () => {
  double.seed(cleanProject());
  const uri = 'file:///live/failing.sinchcp.yaml';
  await client.open(uri, CLEAN, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const since = client.published.length;
  const wrong = { ...base(uri), sealed: sealCredentials(publicKey, { keyId: KEY_ID, keySecret: 'wrong' }) };
  const answer = await client.request<Answer<{ failure?: string }>>('sinchcp/sinch.liveCheck', {
    ...wrong,
    refresh: true,
  });
  assert.equal(answer.ok, true);
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 5000, since);
  assert.deepEqual(
    published.map((d) => [d.range.start.line, d.code]),
    [[8, 'live-connection']],
  );
  assert.match(published[0]!.message, /^Live check: Sinch refused the access key \(401\)/);
  const tampered = await client.request<Answer<unknown>>('sinchcp/sinch.liveCheck', {
    ...base(uri),
    sealed: { publicKey, iv: 'x', ciphertext: 'y', tag: 'z' },
  });
  assert.equal(tampered.ok, false);
  assert.equal(client.stderr.includes(KEY_SECRET), false);
  await client.request('sinchcp/sinch.forget', {});
});

test('import into an empty open document answers the golden text', async () => {
  double.seed(cleanProject());
  const uri = 'file:///live/new.sinchcp.yaml';
  await client.open(uri, '', 1);
  const answer = await client.request<Answer<{ text: string; created: boolean }>>('sinchcp/sinch.import', {
    ...base(uri),
    projectId: cleanProject().projectId,
  });
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.equal(answer.value.text, CLEAN);
  assert.equal(answer.value.created, true);
});

test('webhook plan then apply creates the missing Contact Pro webhook; the plan is used once', async () => {
  double.seed(cleanProject({ us: { webhooks: [] } }));
  const uri = 'file:///live/plan.sinchcp.yaml';
  await client.open(uri, CLEAN, 1);
  const plan = await client.request<Answer<{ planId: string; changes: string[] }>>(
    'sinchcp/sinch.webhookPlan',
    base(uri),
  );
  assert.ok(plan.ok, JSON.stringify(plan));
  assert.equal(plan.value.changes.length, 1);
  assert.match(plan.value.changes[0]!, /^app 01ER4ABSP36WG80BMAR2CN1XEY \(us\): create the Contact Pro webhook/);
  assert.ok(!JSON.stringify(plan).includes(US_WEBHOOK_SECRET));
  const applied = await client.request<Answer<{ done: string[] }>>('sinchcp/sinch.webhookApply', {
    planId: plan.value.planId,
  });
  assert.ok(applied.ok);
  assert.equal(double.webhooksOf(cleanProject().projectId, '01ER4ABSP36WG80BMAR2CN1XEY').length, 1);
  const again = await client.request<Answer<unknown>>('sinchcp/sinch.webhookApply', { planId: plan.value.planId });
  assert.deepEqual(again, { ok: false, message: 'That plan is no longer current: make the plan again.' });
});
