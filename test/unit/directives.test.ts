// Suppression comments and severity settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, lintText } from '../helpers/lint';
import { parseSettings } from '../../server/src/service/settings';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';

const LOWER = (prefix: string) => `version: 1
queues:
  - name: Support
    type: chat
    addresses:
${prefix}      - address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp.sinchconversation.com
`;

const codes = (text: string) =>
  lintText(text)
    .map(brief)
    .map((d) => `${d.code}@${d.range[0]}`);

test('without a directive, app-id-case fires on the address line', () => {
  assert.ok(codes(LOWER('')).includes('app-id-case@5'));
});

test('disable-next-line with the rule name silences only that rule on the next line', () => {
  const result = codes(LOWER('      # sinchcp-disable-next-line app-id-case\n'));
  assert.ok(!result.some((c) => c.startsWith('app-id-case')));
});

test('disable-next-line for another rule does not silence this one', () => {
  assert.ok(codes(LOWER('      # sinchcp-disable-next-line unknown-app, queue-type\n')).includes('app-id-case@6'));
});

test('disable-next-line without names silences every rule on that line', () => {
  assert.ok(!codes(LOWER('      # sinchcp-disable-next-line\n')).some((c) => c.endsWith('@6')));
});

test('disable (file-wide) silences the rule everywhere; a reason after -- is allowed', () => {
  const text = `# sinchcp-disable app-id-case -- consultant's draft\n${LOWER('')}`;
  assert.ok(!codes(text).some((c) => c.startsWith('app-id-case')));
});

test('settings: rule severities are read leniently, junk falls back to defaults', () => {
  assert.deepEqual(parseSettings({ rules: { 'app-id-case': 'WARNING', 'queue-type': 'off', x: 5 } }).rules, {
    'app-id-case': 'warning',
    'queue-type': 'off',
  });
  assert.deepEqual(parseSettings(null), { validate: { enable: true }, rules: {} });
  assert.deepEqual(parseSettings({ validate: { enable: 'no' }, rules: 'x' }), {
    validate: { enable: true },
    rules: {},
  });
  assert.equal(parseSettings({ validate: { enable: false } }).validate.enable, false);
});

test('validate.enable false: no diagnostics at all', () => {
  assert.deepEqual(lintText(LOWER(''), { validate: { enable: false }, rules: {} }), []);
});

test('the rules run once per parse and settings: a second lint returns the same results', () => {
  const settings = parseSettings({});
  const doc = parseText(LOWER(''));
  assert.equal(lint(doc, settings), lint(doc, settings));
  assert.notEqual(lint(doc, parseSettings({ rules: { 'app-id-case': 'off' } })), lint(doc, settings));
});
