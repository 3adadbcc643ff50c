import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { setupGuideMarkdown } from '../../server/src/service/setupGuide';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');

test("the setup guide fills in the file's values in the procedure's order", () => {
  const guide = setupGuideMarkdown(parseText(VALID));
  const order = ['Conversation API > Apps', 'Messaging Services', 'Queue Management > Queues', 'outbound SMS number'];
  const at = order.map((s) => guide.indexOf(s));
  assert.ok(at.every((i) => i >= 0) && at.every((i, k) => k === 0 || i > at[k - 1]!), `order: ${at.join(',')}`);
  assert.match(
    guide,
    /Service Connection `https:\/\/eu\.conversation\.api\.sinch\.com\/v1\/projects\/c36f3d3d-1513-4edd-ae42-11995557ff61\/messages:send`/,
  );
  assert.match(guide, /Password: the value of environment variable `ACME_EU_WEBHOOK_SECRET`/);
  assert.match(guide, /`01ER4ABSP36WG80BMAR2CN1XEY@sms\.sinchconversation\.com`, SMS sender ID `\+12025550143`/);
});

test('a literal secret is never copied into the guide', () => {
  const text = VALID.replace('${env:SINCH_ACCESS_KEY_SECRET}', 'hunter2-access-key').replace(
    '${env:ACME_EU_WEBHOOK_SECRET}',
    'webhook-literal-42',
  );
  const guide = setupGuideMarkdown(parseText(text));
  assert.ok(!guide.includes('hunter2') && !guide.includes('webhook-literal-42'));
  assert.match(guide, /a literal secret is written in the file; not shown/);
});
