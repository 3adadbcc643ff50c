// Valid but varied configurations a real tenant could have (test/fixtures/valid/): each must produce no
// error and no warning. A false positive on a correct setup costs more trust than a missed warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile, lintText } from '../helpers/lint';
import { severityName } from '../../server/src/cli/formatters';
import type { Diagnostic } from 'vscode-languageserver-types';

const DIR = join(__dirname, '..', 'fixtures', 'valid');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.sinchcp.yaml'))
  .sort();

function problems(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => severityName(d.severity) !== 'info')
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${String(d.code)}: ${d.message}`,
    );
}

test('there are at least 35 valid variations', () => {
  assert.ok(files.length >= 35, `only ${files.length} files in ${DIR}`);
});

for (const file of files) {
  test(`valid: ${file} has no errors or warnings`, () => {
    const found = problems(lintFile(join(DIR, file)));
    assert.deepEqual(found, [], `${file}:\n  ${found.join('\n  ')}`);
  });
}

test('the CRLF fixture really has CRLF line endings (and so does every fixture read as CRLF)', () => {
  assert.ok(readFileSync(join(DIR, 'crlf-line-endings.sinchcp.yaml'), 'utf8').includes('\r\n'));
  for (const file of files) {
    const crlf = readFileSync(join(DIR, file), 'utf8').replace(/\r?\n/g, '\r\n');
    const found = problems(lintText(crlf));
    assert.deepEqual(found, [], `${file} with CRLF:\n  ${found.join('\n  ')}`);
  }
});

test('values written through aliases are still checked, at the alias', () => {
  const text = [
    'version: 1',
    'tenant: {name: aperture, landscape: eu-c1}',
    'conversationApi:',
    '  projectId: c36f3d3d-1513-4edd-ae42-11995557ff61',
    '  apps:',
    '    - appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD',
    '      region: eu',
    '      processingMode: DISPATCH',
    '      webhooks:',
    '        - target: https://crm.example/hook',
    '          secret: &other ${env:CRM_SECRET}',
    '          triggers: &crm [CONTACT_CREATE]',
    '        - target: https://login-eu-c1.cc.sinch.com/aperture/sms/sinchconversation/all',
    '          secret: *other',
    '          triggers: *crm',
    'messagingServices:',
    '  - name: Sinch EU',
    '    type: sinchconversation',
    '    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send',
    '    authentications:',
    '      - direction: outbound',
    '        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD',
    '        password: ${env:SINCH_ACCESS_KEY_SECRET}',
    '      - direction: inbound',
    '        authenticationId: webhook',
    '        password: ${env:APERTURE_WEBHOOK_SECRET}',
    '        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]',
    '        targetUrl: https://login-eu-c1.cc.sinch.com/aperture/sms/sinchconversation/all',
  ].join('\n');
  const found = lintText(text).map(
    (d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`,
  );
  assert.deepEqual(found.sort(), ['missing-trigger 14:20-24', 'webhook-secret-mismatch 13:18-24'].sort());
});

test("an email queue's addresses are not read as Conversation API addresses", () => {
  const file = readFileSync(join(DIR, 'one-service-three-apps.sinchcp.yaml'), 'utf8');
  assert.ok(file.includes('support@umbrella.example'));
  // The same address in a chat queue is still reported.
  const found = lintText(file.replace('type: email', 'type: chat')).map((d) => String(d.code));
  assert.ok(found.includes('queue-address-format'), found.join(', '));
});
