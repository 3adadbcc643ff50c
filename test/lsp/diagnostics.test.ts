// The bundled server over real stdio: initialize, didOpen → diagnostics, a change that introduces and one
// that removes a mistake, a settings change, didClose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { TestLspClient } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const URI = 'file:///work/test/acme.sinchcp.yaml';
let client: TestLspClient;
let capabilities: unknown;
let serverInfo: { name: string; version?: string } | undefined;

before(async () => {
  const started = await TestLspClient.start();
  client = started.client;
  capabilities = started.initialize.capabilities;
  serverInfo = started.initialize.serverInfo;
});
after(() => client.stop());

test("initialize: serverInfo has package.json's version, which the build wrote into the bundle", () => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.deepEqual(serverInfo, { name: 'sinchcp', version });
  const bundle = readFileSync(join(__dirname, '..', '..', 'dist', 'server.js'), 'utf8');
  assert.ok(
    !/\bSINCHCP_VERSION\b/.test(bundle.replace(/typeof SINCHCP_VERSION/g, '')),
    'esbuild replaced the version placeholder',
  );
});

test('initialize: capabilities snapshot (UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change)', () => {
  const file = join(__dirname, 'capabilities.snapshot.json');
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, JSON.stringify(capabilities, null, 2) + '\n');
  assert.deepEqual(capabilities, JSON.parse(readFileSync(file, 'utf8')));
});

test('didOpen of the valid example publishes no diagnostics, for version 1', async () => {
  await client.open(URI, VALID, 1);
  const diagnostics = await client.waitForDiagnostics(URI, (p) => p.version === 1);
  assert.deepEqual(diagnostics, []);
});

test('a change that introduces a mistake, then one that removes it', async () => {
  const line = VALID.split('\n').findIndex((l) => l.includes('- appId: 01HZX3K7M2Q9V5B8N4T6W1R0CD'));
  const character = VALID.split('\n')[line]!.indexOf('01HZX') + 2; // the H
  await client.change(URI, 2, [
    { range: { start: { line, character }, end: { line, character: character + 1 } }, text: 'h' },
  ]);
  const introduced = await client.waitForDiagnostics(URI, (p) => p.version === 2);
  const appIdCase = introduced.filter((d) => d.code === 'app-id-case');
  assert.equal(appIdCase.length, 1);
  assert.deepEqual(appIdCase[0]!.range, {
    start: { line, character: character - 2 },
    end: { line, character: character + 24 },
  });
  assert.equal(appIdCase[0]!.source, 'sinchcp');
  const href = String(appIdCase[0]!.codeDescription?.href);
  assert.match(href, /^file:\/\/.*\/docs\/rules\/app-id-case\.md$/);
  assert.ok(existsSync(fileURLToPath(href)), `${href}: the bundled page exists`);

  await client.change(URI, 3, [
    { range: { start: { line, character }, end: { line, character: character + 1 } }, text: 'H' },
  ]);
  assert.deepEqual(await client.waitForDiagnostics(URI, (p) => p.version === 3), []);
});

test('changing sinchcp.rules changes severities and turns rules off', async () => {
  const uri = 'file:///work/test/settings.sinchcp.yaml';
  const text = VALID.replace(
    '- address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp',
    '- address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp',
  );
  await client.open(uri, text, 1);
  const initial = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'app-id-case'));
  assert.equal(initial.find((d) => d.code === 'app-id-case')!.severity, 1);

  const mark = client.published.length;
  client.settings = { rules: { 'app-id-case': 'warning' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const warned = await client.waitForDiagnostics(
    uri,
    (p) => p.diagnostics.some((d) => d.code === 'app-id-case' && d.severity === 2),
    5000,
    mark,
  );
  assert.equal(warned.filter((d) => d.code === 'app-id-case').length, 1);

  const mark2 = client.published.length;
  client.settings = { rules: { 'app-id-case': 'off' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'app-id-case'), 5000, mark2);

  const mark3 = client.published.length;
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(
    uri,
    (p) => p.diagnostics.some((d) => d.code === 'app-id-case' && d.severity === 1),
    5000,
    mark3,
  );
});

test('didClose of a file outside the workspace clears its diagnostics', async () => {
  const uri = 'file:///elsewhere/broken.sinchcp.yaml';
  await client.open(uri, 'version: 1\ntenant: [\n', 1);
  const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  assert.ok(diagnostics.some((d) => d.code === 'yaml-syntax'));
  const mark = client.published.length;
  await client.close(uri);
  assert.deepEqual(await client.waitForDiagnostics(uri, () => true, 5000, mark), []);
});

test('the server survives hostile input and keeps serving', async () => {
  const uri = 'file:///work/test/hostile.sinchcp.yaml';
  const bomb =
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
  await client.open(uri, bomb + '\u0000\u0001\uffff binary', 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const actions = await client.request<unknown[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.ok(Array.isArray(actions));
});

test('sinchcp.validate.enable false clears the diagnostics, true brings them back', async () => {
  const uri = 'file:///work/test/toggle.sinchcp.yaml';
  await client.open(
    uri,
    VALID.replace('01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp', '01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp'),
    1,
  );
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'app-id-case'));
  let mark = client.published.length;
  client.settings = { validate: { enable: false } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 5000, mark);
  mark = client.published.length;
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'app-id-case'), 5000, mark);
});
