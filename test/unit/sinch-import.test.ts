// Importing a project into a file: golden results for an empty file, a file without conversationApi and a
// hand-written file with comments; the imported part gives no finding; a second import changes nothing;
// no secret value (webhook secrets, channel tokens, the key secret) ever reaches the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importProject, ImportError } from '../../server/src/sinch/import/mergeImport';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose } from '../../server/src/service/diagnostics';
import type { ProjectSnapshot } from '../../server/src/sinch/api';
import { cleanProject, KEY_ID, SECRET_MARKERS } from '../sinch/fixtures';

const DIR = join(__dirname, '..', 'fixtures', 'sinch');
const SETTINGS = { validate: { enable: true }, rules: {} };

function snapshot(): ProjectSnapshot {
  const project = cleanProject();
  return {
    projectId: project.projectId,
    apps: project.apps.map((a) => ({ region: a.region, app: a.app, webhooks: a.webhooks ?? [] })),
  };
}

function golden(name: string, actual: string): void {
  const path = join(DIR, `${name}.golden.yaml`);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'));
}

function assertNoSecrets(text: string): void {
  for (const secret of SECRET_MARKERS) assert.ok(!text.includes(secret), `secret ${secret.slice(0, 6)}… in the text`);
}

const cases: [string, string][] = [
  ['import-empty', ''],
  ['import-no-api', readFileSync(join(DIR, 'import-no-api.sinchcp.yaml'), 'utf8')],
  ['import-handwritten', readFileSync(join(DIR, 'import-handwritten.sinchcp.yaml'), 'utf8')],
];

for (const [name, input] of cases) {
  test(`import into ${name}: golden text, no finding, idempotent, no secret`, () => {
    const result = importProject(input, snapshot(), { keyId: KEY_ID });
    golden(name, result.text);
    assertNoSecrets(result.text);
    assertNoSecrets(result.changes.join('\n'));
    const diagnostics = diagnose(parseText(result.text), SETTINGS);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}`),
      [],
    );
    const again = importProject(result.text, snapshot(), { keyId: KEY_ID });
    assert.equal(again.text, result.text);
    assert.deepEqual(again.changes, []);
  });
}

test('the hand-written import lists what it changed, and keeps comments and the app the project lacks', () => {
  const input = readFileSync(join(DIR, 'import-handwritten.sinchcp.yaml'), 'utf8');
  const result = importProject(input, snapshot(), { keyId: KEY_ID });
  assert.deepEqual(result.changes, [
    'app 01ER4ABSP36WG80BMAR2CN1XEY (us) added',
    'appId of app 01HZX3K7M2Q9V5B8N4T6W1R0CD written exactly',
    'name of app 01HZX3K7M2Q9V5B8N4T6W1R0CD updated',
    'processingMode of app 01HZX3K7M2Q9V5B8N4T6W1R0CD added',
    'channels of app 01HZX3K7M2Q9V5B8N4T6W1R0CD updated',
    'triggers of webhook https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all of app 01HZX3K7M2Q9V5B8N4T6W1R0CD updated',
  ]);
  for (const line of input.split('\n').filter((l) => l.includes('#')))
    assert.ok(result.text.includes(line.split('#')[1]!), `comment lost: ${line}`);
  assert.match(result.text, /- appId: 01JTESTAPP0000000000000000\n {6}region: eu\n/);
});

test('a new file without a Contact Pro webhook gets placeholders and says what to fill in', () => {
  const bare = snapshot();
  for (const app of bare.apps) app.webhooks = [];
  const result = importProject('', bare, {});
  assert.match(result.text, /^# Set tenant\.name and tenant\.landscape/m);
  assert.match(result.text, /^# Replace YOUR-ACCESS-KEY-ID with the access key's Key ID/m);
  assert.match(result.text, /authenticationId: YOUR-ACCESS-KEY-ID@01HZX3K7M2Q9V5B8N4T6W1R0CD/);
});

test('a file that is not a mapping is refused with a reason, not overwritten', () => {
  assert.throws(
    () => importProject('- just\n- a list\n', snapshot()),
    (error: unknown) => error instanceof ImportError && /not a YAML mapping/.test(error.message),
  );
});

test('channel credentials never reach the file, and a secret the API does not return still gets its reference', () => {
  const noSecrets = snapshot();
  for (const app of noSecrets.apps) for (const w of app.webhooks) delete w.secret;
  const result = importProject('', noSecrets, { keyId: KEY_ID });
  assert.match(result.text, /secret: \$\{env:SINCH_EU_WEBHOOK_SECRET\}/);
  assertNoSecrets(result.text);
});

test('a file with YAML syntax errors is refused, not edited (a mangled file once made the import grow the text for minutes)', () => {
  const broken = `}  name: acme\n${readFileSync(join(DIR, 'import-no-api.sinchcp.yaml'), 'utf8')}`;
  assert.throws(
    () => importProject(broken, snapshot(), { keyId: KEY_ID }),
    (error: unknown) => error instanceof ImportError && /YAML syntax errors/.test(error.message),
  );
});
