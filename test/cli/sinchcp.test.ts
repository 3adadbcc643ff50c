// The `sinchcp` bin as a user runs it (the bundled dist/sinchcp.js in a child process) against the local
// double: import into a new and an existing file, --out -, the plan and apply of the Contact Pro webhooks,
// and the failures. No secret value or token may appear on stdout, stderr or in the written file.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SinchDouble } from '../sinch/double';
import {
  cleanProject,
  doubleEnv,
  EU_APP,
  PROJECT_ID,
  SECRET_MARKERS,
  startDouble,
  US_APP,
  usWebhook,
} from '../sinch/fixtures';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'sinchcp.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'sinch');
let double: SinchDouble;

// Async: the double answers in this process while the child runs.
function run(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

function assertNoSecrets(...texts: string[]): void {
  const tokens = double.issuedTokens;
  for (const text of texts) {
    for (const secret of [...SECRET_MARKERS, ...tokens])
      assert.ok(!text.includes(secret), `a secret in the output: ${secret.slice(0, 8)}…`);
    assert.doesNotMatch(text, /Bearer |Basic /);
  }
}

function tempFile(name: string, text?: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sinchcp-bin-')), name);
  if (text !== undefined) writeFileSync(path, text);
  return path;
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

test('import into a new file creates it from the project (golden), without a secret', async () => {
  const file = tempFile('new.sinchcp.yaml');
  const { code, stdout, stderr } = await run(['import', '--project', PROJECT_ID, file], doubleEnv(double));
  assert.equal(code, 0, stderr);
  assert.equal(stdout, '');
  assert.match(
    stderr,
    /^sinchcp: created .*new\.sinchcp\.yaml from project c36f3d3d-1513-4edd-ae42-11995557ff61 \(2 apps\):/,
  );
  const written = readFileSync(file, 'utf8');
  assert.equal(written, readFileSync(join(FIXTURES, 'import-empty.golden.yaml'), 'utf8'));
  assertNoSecrets(stdout, stderr, written);
});

test('import --out - prints the updated file and leaves the file as it was', async () => {
  const input = readFileSync(join(FIXTURES, 'import-handwritten.sinchcp.yaml'), 'utf8');
  const file = tempFile('hand.sinchcp.yaml', input);
  const { code, stdout, stderr } = await run(['import', '--out', '-', file], doubleEnv(double));
  assert.equal(code, 0, stderr);
  assert.equal(stdout, readFileSync(join(FIXTURES, 'import-handwritten.golden.yaml'), 'utf8'));
  assert.match(stderr, /name of app 01HZX3K7M2Q9V5B8N4T6W1R0CD updated/);
  assert.equal(readFileSync(file, 'utf8'), input);
  assertNoSecrets(stdout, stderr);
});

test('import without credentials exits 2 with one line', async () => {
  const { code, stdout, stderr } = await run(['import', '--project', PROJECT_ID, '--out', '-'], {
    SINCHCP_AUTH_URL: double.authUrl,
  });
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    'sinchcp: no Sinch access key: set SINCH_KEY_ID and SINCH_KEY_SECRET (Sinch dashboard > Settings > Access keys) in the environment.\n',
  );
});

test('import of a foreign project gives the 403 message and writes nothing', async () => {
  const file = tempFile('foreign.sinchcp.yaml');
  const { code, stderr } = await run(
    ['import', '--project', '9b1c0f4e-2222-4a5b-8c6d-7e8f90a1b2c3', file],
    doubleEnv(double),
  );
  assert.equal(code, 1);
  assert.match(stderr, /^sinchcp: The access key has no access to this project \(403\)/);
  assert.equal(stderr.trim().split('\n').length, 1);
  assert.equal(existsSync(file), false);
});

test('webhooks plan → apply → plan: creates the missing Contact Pro webhook, then nothing to do; nothing deleted', async () => {
  // The US app lost its Contact Pro webhook and has another consumer's webhook the file does not describe.
  const other = usWebhook({
    id: '01EROTHER00000000000000001',
    target: 'https://crm.example.com/sinch',
    secret: 'crm',
    triggers: ['MESSAGE_INBOUND'],
  });
  double.seed(cleanProject({ us: { webhooks: [other] } }));
  const file = tempFile('acme.sinchcp.yaml', readFileSync(join(FIXTURES, 'import-empty.golden.yaml'), 'utf8'));
  const env = doubleEnv(double, {
    SINCH_EU_WEBHOOK_SECRET: 'WHSECRET-eu-never-printed-91c2',
    SINCH_US_WEBHOOK_SECRET: 'WHSECRET-us-never-printed-55d0',
  });

  const plan = await run(['webhooks', 'plan', file], env);
  assert.equal(plan.code, 1, plan.stderr);
  assert.equal(
    plan.stdout,
    [
      '1 change needed:',
      `  app ${US_APP} (us): create the Contact Pro webhook https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all with triggers [MESSAGE_DELIVERY, MESSAGE_INBOUND], target type HTTP and the secret \${env:SINCH_US_WEBHOOK_SECRET}`,
      '',
    ].join('\n'),
  );
  assert.equal(
    double.requests.filter((r) => r.method !== 'GET' && r.host !== 'auth').length,
    0,
    'plan changes nothing',
  );

  const refused = await run(['webhooks', 'apply', file], env);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /add --yes to confirm/);

  const apply = await run(['webhooks', 'apply', file, '--yes'], env);
  assert.equal(apply.code, 0, apply.stderr);
  assert.match(apply.stdout, /^done: app 01ER4ABSP36WG80BMAR2CN1XEY \(us\): create the Contact Pro webhook/m);
  const usHooks = double.webhooksOf(PROJECT_ID, US_APP);
  assert.deepEqual(
    usHooks.map((w) => [w.target, w.triggers, w.secret === 'WHSECRET-us-never-printed-55d0']),
    [
      ['https://crm.example.com/sinch', ['MESSAGE_INBOUND'], false],
      [
        'https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
        ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'],
        true,
      ],
    ],
  );
  assert.equal(double.requests.filter((r) => r.method === 'DELETE').length, 0);

  const lint = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), '--live', '--format', 'json', file],
      { env: { PATH: process.env.PATH, ...env } },
      (_e, stdout) => resolve(stdout),
    );
  });
  assert.deepEqual(JSON.parse(lint)[0].diagnostics, [], 'after apply, the live check is clean');

  const again = await run(['webhooks', 'plan', file], env);
  assert.equal(again.code, 0, again.stdout);
  assert.match(again.stdout, /^Nothing to do/);
  double.requests.length = 0;
  const secondApply = await run(['webhooks', 'apply', file, '--yes'], env);
  assert.equal(secondApply.code, 0);
  assert.equal(
    double.requests.filter((r) => r.method !== 'GET' && r.host !== 'auth').length,
    0,
    'a second apply changes nothing',
  );
  assertNoSecrets(plan.stdout, plan.stderr, apply.stdout, apply.stderr, again.stdout);
});

test('webhooks plan corrects triggers and secret with update_mask, and respects the 5-webhook limit', async () => {
  const full = [1, 2, 3, 4, 5].map((n) =>
    usWebhook({
      id: `01ERFULL0000000000000000${n}`,
      target: `https://other.example.com/${n}`,
      triggers: ['MESSAGE_INBOUND'],
    }),
  );
  double.seed(
    cleanProject({
      eu: { webhooks: [{ ...cleanProject().apps[0]!.webhooks![0]!, triggers: ['MESSAGE_INBOUND'], secret: 'stale' }] },
      us: { webhooks: full },
    }),
  );
  const file = tempFile('acme.sinchcp.yaml', readFileSync(join(FIXTURES, 'import-empty.golden.yaml'), 'utf8'));
  const env = doubleEnv(double, {
    SINCH_EU_WEBHOOK_SECRET: 'WHSECRET-eu-never-printed-91c2',
    SINCH_US_WEBHOOK_SECRET: 'WHSECRET-us-never-printed-55d0',
  });
  const plan = await run(['webhooks', 'plan', file], env);
  assert.equal(plan.code, 1);
  assert.equal(
    plan.stdout,
    [
      '1 change needed:',
      `  app ${EU_APP} (eu): update webhook 01HZXWEBHOOKEU0000000000001: triggers → [MESSAGE_INBOUND, MESSAGE_DELIVERY]; secret → \${env:SINCH_EU_WEBHOOK_SECRET}`,
      'Notes:',
      `  app ${US_APP} (us): has 5 webhooks, Sinch's limit of 5; the Contact Pro webhook cannot be added until one is removed in the Sinch dashboard (sinchcp never deletes one).`,
      '',
    ].join('\n'),
  );
  const apply = await run(['webhooks', 'apply', file, '--yes'], env);
  assert.equal(apply.code, 0, apply.stderr);
  assert.ok(double.requests.some((r) => r.method === 'PATCH' && r.path.endsWith('?update_mask=triggers,secret')));
  assert.equal(double.webhooksOf(PROJECT_ID, US_APP).length, 5);
  assertNoSecrets(plan.stdout, apply.stdout, apply.stderr);
});
