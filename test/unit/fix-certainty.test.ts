// Certain fixes are preferred and part of fix-all; uncertain ones (several candidates, disputed facts, a
// secret leaving the file) are offered but neither. Reads the golden fix fixtures' wanted actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { defaultSettings } from '../../server/src/service/settings';

const DIR = join(__dirname, '..', 'fixtures', 'fixes');

function flags(file: string, title: string): { preferred: boolean; fixAll: boolean } {
  const doc = parseText(readFileSync(join(DIR, file), 'utf8'));
  const action = lint(doc, defaultSettings)
    .flatMap((r) => actionsFor(doc, r))
    .find((a) => a.title === title);
  assert.ok(action, `no action "${title}" in ${file}`);
  return { preferred: !!action.preferred, fixAll: !!action.fixAll };
}

const CERTAIN = { preferred: true, fixAll: true };
const OFFERED = { preferred: false, fixAll: false };

const cases: [string, string, { preferred: boolean; fixAll: boolean }][] = [
  ['invalid-value-case.sinchcp.yaml', "Replace with 'DISPATCH'", CERTAIN],
  ['invalid-value-uncertain.sinchcp.yaml', "Replace with 'us'", OFFERED],
  ['unknown-key-typo.sinchcp.yaml', "Rename 'landscpe' to 'landscape'", CERTAIN],
  ['missing-trigger-flow.sinchcp.yaml', 'Add MESSAGE_INBOUND', CERTAIN],
  ['unknown-trigger-typo.sinchcp.yaml', 'Replace with MESSAGE_INBOUND', CERTAIN],
  ['unknown-trigger-quoted.sinchcp.yaml', 'Replace with SMART_CONVERSATIONS', OFFERED],
  ['unknown-trigger-quoted.sinchcp.yaml', 'Replace with SMART_CONVERSATION', OFFERED],
  [
    'webhook-target-url-landscape.sinchcp.yaml',
    'Replace with https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
    CERTAIN,
  ],
  [
    'plaintext-secret-inbound.sinchcp.yaml',
    'Replace the literal with ${env:SINCH_EU_WEBHOOK_SECRET}',
    { preferred: true, fixAll: false },
  ],
  ['processing-mode-conversation.sinchcp.yaml', 'Set DISPATCH', OFFERED],
  ['webhook-secret-mismatch-literal.sinchcp.yaml', 'Use the inbound secret of service Sinch EU', OFFERED],
  [
    'webhook-target-mismatch-add.sinchcp.yaml',
    'Set the target to https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
    CERTAIN,
  ],
  ['webhook-target-type-dismiss.sinchcp.yaml', 'Set HTTP', CERTAIN],
];

for (const [file, title, expected] of cases) {
  test(`fix certainty: ${file}: ${title}`, () => assert.deepEqual(flags(file, title), expected));
}
