// runLiveCheck against the double: a server error or a rate limit that outlasts the retries is one finding
// with one message; the snapshot cache answers a second check without asking Sinch, and clear() asks again.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { SinchClient } from '../../server/src/sinch/client';
import { runLiveCheck, SnapshotCache } from '../../server/src/sinch/live/liveRun';
import type { SinchDouble } from '../sinch/double';
import { cleanProject, EU_WEBHOOK_SECRET, KEY_ID, KEY_SECRET, startDouble, US_WEBHOOK_SECRET } from '../sinch/fixtures';

const DOC = parseText(readFileSync(join(__dirname, '..', 'fixtures', 'sinch', 'import-empty.golden.yaml'), 'utf8'));
const ENV = { SINCH_EU_WEBHOOK_SECRET: EU_WEBHOOK_SECRET, SINCH_US_WEBHOOK_SECRET: US_WEBHOOK_SECRET };
let double: SinchDouble;

function client(): SinchClient {
  return new SinchClient({
    keyId: KEY_ID,
    keySecret: KEY_SECRET,
    authUrl: double.authUrl,
    conversationUrl: double.conversationTemplate,
    sleep: async () => {},
  });
}

before(async () => {
  double = await startDouble();
});
after(async () => {
  await double.stop();
});
beforeEach(() => {
  double.seed(cleanProject());
  double.clearFailures();
  double.requests.length = 0;
});

test('a 500 that outlasts the retries: one live-connection finding', async () => {
  double.fail({ host: 'any', status: 500, times: 100 });
  const findings = await runLiveCheck(DOC, { client: client(), env: ENV });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity, f.message]),
    [
      [
        'live-connection',
        'error',
        'Live check: Sinch answered with a server error (500) after the retries: try again later. Sinch said: "Internal error".',
      ],
    ],
  );
});

test('a rate limit that outlasts the retries: one live-connection finding', async () => {
  double.fail({ host: 'any', status: 429, retryAfter: '0', times: 100 });
  const findings = await runLiveCheck(DOC, { client: client(), env: ENV });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.message]),
    [
      [
        'live-connection',
        'Live check: Sinch is limiting the request rate (429) and still did after the retries: wait a minute, then try again. Sinch said: "Too many requests".',
      ],
    ],
  );
});

test('the cache answers within its time, clear() asks Sinch again, and a failure is not cached', async () => {
  const cache = new SnapshotCache(60_000);
  const sinch = client();
  assert.deepEqual(await runLiveCheck(DOC, { client: sinch, env: ENV, cache }), []);
  const asked = double.requests.length;
  assert.deepEqual(await runLiveCheck(DOC, { client: sinch, env: ENV, cache }), []);
  assert.equal(double.requests.length, asked, 'answered from the cache');
  cache.clear();
  double.fail({ host: 'any', status: 500, times: 100 });
  assert.equal((await runLiveCheck(DOC, { client: sinch, env: ENV, cache }))[0]!.rule, 'live-connection');
  double.clearFailures();
  assert.deepEqual(await runLiveCheck(DOC, { client: sinch, env: ENV, cache }), [], 'the failure was not kept');
});

test('a file without projectId: one information finding', async () => {
  const findings = await runLiveCheck(parseText('version: 1\n'), { client: client(), env: ENV });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity]),
    [['live-project', 'info']],
  );
  assert.equal(double.requests.length, 0);
});
