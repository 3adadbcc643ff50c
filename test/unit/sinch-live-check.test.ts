// The live check, pure: the imported (clean) file against a project seeded with one kind of drift at a time;
// each finding at its line with its rule, severity and message; a clean project gives none; secrets are
// compared in memory and only ever reported as "differs".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { liveCheck } from '../../server/src/sinch/live/liveCheck';
import { liveDiagnostics } from '../../server/src/sinch/live/liveRun';
import type { ProjectSnapshot } from '../../server/src/sinch/api';
import type { DoubleProject } from '../sinch/double';
import {
  CP_TARGET,
  cleanProject,
  euWebhook,
  EU_WEBHOOK_SECRET,
  SECRET_MARKERS,
  US_WEBHOOK_SECRET,
  usWebhook,
} from '../sinch/fixtures';

const CLEAN_FILE = readFileSync(join(__dirname, '..', 'fixtures', 'sinch', 'import-empty.golden.yaml'), 'utf8');
const ENV = { SINCH_EU_WEBHOOK_SECRET: EU_WEBHOOK_SECRET, SINCH_US_WEBHOOK_SECRET: US_WEBHOOK_SECRET };

function snapshotOf(project: DoubleProject): ProjectSnapshot {
  return {
    projectId: project.projectId,
    apps: project.apps.map((a) => ({ region: a.region, app: a.app, webhooks: a.webhooks ?? [] })),
  };
}

/** [1-based line, rule, severity, message] of each live diagnostic. */
function check(
  project: DoubleProject,
  text = CLEAN_FILE,
  env: NodeJS.ProcessEnv = ENV,
): [number, string, number, string][] {
  const doc = parseText(text);
  const diagnostics = liveDiagnostics(doc, liveCheck(doc, snapshotOf(project), env));
  for (const d of diagnostics)
    for (const secret of SECRET_MARKERS) assert.ok(!d.message.includes(secret), 'a secret in a message');
  // Quoted as VS Code quotes ('value'): backticks would show as they are in the Problems view.
  for (const d of diagnostics) assert.ok(!d.message.includes('`'), `a backtick in: ${d.message}`);
  return diagnostics.map((d) => [d.range.start.line + 1, String(d.code), d.severity!, d.message]);
}

const ERROR = 1;
const WARNING = 2;
const INFO = 3;

test('a clean project gives no live finding', () => {
  assert.deepEqual(check(cleanProject()), []);
});

test('an app the project lacks: live-unknown-app at its appId', () => {
  const project = cleanProject();
  project.apps = project.apps.filter((a) => a.region !== 'us');
  assert.deepEqual(check(project), [
    [
      11,
      'live-unknown-app',
      ERROR,
      "The Sinch project has no app '01ER4ABSP36WG80BMAR2CN1XEY': check the ID, or remove the app from the file.\n" +
        'Project c36f3d3d-1513-4edd-ae42-11995557ff61 has no such app in any region (us, eu, br); see the Sinch dashboard (Conversation API > Apps).',
    ],
  ]);
});

test('an app of the project the file does not list: info at projectId', () => {
  const text = CLEAN_FILE.replace(/ {4}- appId: 01ER4ABSP36WG80BMAR2CN1XEY[\s\S]*?(?= {4}- appId: 01HZX)/, '');
  const found = check(cleanProject(), text);
  assert.deepEqual(
    found.map(([line, rule, severity]) => [line, rule, severity]),
    [[9, 'live-app-not-in-file', INFO]],
  );
  assert.match(found[0]![3], /'01ER4ABSP36WG80BMAR2CN1XEY' \(ACME SMS US, us\)/);
});

test('an app in another region: live-app-region at its region', () => {
  assert.deepEqual(check(cleanProject({ eu: { region: 'br' } })), [
    [
      22,
      'live-app-region',
      ERROR,
      "App '01HZX3K7M2Q9V5B8N4T6W1R0CD' lives in region 'br' in Sinch, not 'eu': write 'region: br'.\n" +
        'An app never changes region: serve it from a messaging service on br.conversation.api.sinch.com.',
    ],
  ]);
});

test('a processing mode that differs: live-processing-mode at processingMode', () => {
  const project = cleanProject();
  project.apps[0]!.app = { ...project.apps[0]!.app, processing_mode: 'CONVERSATION' };
  assert.deepEqual(check(project), [
    [
      23,
      'live-processing-mode',
      WARNING,
      "App '01HZX3K7M2Q9V5B8N4T6W1R0CD' runs in processing mode 'CONVERSATION' in Sinch, not 'DISPATCH'.\n" +
        'Sinch dashboard: Conversation API > Apps > [the app] > Processing mode.',
    ],
  ]);
});

test('a channel list that differs: live-channels at channels', () => {
  const project = cleanProject();
  project.apps[0]!.app = {
    ...project.apps[0]!.app,
    channel_credentials: [
      { channel: 'WHATSAPP', static_bearer: { claimed_identity: 'x', token: 'y' } },
      { channel: 'VIBER', static_token: { token: 'z' } },
    ],
  };
  assert.deepEqual(check(project), [
    [
      24,
      'live-channels',
      WARNING,
      "The channels of app '01HZX3K7M2Q9V5B8N4T6W1R0CD' differ from Sinch.\n" +
        'Not configured in Sinch: MESSENGER; configured in Sinch but not listed: VIBER. Sinch has: [WHATSAPP, VIBER].',
    ],
  ]);
});

test('the Contact Pro webhook missing: live-webhook-missing at the webhook target', () => {
  const other = usWebhook({ target: 'https://crm.example.com/hook' });
  const found = check(cleanProject({ us: { webhooks: [other] } }));
  assert.deepEqual(found, [
    [
      17,
      'live-webhook-missing',
      ERROR,
      "App '01ER4ABSP36WG80BMAR2CN1XEY' has no webhook to this Contact Pro URL in Sinch: create it.\n" +
        'Contact Pro receives none of its messages. Its webhooks in Sinch target: https://crm.example.com/hook. Create it with "Sinch CP: Plan Webhook Changes" (sinchcp webhooks plan/apply) or in the Sinch dashboard.',
    ],
  ]);
});

test('the Contact Pro webhook missing and not in the file either: live-webhook-missing at the appId', () => {
  const text = CLEAN_FILE.replace(
    / {6}webhooks:\n {8}- target: .*\n {10}secret: \$\{env:SINCH_US_WEBHOOK_SECRET\}\n {10}triggers: .*\n/,
    '',
  );
  const found = check(cleanProject({ us: { webhooks: [] } }), text);
  assert.deepEqual(
    found.map(([line, rule, severity]) => [line, rule, severity]),
    [[11, 'live-webhook-missing', ERROR]],
  );
  assert.match(
    found[0]![3],
    /no webhook to https:\/\/login-eu-c1\.cc\.sinch\.com\/acme\/sms\/sinchconversation\/all \(the targetUrl of the service that serves it\)/,
  );
});

test('a webhook target the project lacks: live-webhook-target at the target', () => {
  const text = CLEAN_FILE.replace(
    /(triggers: \[MESSAGE_DELIVERY, MESSAGE_INBOUND\]\n)(\n)/,
    '$1        - target: https://crm.example.com/hook\n          triggers: [MESSAGE_INBOUND]\n$2',
  );
  const found = check(cleanProject(), text);
  assert.deepEqual(found, [
    [
      29,
      'live-webhook-target',
      WARNING,
      `No webhook of app '01HZX3K7M2Q9V5B8N4T6W1R0CD' targets this URL in Sinch.\nIts webhooks in Sinch target: ${CP_TARGET}.`,
    ],
  ]);
});

test('triggers and target type that differ: at triggers and at the target', () => {
  const found = check(
    cleanProject({ eu: { webhooks: [euWebhook({ triggers: ['MESSAGE_INBOUND'], target_type: 'DISMISS' })] } }),
  );
  assert.deepEqual(found, [
    [
      26,
      'live-webhook-target-type',
      WARNING,
      "In Sinch this webhook of app '01HZX3K7M2Q9V5B8N4T6W1R0CD' has target type 'DISMISS', not 'HTTP' (DISMISS: Sinch sends it no events).",
    ],
    [
      28,
      'live-webhook-triggers',
      WARNING,
      "In Sinch this webhook of app '01HZX3K7M2Q9V5B8N4T6W1R0CD' has the triggers [MESSAGE_INBOUND], not [MESSAGE_DELIVERY, MESSAGE_INBOUND].",
    ],
  ]);
});

test('more than 5 webhooks: live-webhook-limit at the webhooks key', () => {
  const many = [
    usWebhook(),
    ...[1, 2, 3, 4, 5].map((n) => usWebhook({ id: `X${n}`, target: `https://other.example.com/${n}` })),
  ];
  assert.deepEqual(
    check(cleanProject({ us: { webhooks: many } })).map(([line, rule, severity]) => [line, rule, severity]),
    [[16, 'live-webhook-limit', WARNING]],
  );
});

test('a webhook secret that differs from the variable\'s value: "differs", never the values', () => {
  const found = check(cleanProject(), CLEAN_FILE, { ...ENV, SINCH_EU_WEBHOOK_SECRET: 'a-different-value' });
  assert.deepEqual(found, [
    [
      27,
      'live-webhook-secret',
      WARNING,
      'The secret of this webhook in Sinch differs from ${env:SINCH_EU_WEBHOOK_SECRET}: set the same value in both.\n' +
        "App '01HZX3K7M2Q9V5B8N4T6W1R0CD': set it in the Sinch dashboard (Conversation API > Apps > [the app] > Webhook > Secret token) and in SC, or run the webhook plan.",
    ],
  ]);
  assert.ok(!found[0]![3].includes('a-different-value'));
});

test('a secret the API does not return, or a variable not set, is information only', () => {
  const project = cleanProject();
  for (const app of project.apps)
    app.webhooks = app.webhooks!.map((w) => {
      const { secret: _s, ...rest } = w;
      return rest;
    });
  assert.deepEqual(
    check(project).map(([line, rule, severity, message]) => [
      line,
      rule,
      severity,
      /not returned by the API/.test(message),
    ]),
    [
      [18, 'live-webhook-secret', INFO, true],
      [27, 'live-webhook-secret', INFO, true],
    ],
  );
  assert.deepEqual(
    check(cleanProject(), CLEAN_FILE, {}).map(([line, rule, severity]) => [line, rule, severity]),
    [
      [18, 'live-webhook-secret', INFO],
      [27, 'live-webhook-secret', INFO],
    ],
  );
});
