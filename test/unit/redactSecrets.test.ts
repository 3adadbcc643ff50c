// The last line of defence: whatever a rule writes, no literal secret of the file reaches a message, even when
// the YAML is mangled so that a secret ends up inside a key, or a broken value swallows the next lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';
import { literalSecrets, redactSecrets, REDACTED } from '../../server/src/service/redactSecrets';

const MANGLED = `version: 1
tenant: {name: acme, landscape: eu-c1}
messagingServices:
  - name: Sinch EU
    type: sinchconversation
    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send
    authentications:
      - direction: inbound
        authenticationId: webhook
        password: \${env:SINCH_EU_WEBHOOK_SECRET}
        passwrd: Hunter2-Literal-Secret
        password "Quoted-Broken-Secret
        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]
`;

test('literal secrets are found on password/secret lines, even broken ones; references are not secrets', () => {
  const found = literalSecrets(parseText(MANGLED));
  assert.ok(found.includes('"Quoted-Broken-Secret'));
  assert.ok(!found.some((s) => s.includes('${env:')));
});

test('no diagnostic message of a mangled file contains a secret', () => {
  const messages = diagnose(parseText(MANGLED), defaultSettings)
    .map((d) => d.message)
    .join('\n');
  assert.ok(messages.length > 0);
  for (const secret of ['Hunter2-Literal-Secret', 'Quoted-Broken-Secret'])
    assert.ok(!messages.includes(secret), secret);
});

test('redaction replaces every occurrence and leaves other text alone', () => {
  assert.equal(redactSecrets('a s3cret-x b s3cret-x', ['s3cret-x']), `a ${REDACTED} b ${REDACTED}`);
  assert.equal(redactSecrets('nothing here', ['s3cret-x']), 'nothing here');
});
