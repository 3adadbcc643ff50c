// Every rule fires exactly where its fixture says, and not on its clean fixture.
// Layout: test/fixtures/rules/<rule>/triggers.sinchcp.yaml + triggers.expected.json (the rule's diagnostics,
// `{severity, range}` with 0-based [startLine, startChar, endLine, endChar]) and clean.sinchcp.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules/registry';
import { brief, lintFile } from '../helpers/lint';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

/** The rule names of the original rule list, in its order, and the rules added since: the registry must hold exactly these. */
export const RULES_MD = [
  'yaml-syntax', 'duplicate-key', 'unknown-key', 'missing-key', 'invalid-value', 'unsupported-version',
  'tenant-name', 'unknown-landscape',
  'service-type', 'service-connection-format', 'service-connection-region', 'project-id', 'region-mismatch',
  'duplicate-service-name', 'missing-outbound-authentication', 'missing-inbound-authentication',
  'multiple-inbound-authentications', 'outbound-authentication-id', 'inbound-authentication-id', 'missing-secret',
  'plaintext-secret', 'missing-trigger', 'unknown-trigger', 'webhook-target-url',
  'app-id-case', 'app-id-format', 'unknown-app', 'processing-mode', 'webhook-secret-mismatch',
  'webhook-target-mismatch', 'webhook-limit', 'webhook-target-type',
  'queue-address-format', 'missing-sms-sender-id', 'sms-sender-id-format', 'sms-sender-id-unused',
  'duplicate-queue-address', 'queue-type',
  // Added since: one finding per placeholder left in a value; an address on a channel its app does not have.
  'placeholder', 'unlisted-channel',
];

test('the registry holds exactly the rules of RULES.md', () => {
  assert.deepEqual([...allRules.map((r) => r.name)].sort(), [...RULES_MD].sort());
});

test('the valid example of FORMAT.md has no diagnostics', () => {
  assert.deepEqual(lintFile(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml')).map(brief), []);
});

for (const rule of allRules) {
  const dir = join(FIXTURES, rule.name);
  test(`${rule.name}: fires exactly where its fixture says`, () => {
    const triggers = join(dir, 'triggers.sinchcp.yaml');
    assert.ok(existsSync(triggers), `missing fixture ${triggers}`);
    const expected = JSON.parse(readFileSync(join(dir, 'triggers.expected.json'), 'utf8')) as unknown[];
    assert.ok(expected.length > 0, 'the triggering fixture must expect at least one diagnostic');
    const actual = lintFile(triggers).map(brief).filter((d) => d.code === rule.name)
      .map(({ severity, range }) => ({ severity, range }));
    assert.deepEqual(actual, expected);
  });
  test(`${rule.name}: does not fire on its clean fixture`, () => {
    const clean = join(dir, 'clean.sinchcp.yaml');
    assert.ok(existsSync(clean), `missing fixture ${clean}`);
    assert.deepEqual(lintFile(clean).map(brief).filter((d) => d.code === rule.name), []);
  });
}
