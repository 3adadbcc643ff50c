// Fix-all on the onboarding-mistakes example: nothing fixable is left, a second run changes nothing, and what
// remains is exactly the findings that have no safe fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { fixAll, fixAllEdits } from '../../server/src/service/fixAll';
import { defaultSettings } from '../../server/src/service/settings';

const MISTAKES = readFileSync(join(__dirname, '..', '..', 'examples', 'onboarding-mistakes.sinchcp.yaml'), 'utf8');

test('fix-all leaves no fixable finding, and is idempotent', () => {
  const once = fixAll(parseText(MISTAKES), defaultSettings);
  assert.notEqual(once.text, MISTAKES);
  assert.ok(once.fixed.size > 0);
  const after = parseText(once.text);
  assert.deepEqual(fixAllEdits(after, defaultSettings).edits, [], 'no safe fix left to apply');
  const twice = fixAll(after, defaultSettings);
  assert.equal(twice.text, once.text);
  assert.equal(twice.fixed.size, 0);
});

test('fix-all keeps comments and key order (only values change)', () => {
  const once = fixAll(parseText(MISTAKES), defaultSettings).text;
  const comments = (text: string) =>
    text
      .split('\n')
      .map((l) => /#.*$/.exec(l)?.[0])
      .filter(Boolean);
  assert.deepEqual(comments(once), comments(MISTAKES));
  const keys = (text: string) =>
    text
      .split('\n')
      .map((l) => /^\s*-?\s*([A-Za-z]+):/.exec(l)?.[1])
      .filter(Boolean);
  const original = keys(MISTAKES);
  const fixed = keys(once);
  // Inserted keys may appear; none of the original keys is lost or reordered.
  let i = 0;
  for (const key of fixed) if (key === original[i]) i++;
  assert.equal(i, original.length);
});

test('the remaining findings are the ones without a safe fix', () => {
  const after = parseText(fixAll(parseText(MISTAKES), defaultSettings).text);
  for (const { rule, finding } of lint(after, defaultSettings)) {
    const safe = rule.fixes?.(finding, after).filter((f) => f.fixAll) ?? [];
    assert.deepEqual(
      safe.map((f) => f.title),
      [],
      `${rule.name} still has a safe fix`,
    );
  }
});

test('a fix that leaves its finding in place is not applied (fuzz seed 3: a triggers line inserted on every pass)', () => {
  // The over-indented `triggers:` line makes YAML read the password as a mapping that holds the lines after it; the
  // missing-trigger fix inserted `triggers:` after the entry, inside that mapping, so the finding stayed and the
  // next pass inserted it again (ten lines, and a second of work per fix-all).
  const broken = [
    '      - direction: inbound',
    '        authenticationId: webhook',
    '        password: ${env:ACME_US_WEBHOOK_SECRET}',
    '             triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]',
    '        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
  ];
  const missing = [
    '      - direction: inbound',
    '        authenticationId: webhook',
    '        password: ${env:ACME_EU_WEBHOOK_SECRET}',
    '        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
  ];
  const service = (name: string, host: string, entry: string[]) => [
    `  - name: ${name}`,
    '    type: sinchconversation',
    `    serviceConnection: https://${host}.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send`,
    '    authentications:',
    ...entry,
  ];
  const text = [
    'version: 1',
    'messagingServices:',
    ...service('Sinch EU', 'eu', missing),
    ...service('Sinch US', 'us', broken),
    '',
  ].join('\n');
  const result = fixAll(parseText(text), defaultSettings);
  // The entry that lacks its triggers gets them, once; the broken entry is left as it is.
  const expected = text.replace(
    '        password: ${env:ACME_EU_WEBHOOK_SECRET}\n        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all\n',
    '        password: ${env:ACME_EU_WEBHOOK_SECRET}\n        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all\n        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]\n',
  );
  assert.notEqual(expected, text);
  assert.equal(result.text, expected);
  assert.deepEqual([...result.fixed], [['missing-trigger', 1]]);
  assert.equal(fixAll(parseText(result.text), defaultSettings).text, result.text, 'fix-all again changes nothing');
});
