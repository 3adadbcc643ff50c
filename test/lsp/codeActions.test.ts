// textDocument/codeAction over real stdio against dist/server.js: titles and edits, `context.only`,
// fix-all (versioned, idempotent), stale diagnostics refused, show-documentation command.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const LOWER = VALID.replace(
  '- address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp',
  '- address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp',
);
let client: TestLspClient;

before(async () => {
  client = (await TestLspClient.start()).client;
});
after(() => client.stop());

function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, only },
  });
}

function apply(text: string, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create('x', 'sinchcp', 1, text), change.edits);
}

test('a diagnostic gets its quick fix (preferred), disable-for-line and show-documentation', async () => {
  const uri = 'file:///ca/lower.sinchcp.yaml';
  await client.open(uri, LOWER, 1);
  const diagnostics = (await client.waitForDiagnostics(uri, (p) => p.version === 1)).filter(
    (d) => d.code === 'app-id-case',
  );
  assert.equal(diagnostics.length, 1);
  const actions = await codeActions(uri, diagnostics);
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
    [
      ['Uppercase app ID to 01HZX3K7M2Q9V5B8N4T6W1R0CD', 'quickfix', true],
      ["Disable 'app-id-case' for this line", 'quickfix', false],
      ["Show documentation for 'app-id-case'", 'quickfix', false],
    ],
  );
  const change = actions[0]!.edit!.documentChanges![0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri, version: 1 });
  assert.equal(apply(LOWER, actions[0]!), VALID);
  assert.deepEqual(actions[2]!.command, {
    title: 'Show documentation',
    command: 'sinchcp.showDocumentation',
    arguments: [actions[2]!.command!.arguments![0]],
  });
  // The rule's page shipped with the extension, on this machine (no web address exists for it).
  const page = String(actions[2]!.command.arguments[0]);
  assert.match(page, /^file:\/\/.*\/docs\/rules\/app-id-case\.md$/);
  assert.ok(existsSync(fileURLToPath(page)), page);
  await client.request('workspace/executeCommand', actions[2]!.command);
  assert.equal((client.shownDocuments.at(-1) as { uri: string }).uri, actions[2]!.command.arguments[0]);
});

test('context.only: quickfix gives no fix-all; source.fixAll gives only fix-all', async () => {
  const uri = 'file:///ca/only.sinchcp.yaml';
  await client.open(uri, LOWER, 1);
  const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const quick = await codeActions(uri, diagnostics, ['quickfix']);
  assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
  const fixAll = await codeActions(uri, diagnostics, ['source.fixAll']);
  assert.deepEqual(
    fixAll.map((a) => a.kind),
    ['source.fixAll.sinchcp'],
  );
  assert.equal(apply(LOWER, fixAll[0]!), VALID);
  const none = await codeActions(uri, diagnostics, ['refactor']);
  assert.deepEqual(none, []);
});

test('fix-all is idempotent: on the fixed text it offers nothing', async () => {
  const uri = 'file:///ca/idempotent.sinchcp.yaml';
  await client.open(uri, VALID, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(await codeActions(uri, [], ['source.fixAll.sinchcp']), []);
});

test('diagnostics from a stale version get no actions', async () => {
  const uri = 'file:///ca/stale.sinchcp.yaml';
  await client.open(uri, LOWER, 1);
  const stale = (await client.waitForDiagnostics(uri, (p) => p.version === 1)).filter((d) => d.code === 'app-id-case');
  await client.change(uri, 2, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' },
  ]);
  await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(await codeActions(uri, stale), []);
});

test('server commands: setup guide for an open file, webhook signature check', async () => {
  const uri = 'file:///ca/guide.sinchcp.yaml';
  await client.open(uri, VALID, 1);
  const guide = await client.request<string>('workspace/executeCommand', {
    command: 'sinchcp.server.setupGuide',
    arguments: [uri],
  });
  assert.match(guide, /^# Setup guide for tenant `acme`/);
  const result = await client.request<{ valid: boolean; reason: string }>('workspace/executeCommand', {
    command: 'sinchcp.server.verifyWebhookSignature',
    arguments: [{ secret: 's', nonce: 'n', timestamp: '1', rawBody: '{}', signature: 'bad' }],
  });
  assert.equal(result.valid, false);
  await assert.rejects(
    client.request('workspace/executeCommand', {
      command: 'sinchcp.server.setupGuide',
      arguments: ['file:///not-open.sinchcp.yaml'],
    }),
    /Open a sinchcp file/,
  );
});

test('textDocument/formatting: a mis-indented file is re-indented line by line; a formatted one gets no edit', async () => {
  const uri = 'file:///work/test/format-me.sinchcp.yaml';
  const text = 'version: 1\ntenant:\n    name: acme   # the tenant\n    landscape: eu-c1\n';
  await client.open(uri, text, 1);
  const edits = await client.request<{ range: { start: { line: number } }; newText: string }[]>(
    'textDocument/formatting',
    {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    },
  );
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.newText]),
    [
      [2, '  name: acme   # the tenant\n'],
      [3, '  landscape: eu-c1\n'],
    ],
  );
  const formatted = 'version: 1\ntenant:\n  name: acme   # the tenant\n  landscape: eu-c1\n';
  await client.change(uri, 2, [{ text: formatted }]);
  assert.deepEqual(
    await client.request('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    }),
    [],
  );
});
