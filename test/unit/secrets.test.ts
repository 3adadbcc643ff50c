// No diagnostic ever carries a secret: on a file full of literal secrets (passwords, webhook secrets, equal and
// different, quoted, in flow style, mismatching), no message, data payload or quick-fix title holds a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose, lint } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { defaultSettings } from '../../server/src/service/settings';

const SECRETS = [
  'Sup3r-Secret-Webhook-Token',
  'Other-Webhook-Token-9',
  'AccessKeySecret-0123456789',
  'Second-Access-Key-Secret',
  'Flow-Style-Secret-42',
  'Crm-Hook-Secret-77',
  'Dollar-Brace-Secret',
];

const FILE = `version: 1
tenant:
  name: acme
  landscape: eu-c1
conversationApi:
  projectId: c36f3d3d-1513-4edd-ae42-11995557ff61
  apps:
    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD
      name: ACME support EU
      region: eu
      webhooks:
        - target: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all
          secret: ${SECRETS[1]}
          triggers: [MESSAGE_DELIVERY]
        - {target: "https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all", secret: "${SECRETS[4]}", triggers: [MESSAGE_INBOUND]}
        - target: https://crm.example.com/hooks
          secret: '${SECRETS[5]}'
          triggers: [CONTACT_CREATE]
messagingServices:
  - name: Sinch EU
    type: sinchconversation
    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send
    authentications:
      - direction: outbound
        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD
        password: "${SECRETS[2]}"
      - direction: outbound
        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01ER4ABSP36WG80BMAR2CN1XEY
        password: ${SECRETS[3]}
      - direction: inbound
        authenticationId: webhook
        password: ${SECRETS[0]}
        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]
        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all
      - direction: inbound
        authenticationId: webhook
        password: \${${SECRETS[6]}}
`;

test('no diagnostic message, data or fix title contains a secret value', () => {
  const doc = parseText(FILE);
  const diagnostics = diagnose(doc, defaultSettings);
  const codes = new Set(diagnostics.map((d) => String(d.code)));
  // The file does exercise the secret rules.
  for (const rule of ['plaintext-secret', 'webhook-secret-mismatch'])
    assert.ok(codes.has(rule), `expected ${rule} to fire`);
  const titles = lint(doc, defaultSettings).flatMap((result) => actionsFor(doc, result).map((a) => a.title));
  const printed = JSON.stringify({ diagnostics, titles });
  for (const secret of SECRETS) {
    assert.ok(!printed.toLowerCase().includes(secret.toLowerCase()), `a secret leaked: ${secret.slice(0, 3)}…`);
  }
});
