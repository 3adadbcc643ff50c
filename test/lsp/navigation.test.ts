// Outline and app-ID navigation over real stdio against dist/server.js: one app ID written in five places
// (its conversationApi entry, two outbound Authentication IDs, two queue addresses, one of them lowercase).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type {
  DocumentSymbol,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';

const APP = '01HZX3K7M2Q9V5B8N4T6W1R0CD';
const OTHER = '01ER4ABSP36WG80BMAR2CN1XEY';
const TEXT = `version: 1
tenant:
  name: acme
  landscape: eu-c1
conversationApi:
  projectId: c36f3d3d-1513-4edd-ae42-11995557ff61
  apps:
    - appId: ${APP}
      name: ACME support EU
      region: eu
      webhooks:
        - target: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all
          secret: \${env:WEBHOOK_SECRET}
          triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]
    - appId: ${OTHER}
      region: eu
messagingServices:
  - name: Sinch EU
    type: sinchconversation
    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send
    authentications:
      - direction: outbound
        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@${APP}
        password: \${env:KEY_SECRET}
      - direction: outbound
        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@${OTHER}
        password: \${env:KEY_SECRET}
      - direction: inbound
        authenticationId: webhook
        password: \${env:WEBHOOK_SECRET}
  - name: Sinch EU backup
    type: sinchconversation
    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send
    authentications:
      - direction: outbound
        authenticationId: 9a8b7c6d@${APP}
        password: \${env:KEY_SECRET_2}
      - direction: inbound
        authenticationId: webhook
        password: \${env:WEBHOOK_SECRET}
queues:
  - name: Support chat
    type: chat
    addresses:
      - address: ${APP}@whatsapp.sinchconversation.com
      - address: ${APP.toLowerCase()}@nativechannel.sinchconversation.com
  - name: SMS and Telegram
    type: chat
    addresses:
      - address: "${OTHER}@sms.sinchconversation.com"
        smsSenderId: "+12025550143"
      - address: "${OTHER.slice(0, -2)}\\x45Y@telegram.sinchconversation.com"
`;
const URI = 'file:///work/test/navigation.sinchcp.yaml';

let client: TestLspClient;
before(async () => {
  client = (await TestLspClient.start()).client;
  await client.open(URI, TEXT, 1);
});
after(() => client.stop());

// ---- helpers ------------------------------------------------------------------------------------------

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((n, l) => n + l.length + 1, 0) + position.character;
}

/** The range of the `index`-th occurrence of `part` (case-sensitive) in TEXT. */
function nth(part: string, index = 0, text = TEXT): Range {
  let at = -1;
  for (let i = 0; i <= index; i++) {
    at = text.indexOf(part, at + 1);
    assert.ok(at >= 0, `occurrence ${index} of ${part} not found`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + part.length) };
}

/** A position inside the range (two characters in). */
function inside(range: Range): Position {
  return { line: range.start.line, character: range.start.character + 2 };
}

const td = { uri: URI };
// The five occurrences of APP, in file order.
const APP_RANGES = [nth(APP, 0), nth(APP, 1), nth(APP, 2), nth(APP, 3), nth(APP.toLowerCase())];

// ---- outline ------------------------------------------------------------------------------------------

type Shape = { name: string; kind: number; detail?: string; children?: Shape[] };
const shape = (s: DocumentSymbol): Shape => ({
  name: s.name,
  kind: s.kind,
  ...(s.detail ? { detail: s.detail } : {}),
  ...(s.children?.length ? { children: s.children.map(shape) } : {}),
});

test('document symbols: the tree of tenant, apps with webhooks, services with authentications, queues with addresses', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td });
  const Namespace = 3,
    Package = 4,
    ObjectKind = 19,
    Module = 2,
    Interface = 11,
    Key = 20,
    Struct = 23,
    Event = 24,
    Field = 8;
  assert.deepEqual(symbols.map(shape), [
    { name: 'tenant acme', kind: Namespace, detail: 'eu-c1' },
    {
      name: 'Conversation API',
      kind: Package,
      detail: 'c36f3d3d-1513-4edd-ae42-11995557ff61',
      children: [
        {
          name: 'app ACME support EU',
          kind: ObjectKind,
          detail: `${APP} · eu`,
          children: [
            {
              name: 'webhook login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
              kind: Event,
              detail: 'MESSAGE_DELIVERY, MESSAGE_INBOUND',
            },
          ],
        },
        { name: `app ${OTHER}`, kind: ObjectKind, detail: 'eu' },
      ],
    },
    {
      name: 'messaging services',
      kind: Module,
      detail: '2 services',
      children: [
        {
          name: 'Sinch EU',
          kind: Interface,
          detail: 'eu.conversation.api.sinch.com',
          children: [
            { name: 'outbound 5d2b…@01HZX…R0CD', kind: Key },
            { name: 'outbound 5d2b…@01ER4…1XEY', kind: Key },
            { name: 'inbound webhook', kind: Key },
          ],
        },
        {
          name: 'Sinch EU backup',
          kind: Interface,
          detail: 'eu.conversation.api.sinch.com',
          children: [
            { name: 'outbound 9a8b…@01HZX…R0CD', kind: Key },
            { name: 'inbound webhook', kind: Key },
          ],
        },
      ],
    },
    {
      name: 'queues',
      kind: Module,
      detail: '2 queues',
      children: [
        {
          name: 'Support chat',
          kind: Struct,
          detail: 'chat',
          children: [
            { name: 'WhatsApp · 01HZX…R0CD', kind: Field, detail: `${APP}@whatsapp.sinchconversation.com` },
            {
              name: 'Sinch Chat · 01hzx…r0cd',
              kind: Field,
              detail: `${APP.toLowerCase()}@nativechannel.sinchconversation.com`,
            },
          ],
        },
        {
          name: 'SMS and Telegram',
          kind: Struct,
          detail: 'chat',
          children: [
            {
              name: `SMS · ${OTHER.slice(0, 5)}…${OTHER.slice(-4)}`,
              kind: Field,
              detail: `${OTHER}@sms.sinchconversation.com · SMS sender +12025550143`,
            },
            {
              name: `Telegram · ${OTHER.slice(0, 5)}…${OTHER.slice(-4)}`,
              kind: Field,
              detail: `${OTHER}@telegram.sinchconversation.com`,
            },
          ],
        },
      ],
    },
  ]);

  // Ranges: every selectionRange inside its range, every child inside its parent, all inside the document.
  const end = positionAt(TEXT, TEXT.length);
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
    assert.ok(
      le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end),
      `selectionRange of ${s.name}`,
    );
    assert.ok(le(s.range.start, s.range.end) && le(s.range.end, end), `range of ${s.name}`);
    if (parent)
      assert.ok(
        le(parent.range.start, s.range.start) && le(s.range.end, parent.range.end),
        `${s.name} inside ${parent.name}`,
      );
    s.children?.forEach((c) => check(c, s));
  };
  symbols.forEach((s) => check(s));

  // Exact ranges of one entry: the outbound authentication of the backup service.
  const outbound = symbols[2]!.children![1]!.children![0]!;
  const entryStart = TEXT.indexOf('direction: outbound\n        authenticationId: 9a8b7c6d');
  const entryEnd = TEXT.indexOf('${env:KEY_SECRET_2}') + '${env:KEY_SECRET_2}'.length;
  assert.deepEqual(outbound.range, { start: positionAt(TEXT, entryStart), end: positionAt(TEXT, entryEnd) });
  assert.deepEqual(outbound.selectionRange, nth(`9a8b7c6d@${APP}`));
  assert.deepEqual(symbols[0]!.selectionRange, nth('tenant'));
});

test('document symbols of a broken file: no error, valid ranges', async () => {
  const uri = 'file:///work/test/broken-outline.sinchcp.yaml';
  const text = 'tenant: [\nmessagingServices:\n  - name\n  - authentications: 3\nqueues: {a: [}\n';
  await client.open(uri, text, 1);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols));
});

// ---- definition -----------------------------------------------------------------------------------------

test('go to definition from every occurrence of an app ID: its conversationApi appId', async () => {
  for (const range of APP_RANGES) {
    const location = await client.request<Location | null>('textDocument/definition', {
      textDocument: td,
      position: inside(range),
    });
    assert.deepEqual(location, { uri: URI, range: APP_RANGES[0] });
  }
});

test('go to definition without a conversationApi entry: the first outbound entry naming the app', async () => {
  const uri = 'file:///work/test/undeclared-nav.sinchcp.yaml';
  const text = TEXT.slice(0, TEXT.indexOf('conversationApi:')) + TEXT.slice(TEXT.indexOf('messagingServices:'));
  await client.open(uri, text, 1);
  const address = nth(APP.toLowerCase(), 0, text);
  const location = await client.request<Location | null>('textDocument/definition', {
    textDocument: { uri },
    position: inside(address),
  });
  assert.deepEqual(location, { uri, range: nth(APP, 0, text) });
  assert.equal(
    text.slice(offsetAt(text, location.range.start) - 37, offsetAt(text, location.range.start)),
    '5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@',
  );
});

test('go to definition elsewhere: null', async () => {
  for (const where of [nth('Sinch EU backup'), nth('9a8b7c6d'), nth('whatsapp'), nth('conversationApi')]) {
    assert.equal(await client.request('textDocument/definition', { textDocument: td, position: inside(where) }), null);
  }
});

// ---- references ---------------------------------------------------------------------------------------

test('find references: every occurrence, case-insensitive, with and without the declaration', async () => {
  const position = inside(APP_RANGES[4]!); // the lowercase one
  const all = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position,
    context: { includeDeclaration: true },
  });
  assert.deepEqual(
    all,
    APP_RANGES.map((range) => ({ uri: URI, range })),
  );
  const withoutDeclaration = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position: inside(APP_RANGES[0]!),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    withoutDeclaration,
    APP_RANGES.slice(1).map((range) => ({ uri: URI, range })),
  );
});

test('find references of an ID inside an escaped quoted address: the whole value stands for it', async () => {
  const refs = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position: inside(nth(OTHER, 0)),
    context: { includeDeclaration: true },
  });
  const escaped = `"${OTHER.slice(0, -2)}\\x45Y@telegram.sinchconversation.com"`;
  assert.deepEqual(
    refs.map((r) => r.range),
    [nth(OTHER, 0), nth(OTHER, 1), nth(OTHER, 2), nth(escaped)],
  );
});

test('find references elsewhere: none', async () => {
  const refs = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position: inside(nth('Support chat')),
    context: { includeDeclaration: true },
  });
  assert.deepEqual(refs, []);
});

// ---- rename -------------------------------------------------------------------------------------------

test('prepareRename on an app ID: its exact range; elsewhere: null', async () => {
  for (const range of APP_RANGES) {
    const prepared = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: td,
      position: inside(range),
    });
    assert.deepEqual(prepared?.range, range);
  }
  for (const where of [
    nth('Sinch EU backup'),
    nth('9a8b7c6d'),
    nth('whatsapp'),
    nth('webhook'),
    nth('appId'),
    nth(`\\x45Y@telegram`),
  ]) {
    assert.equal(
      await client.request('textDocument/prepareRename', { textDocument: td, position: inside(where) }),
      null,
      `at ${JSON.stringify(where)}`,
    );
  }
});

function apply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const edit of sorted)
    out = out.slice(0, offsetAt(out, edit.range.start)) + edit.newText + out.slice(offsetAt(out, edit.range.end));
  return out;
}

test('rename an app ID: every occurrence, written in capital letters', async () => {
  const newId = '01J0ABCDEFGHJKMNPQRSTVWXYZ';
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: td,
    position: inside(APP_RANGES[2]!),
    newName: newId.toLowerCase(),
  });
  const edits = edit.changes![URI]!;
  assert.deepEqual(
    edits,
    APP_RANGES.map((range) => ({ range, newText: newId })),
  );
  assert.equal(apply(TEXT, edits), TEXT.replaceAll(APP, newId).replaceAll(APP.toLowerCase(), newId));
});

test('rename skips an occurrence without an exact range (an escaped quoted value)', async () => {
  const newId = '01J0ABCDEFGHJKMNPQRSTVWXYZ';
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: td,
    position: inside(nth(OTHER, 1)),
    newName: newId,
  });
  assert.deepEqual(
    edit.changes![URI],
    [nth(OTHER, 0), nth(OTHER, 1), nth(OTHER, 2)].map((range) => ({ range, newText: newId })),
  );
});

test('rename rejects an invalid app ID with a clear message', async () => {
  const position = inside(APP_RANGES[0]!);
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: td, position, newName: 'acme-app' }),
    (error: { code: number; message: string }) => {
      assert.equal(error.code, -32602);
      assert.match(error.message, /^"acme-app" is not an app ID: an app ID has 26 characters .*this one has 8\.$/);
      return true;
    },
  );
  await assert.rejects(
    client.request('textDocument/rename', { textDocument: td, position, newName: '01HZX3K7M2Q9V5B8N4T6W1R0CU' }),
    (error: { code: number; message: string }) => {
      assert.match(error.message, /Crockford base32 .*not allowed: U\.$/);
      return true;
    },
  );
  // The document is untouched and the server still answers.
  const refs = await client.request<Location[]>('textDocument/references', {
    textDocument: td,
    position,
    context: { includeDeclaration: true },
  });
  assert.equal(refs.length, 5);
});

test('rename elsewhere: null', async () => {
  assert.equal(
    await client.request('textDocument/rename', {
      textDocument: td,
      position: inside(nth('Sinch EU backup')),
      newName: '01J0ABCDEFGHJKMNPQRSTVWXYZ',
    }),
    null,
  );
});
