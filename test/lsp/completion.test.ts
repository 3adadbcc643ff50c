// Completion over real stdio against dist/server.js: keys (minus those present) with docs, enum values, app IDs,
// env references, snippets (exact insert text; only with snippet support; only where they fit), half-typed YAML,
// secrets never shown, and the latency on a 20,000-line file. The cursor is marked `§` (the files use `|`).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientCapabilities, CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, TestLspClient, withCursor } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const CURSOR = '§';
let client: TestLspClient;
let plain: TestLspClient;
let counter = 0;

const NO_SNIPPETS: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: false } } },
};

before(async () => {
  client = (await TestLspClient.start()).client;
  plain = (await TestLspClient.start({ capabilities: NO_SNIPPETS })).client;
});
after(async () => {
  await client.stop();
  await plain.stop();
});

async function completeIn(
  on: TestLspClient,
  textWithCursor: string,
  triggerCharacter?: string,
): Promise<CompletionItem[]> {
  const { text, position } = withCursor(textWithCursor, CURSOR);
  const uri = `file:///work/test/completion-${++counter}.sinchcp.yaml`;
  await on.open(uri, text);
  const result = await on.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position,
    context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
  });
  await on.close(uri);
  return Array.isArray(result) ? result : (result?.items ?? []);
}
const complete = (textWithCursor: string, trigger?: string) => completeIn(client, textWithCursor, trigger);
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string): CompletionItem => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${JSON.stringify(labels(items))}`);
  return found;
};
const newText = (i: CompletionItem) => (i.textEdit as { newText: string }).newText;
const range = (i: CompletionItem) => {
  const r = (
    i.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } } }
  ).range;
  return [r.start.line, r.start.character, r.end.line, r.end.character];
};
const docOf = (i: CompletionItem) =>
  typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? '');
/** What the suggestion shows: its detail line, then the details pane. */
const shown = (i: CompletionItem) => `${i.detail ?? ''}\n${docOf(i)}`;
/** The example with one line replaced (the first line containing `find`). */
function edit(find: string, replacement: string, text = VALID): string {
  assert.ok(text.includes(find), `example has no ${find}`);
  return text.replace(find, replacement);
}

describe('keys', () => {
  test('under tenant, with name present: landscape only, with its docs', async () => {
    const items = await complete('version: 1\ntenant:\n  name: acme\n  §\n');
    assert.deepEqual(labels(items), ['landscape']);
    const landscape = item(items, 'landscape');
    assert.equal(newText(landscape), 'landscape: ');
    assert.match(String(landscape.detail), /Contact Pro landscape/);
    assert.ok(!docOf(landscape).includes(String(landscape.detail)), 'the details pane does not repeat the detail');
    assert.match(docOf(landscape), /Where to find it:.*login URL/);
    assert.match(docOf(landscape), /Example:.*eu-c1/);
  });

  test('a key without its colon (`  land§`) replaces the word', async () => {
    const items = await complete('version: 1\ntenant:\n  name: acme\n  land§\n');
    const landscape = item(items, 'landscape');
    assert.deepEqual(range(landscape), [3, 2, 3, 6]);
    assert.equal(newText(landscape), 'landscape: ');
  });

  test('keys below the cursor count as present too', async () => {
    const items = await complete('version: 1\ntenant:\n  §\n  name: acme\nmessagingServices: []\n');
    assert.deepEqual(labels(items), ['landscape']);
  });

  test('top level at the end of the file (no newline): the keys not yet written', async () => {
    const items = await complete('version: 1\ntenant:\n  name: acme\n  landscape: eu-c1\n§');
    assert.deepEqual(labels(items).sort(), ['conversationApi', 'messagingServices', 'queues']);
    assert.equal(newText(item(items, 'messagingServices')), 'messagingServices:\n  - $0');
    assert.equal(item(items, 'messagingServices').insertTextFormat, 2);
    assert.equal(newText(item(items, 'conversationApi')), 'conversationApi:\n  $0');
  });

  test('half-typed app key: `regi§` where region was, the other app keys absent', async () => {
    const items = await complete(edit('      region: eu              #', `      regi${CURSOR}              #`));
    assert.deepEqual(labels(items), ['region']);
  });

  test('a fresh `- ` in authentications: the entry keys and both authentication snippets', async () => {
    const items = await complete(
      edit(
        '    authentications:\n      - direction: outbound',
        `    authentications:\n      - ${CURSOR}\n      - direction: outbound`,
      ),
    );
    for (const key of ['direction', 'authenticationId', 'password', 'triggers', 'targetUrl']) item(items, key);
    item(items, 'Outbound authentication');
    item(items, 'Inbound authentication');
  });

  test('a `- ` item whose other keys are on the lines below: only the missing keys, no snippets', async () => {
    const items = await complete(
      edit(
        '        - target: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all\n',
        `        - ${CURSOR}\n`,
      ),
    );
    assert.deepEqual(labels(items).sort(), ['target', 'targetType']);
  });

  test('an empty line in a queue item: the queue keys not yet written', async () => {
    const items = await complete('version: 1\nqueues:\n  - name: Support\n    §\n');
    assert.deepEqual(labels(items).sort(), ['addresses', 'type']);
    assert.equal(newText(item(items, 'addresses')), 'addresses:\n      - $0');
  });

  test('nothing inside a comment', async () => {
    assert.deepEqual(await complete('version: 1 # a comment §\n'), []);
  });
});

describe('values', () => {
  test('a value being typed: `landscape: e§`, with meanings', async () => {
    const items = await complete('version: 1\ntenant:\n  name: acme\n  landscape: e§\n');
    assert.deepEqual(labels(items), ['eu-c1', 'na-w2', 'au-s2', 'af-s1']);
    assert.deepEqual(range(item(items, 'eu-c1')), [3, 13, 3, 14]);
    assert.match(shown(item(items, 'na-w2')), /Oregon/);
  });

  test('region, processing mode, direction, targetType, version', async () => {
    assert.deepEqual(labels(await complete(edit('      region: eu ', `      region: ${CURSOR} `))), ['us', 'eu', 'br']);
    assert.match(shown(item(await complete(edit('      region: eu ', `      region: ${CURSOR} `)), 'br')), /Brazil/);
    assert.deepEqual(
      labels(await complete(edit('      processingMode: DISPATCH', `      processingMode: ${CURSOR}`))),
      ['DISPATCH', 'CONVERSATION'],
    );
    assert.deepEqual(labels(await complete(edit('      - direction: outbound', `      - direction: o${CURSOR}`))), [
      'outbound',
      'inbound',
    ]);
    assert.deepEqual(
      labels(
        await complete(
          edit(
            '          triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]\n',
            `          triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]\n          targetType: ${CURSOR}\n`,
          ),
        ),
      ),
      ['HTTP', 'DISMISS'],
    );
    assert.deepEqual(labels(await complete(`version: ${CURSOR}\n`)), ['1']);
  });

  test('type: sinchconversation for services, chat for queues', async () => {
    assert.deepEqual(labels(await complete(edit('    type: sinchconversation', `    type: ${CURSOR}`))), [
      'sinchconversation',
    ]);
    assert.deepEqual(labels(await complete(edit('    type: chat', `    type: c${CURSOR}`))), ['chat']);
  });

  test('channels inside a flow list `[WHATSAPP, §]`: the others, not WHATSAPP', async () => {
    const items = await complete(
      edit('      channels: [WHATSAPP, SINCH_CHAT]', `      channels: [WHATSAPP, ${CURSOR}]`),
    );
    assert.ok(!labels(items).includes('WHATSAPP'));
    for (const channel of ['SINCH_CHAT', 'SMS', 'RCS', 'MESSENGER']) item(items, channel);
    assert.match(String(item(items, 'RCS').detail), /Google RCS/);
  });

  test("triggers in a block list `- §`: Contact Pro's two first", async () => {
    const items = await complete(
      edit(
        '          triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]\n',
        `          triggers:\n            - ${CURSOR}\n`,
      ),
    );
    assert.deepEqual(labels(items).slice(0, 2), ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND']);
    assert.match(shown(item(items, 'MESSAGE_INBOUND')), /Inbound messages/);
  });

  test('authenticationId: `webhook` for inbound entries, not for outbound ones', async () => {
    const inbound = await complete(edit('        authenticationId: webhook', `        authenticationId: ${CURSOR}`));
    assert.deepEqual(labels(inbound), ['webhook']);
    const outbound = await complete(
      edit(
        '        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD',
        `        authenticationId: ${CURSOR}`,
      ),
    );
    assert.deepEqual(labels(outbound), []);
  });

  test('`key:§` without the space: the value is inserted with one', async () => {
    const items = await complete('version: 1\ntenant:\n  name: acme\n  landscape:§\n');
    assert.equal(newText(item(items, 'af-s1')), ' af-s1');
  });
});

describe('app IDs', () => {
  test("after the `@` of an outbound authenticationId: the file's app IDs with name and region", async () => {
    const items = await complete(
      edit(
        '5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD',
        `5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@${CURSOR}`,
      ),
      '@',
    );
    assert.deepEqual(labels(items), ['01HZX3K7M2Q9V5B8N4T6W1R0CD', '01ER4ABSP36WG80BMAR2CN1XEY']);
    assert.equal(item(items, '01ER4ABSP36WG80BMAR2CN1XEY').detail, 'ACME SMS US · region us');
  });

  test('at the start of a queue address, replacing the ID part only; uppercased', async () => {
    const text = edit(
      '      - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@nativechannel',
      `      - address: 01hzx${CURSOR}3k7m2q9v5b8n4t6w1r0cd@nativechannel`,
      VALID.replace(
        '      - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp',
        '      - address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp',
      ),
    );
    const items = await complete(text);
    assert.deepEqual(labels(items), ['01HZX3K7M2Q9V5B8N4T6W1R0CD', '01ER4ABSP36WG80BMAR2CN1XEY']);
    const line = text.split('\n').findIndex((l) => l.includes(CURSOR));
    assert.deepEqual(range(items[0]!), [line, 17, line, 43]);
  });

  test('after the `@` of a queue address: the subchannels', async () => {
    const items = await complete(
      edit('01ER4ABSP36WG80BMAR2CN1XEY@sms.sinchconversation.com', `01ER4ABSP36WG80BMAR2CN1XEY@${CURSOR}`),
      '@',
    );
    assert.deepEqual(labels(items), [
      'whatsapp',
      'nativechannel',
      'facebook',
      'viber-bot',
      'instagram',
      'viber',
      'telegram',
      'line',
      'rcs',
      'sms',
    ]);
    assert.equal(newText(item(items, 'nativechannel')), 'nativechannel.sinchconversation.com');
    assert.equal(item(items, 'nativechannel').detail, 'Sinch Chat');
  });

  test('in appId: the IDs used in the file', async () => {
    const items = await complete(edit('    - appId: 01ER4ABSP36WG80BMAR2CN1XEY', `    - appId: ${CURSOR}`));
    assert.ok(labels(items).includes('01HZX3K7M2Q9V5B8N4T6W1R0CD'));
  });
});

describe('env references', () => {
  test('`password: ${§}`: the names used in the file, replacing the whole `${}`', async () => {
    const text = edit(
      '        password: ${env:ACME_EU_WEBHOOK_SECRET}\n        triggers',
      `        password: \${${CURSOR}}\n        triggers`,
    );
    const items = await complete(text, '{');
    assert.deepEqual(labels(items), [
      '${env:ACME_EU_WEBHOOK_SECRET}',
      '${env:ACME_US_WEBHOOK_SECRET}',
      '${env:SINCH_ACCESS_KEY_SECRET}',
      '${env:…}',
    ]);
    const line = text.split('\n').findIndex((l) => l.includes(CURSOR));
    assert.deepEqual(range(items[0]!), [line, 18, line, 21]);
    assert.equal(newText(item(items, '${env:…}')), '\\${env:${1:WEBHOOK_SECRET}\\}');
  });
});

/** A file with the given apps (declared in conversationApi) and a queue whose address list holds the cursor. */
function addressFile(apps: { id: string; region: string }[], cursorLine: string): string {
  const api = apps.length
    ? `conversationApi:\n  projectId: c36f3d3d-1513-4edd-ae42-11995557ff61\n  apps:\n${apps.map((a) => `    - appId: ${a.id}\n      region: ${a.region}\n`).join('')}`
    : '';
  return `version: 1\ntenant:\n  name: acme\n  landscape: eu-c1\n${api}queues:\n  - name: Chat\n    type: chat\n    addresses:\n${cursorLine}\n`;
}

const SUBCHANNEL_SNIPPETS: [string, string][] = [
  ['WhatsApp', 'whatsapp'],
  ['Sinch Chat', 'nativechannel'],
  ['Facebook', 'facebook'],
  ['Viber Bot', 'viber-bot'],
  ['Instagram', 'instagram'],
  ['Viber', 'viber'],
  ['Telegram', 'telegram'],
  ['LINE', 'line'],
  ['Google RCS', 'rcs'],
  ['SMS', 'sms'],
];
const EU = '01HZX3K7M2Q9V5B8N4T6W1R0CD';
const US = '01ER4ABSP36WG80BMAR2CN1XEY';
const US2 = '01J0A8D7X3ZS7RT2C9MK4QW6EF';

describe('subchannel address snippets', () => {
  const snippets = (items: CompletionItem[]) => items.filter((i) => i.kind === 15);

  test('no app in the file: ten snippets with an APPID placeholder', async () => {
    const items = snippets(await complete(addressFile([], `      - ${CURSOR}`)));
    assert.deepEqual(
      items.map((i) => [i.label, newText(i)]),
      SUBCHANNEL_SNIPPETS.map(([label, sub]) => [label, `address: \${1:APPID}@${sub}.sinchconversation.com`]),
    );
    for (const i of items) assert.equal(i.insertTextFormat, 2);
  });

  test('one app (written in lowercase in an address): its ID uppercased; SMS with a US app adds smsSenderId', async () => {
    const text = addressFile(
      [{ id: US, region: 'us' }],
      `      - address: ${US.toLowerCase()}@whatsapp.sinchconversation.com\n      - ${CURSOR}`,
    );
    const items = snippets(await complete(text));
    assert.deepEqual(
      items.map((i) => [i.label, newText(i)]),
      SUBCHANNEL_SNIPPETS.map(([label, sub]) => [
        label,
        sub === 'sms'
          ? `address: \${1:${US}}@sms.sinchconversation.com\n        smsSenderId: "\${2}"`
          : `address: \${1:${US}}@${sub}.sinchconversation.com`,
      ]),
    );
    assert.equal(item(items, 'SMS').insertTextMode, 1);
  });

  test('one EU app: SMS without smsSenderId', async () => {
    const items = snippets(await complete(addressFile([{ id: EU, region: 'eu' }], `      - ${CURSOR}`)));
    assert.equal(newText(item(items, 'SMS')), `address: \${1:${EU}}@sms.sinchconversation.com`);
  });

  test('two apps: a choice among them; two US apps: SMS with smsSenderId', async () => {
    const items = snippets(
      await complete(
        addressFile(
          [
            { id: US, region: 'us' },
            { id: US2, region: 'us' },
          ],
          `      - ${CURSOR}`,
        ),
      ),
    );
    assert.deepEqual(
      items.map((i) => [i.label, newText(i)]),
      SUBCHANNEL_SNIPPETS.map(([label, sub]) => [
        label,
        `address: \${1|${US},${US2}|}@${sub}.sinchconversation.com${sub === 'sms' ? '\n        smsSenderId: "${2}"' : ''}`,
      ]),
    );
  });

  test('two apps in different regions: two SMS snippets, the US one with smsSenderId', async () => {
    const items = snippets(
      await complete(
        addressFile(
          [
            { id: EU, region: 'eu' },
            { id: US, region: 'us' },
          ],
          `      - ${CURSOR}`,
        ),
      ),
    );
    assert.equal(newText(item(items, 'WhatsApp')), `address: \${1|${EU},${US}|}@whatsapp.sinchconversation.com`);
    assert.deepEqual(
      items.filter((i) => i.label.startsWith('SMS')).map((i) => [i.label, newText(i)]),
      [
        ['SMS (US, with sender ID)', `address: \${1:${US}}@sms.sinchconversation.com\n        smsSenderId: "\${2}"`],
        ['SMS (outside the US)', `address: \${1:${EU}}@sms.sinchconversation.com`],
      ],
    );
  });

  test('every snippet is found by typing its channel name without the space, or its subchannel', async () => {
    const items = snippets(
      await complete(
        addressFile(
          [
            { id: EU, region: 'eu' },
            { id: US, region: 'us' },
          ],
          `      - ${CURSOR}`,
        ),
      ),
    );
    for (const i of items) {
      const [first, ...rest] = (i.filterText ?? '').split(' ');
      assert.equal(first, i.label.replace(/[^A-Za-z0-9]/g, ''), `${i.label}: ${i.filterText}`);
      const sub = /@([a-z-]+)\./.exec(newText(i))![1]!;
      assert.deepEqual(rest, [sub], i.label);
    }
    assert.equal(item(items, 'Sinch Chat').filterText, 'SinchChat nativechannel');
    assert.equal(item(items, 'Viber Bot').filterText, 'ViberBot viber-bot');
    assert.equal(item(items, 'Google RCS').filterText, 'GoogleRCS rcs');
  });

  test("a snippet's documentation shows the text it inserts, choices and placeholders filled in", async () => {
    const items = snippets(
      await complete(
        addressFile(
          [
            { id: EU, region: 'eu' },
            { id: US, region: 'us' },
          ],
          `      - ${CURSOR}`,
        ),
      ),
    );
    assert.match(
      docOf(item(items, 'SMS (US, with sender ID)')),
      new RegExp(`Inserts:\\n\\n\`\`\`yaml\\naddress: ${US}@sms\\.sinchconversation\\.com\\nsmsSenderId: ""\\n\`\`\`$`),
    );
    assert.match(
      docOf(item(items, 'WhatsApp')),
      new RegExp(`\`\`\`yaml\\naddress: ${EU}@whatsapp\\.sinchconversation\\.com\\n\`\`\`$`),
    );
  });

  test('an empty line in the addresses list: the snippets write the dash, indented for the place', async () => {
    const text = addressFile(
      [{ id: US, region: 'us' }],
      `      - address: ${US}@whatsapp.sinchconversation.com\n      ${CURSOR}`,
    );
    const items = await complete(text);
    assert.equal(
      newText(item(items, 'SMS')),
      `- address: \${1:${US}}@sms.sinchconversation.com\n        smsSenderId: "\${2}"`,
    );
    assert.equal(newText(item(items, 'Telegram')), `- address: \${1:${US}}@telegram.sinchconversation.com`);
    assert.equal(newText(item(items, '- address')), '- address: ');
  });

  test('a client without snippet support gets no snippet, anywhere', async () => {
    const places = [
      addressFile([{ id: US, region: 'us' }], `      - ${CURSOR}`),
      addressFile([{ id: US, region: 'us' }], `      - address: ${US}@sms.sinchconversation.com\n      ${CURSOR}`),
      edit(
        '    authentications:\n      - direction: outbound',
        `    authentications:\n      - ${CURSOR}\n      - direction: outbound`,
      ),
      `${VALID}  - ${CURSOR}`,
      CURSOR,
    ];
    for (const place of places) {
      const items = await completeIn(plain, place);
      assert.ok(items.length > 0, `no completion at all in ${place}`);
      assert.deepEqual(
        items.filter((i) => i.kind === 15 || i.insertTextFormat === 2).map((i) => i.label),
        [],
      );
    }
    // Keys still come, as plain text.
    const keys = await completeIn(plain, 'version: 1\ntenant:\n  name: acme\n  landscape: eu-c1\n§');
    assert.equal(newText(item(keys, 'messagingServices')), 'messagingServices:\n  - ');
  });

  test('snippets are absent in the wrong places', async () => {
    const places = [
      'version: 1\ntenant:\n  §\n', // under tenant
      edit('  - name: Support chat\n', `  - name: Support chat\n    ${CURSOR}\n`), // a queue's keys
      edit(
        '        - target: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all\n',
        `        - ${CURSOR}\n`,
      ), // a webhook item with keys below
      edit('  - name: Sinch US\n', `  - ${CURSOR}name: Sinch US\n`), // an item that already has keys
      edit('      region: eu ', `      region: ${CURSOR} `), // a value
      'version: 1\n§', // a document with content, top level
    ];
    for (const place of places) {
      const items = await complete(place);
      assert.deepEqual(
        items.filter((i) => i.kind === 15).map((i) => i.label),
        [],
        `snippets offered in ${place.slice(0, 80)}`,
      );
    }
  });
});

describe('other snippets', () => {
  test('inbound authentication: target URL from tenant, Contact Pro triggers, password as ${env:…}', async () => {
    const items = await complete(
      edit(
        '    authentications:\n      - direction: outbound',
        `    authentications:\n      - ${CURSOR}\n      - direction: outbound`,
      ),
    );
    assert.equal(
      newText(item(items, 'Inbound authentication')),
      [
        'direction: inbound',
        '        authenticationId: webhook',
        // The secret of the app this service (Sinch EU) serves, not a new name (webhook-secret-mismatch).
        '        password: \\${env:${1:ACME_EU_WEBHOOK_SECRET}\\}',
        '        triggers: [MESSAGE_DELIVERY, MESSAGE_INBOUND]',
        '        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
      ].join('\n'),
    );
    assert.equal(
      newText(item(items, 'Outbound authentication')),
      [
        'direction: outbound',
        `        authenticationId: \${1:5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08}@\${2|${EU},${US}|}`,
        '        password: \\${env:${3:SINCH_ACCESS_KEY_SECRET}\\}',
      ].join('\n'),
    );
  });

  test('a messaging service in messagingServices, a queue in queues, a Sinch app in apps', async () => {
    const service = item(await complete(edit('\nqueues:\n', `  - ${CURSOR}\n\nqueues:\n`)), 'Messaging service');
    assert.match(
      newText(service),
      /^name: \$\{1:Sinch EU\}\n    type: sinchconversation\n    serviceConnection: https:\/\/\$\{2\|eu,us\|\}\.conversation\.api\.sinch\.com\/v1\/projects\/c36f3d3d-1513-4edd-ae42-11995557ff61\/messages:send\n    authentications:\n      - direction: outbound\n/,
    );
    assert.match(newText(service), /\n      - direction: inbound\n        authenticationId: webhook\n/);
    assert.equal(service.kind, 15);
    assert.equal(service.insertTextFormat, 2);

    const queue = item(await complete(`${VALID}  ${CURSOR}`), 'Queue');
    assert.equal(
      newText(queue),
      `- name: \${1:Support chat}\n    type: chat\n    addresses:\n      - address: \${2|${EU},${US}|}@\${3|whatsapp.sinchconversation.com  # WhatsApp,nativechannel.sinchconversation.com  # Sinch Chat,facebook.sinchconversation.com  # Facebook,viber-bot.sinchconversation.com  # Viber Bot,instagram.sinchconversation.com  # Instagram,viber.sinchconversation.com  # Viber,telegram.sinchconversation.com  # Telegram,line.sinchconversation.com  # LINE,rcs.sinchconversation.com  # Google RCS,sms.sinchconversation.com  # SMS|}`,
    );

    const app = item(
      await complete(
        edit('    - appId: 01ER4ABSP36WG80BMAR2CN1XEY', `    - ${CURSOR}\n    - appId: 01ER4ABSP36WG80BMAR2CN1XEY`),
      ),
      'Sinch app',
    );
    assert.match(
      newText(app),
      /^appId: \$\{1:APPID\}\n      name: \$\{2:Support app\}\n      region: \$\{3\|eu,us,br\|\}\n/,
    );
    assert.match(
      newText(app),
      /\n      webhooks:\n        - target: https:\/\/login-eu-c1\.cc\.sinch\.com\/acme\/sms\/sinchconversation\/all\n          secret: \\\$\{env:\$\{5\|ACME_EU_WEBHOOK_SECRET,ACME_US_WEBHOOK_SECRET\|\}\\\}\n/,
    );
  });

  test('snippet defaults: region from the apps and the landscape, the secret the apps already use', async () => {
    const tenant = (landscape: string) =>
      `version: 1\ntenant:\n  name: acme\n  landscape: ${landscape}\nconversationApi:\n  apps:\n    - ${CURSOR}\n`;
    const region = async (text: string) =>
      /region: \$\{3\|([a-z,]+)\|\}/.exec(newText(item(await complete(text), 'Sinch app')))![1];
    assert.equal(await region(tenant('eu-c1')), 'eu,us,br', 'an EU landscape: eu first');
    assert.equal(await region(tenant('na-w2')), 'us,eu,br', 'the North America landscape: us first');
    // The apps already there outweigh the landscape: two US apps on an EU landscape.
    const usApps = `version: 1\ntenant:\n  name: acme\n  landscape: eu-c1\nconversationApi:\n  apps:\n    - appId: ${US}\n      region: us\n    - appId: ${US2}\n      region: us\n    - ${CURSOR}\n`;
    assert.equal(await region(usApps), 'us,eu,br');
    // A new service: the secret of the app no service serves yet first (here: both are served, file order).
    const service = item(await complete(edit('\nqueues:\n', `  - ${CURSOR}\n\nqueues:\n`)), 'Messaging service');
    assert.match(
      newText(service),
      /password: \\\$\{env:\$\{\d+\|ACME_EU_WEBHOOK_SECRET,ACME_US_WEBHOOK_SECRET\|\}\\\}/,
    );
    assert.match(newText(service), /serviceConnection: https:\/\/\$\{2\|eu,us\|\}\./);
  });

  test('an empty document: a whole new file, first', async () => {
    const items = await complete('# sinchcp\n§');
    assert.equal(items[0]!.label, 'New sinchcp file');
    assert.match(
      newText(items[0]!),
      /\ntenant:\n  name: \$\{1:your-tenant\}\n  landscape: \$\{2\|eu-c1,na-w2,au-s2,af-s1\|\}\n/,
    );
    assert.match(newText(items[0]!), /password: \\\$\{env:\$8\\\}/);
    assert.ok(labels(items).includes('messagingServices'));
  });
});

describe('trigger characters and secrets', () => {
  test('a space opens the list only after `key: ` and `- `', async () => {
    assert.deepEqual(await complete('version: 1\ntenant:\n  name: Acme §\n', ' '), []);
    assert.ok((await complete('version: 1\ntenant:\n  name: acme\n  landscape: §\n', ' ')).length === 4);
  });

  test('free text (names) never gets a list, typed or after a space', async () => {
    const places: [string, string][] = [
      ['      name: ACME support EU', '      name: ACME support EU'],
      ['  - name: Sinch EU', '  - name: Sinch'],
      ['  - name: Support chat', '  - name: Support c'],
    ];
    for (const [find, typed] of places) {
      for (const trigger of [undefined, ' ']) {
        const items = await complete(edit(find, `${typed}${CURSOR}`), trigger);
        assert.deepEqual(labels(items), [], `${typed} (${trigger ?? 'typed'})`);
      }
    }
  });

  test('no completion anywhere shows a literal secret value', async () => {
    const secrets = ['hunter2-outbound-literal', 's3cr3t-webhook-token', 'Inbound-Plain-9f8e'];
    const text = VALID.replace('${env:SINCH_ACCESS_KEY_SECRET}', secrets[0]!)
      .replace('${env:ACME_EU_WEBHOOK_SECRET}', secrets[1]!)
      .replace('${env:ACME_EU_WEBHOOK_SECRET}', secrets[2]!);
    assert.ok(secrets.every((s) => text.includes(s)));
    const lines = text.split('\n');
    let seen = 0;
    for (let line = 0; line < lines.length; line++) {
      const content = lines[line]!;
      const indent = content.length - content.trimStart().length;
      const colon = content.indexOf(': ');
      const cursors = new Set([indent, content.length, colon >= 0 ? colon + 2 : content.length]);
      for (const character of cursors) {
        const marked = lines
          .map((l, i) => (i === line ? l.slice(0, character) + CURSOR + l.slice(character) : l))
          .join('\n');
        for (const i of await complete(marked)) {
          seen++;
          const shown = JSON.stringify([i.label, i.detail, i.documentation, i.textEdit, i.insertText, i.labelDetails]);
          for (const secret of secrets)
            assert.ok(!shown.includes(secret), `secret ${secret} shown at ${line}:${character}: ${shown}`);
        }
      }
    }
    assert.ok(seen > 100, `only ${seen} items looked at`);
  });
});

// Opt-in (about a minute): COMPLETION_BENCH=1 node --import tsx --test test/lsp/completion.test.ts
// Validation is turned off for this client so the numbers are completion's own (plus the shared parse of a new
// version); with validation on, a request right after an edit also waits for that version's diagnostics.
describe('latency', { skip: process.env.COMPLETION_BENCH !== '1' }, () => {
  test('p50 of completion on a 20,000-line file', async () => {
    const bench = (await TestLspClient.start({ settings: { validate: { enable: false } } })).client;
    try {
      const big = generateLargeFile(20_000);
      const lines = big.split('\n');
      const uri = 'file:///work/test/large.sinchcp.yaml';
      await bench.open(uri, big, 1);
      const places = [
        { line: lines.length - 2, character: 8 }, // a new address item: keys + ten snippets
        { line: lines.findIndex((l) => l.includes('landscape:')), character: 13 }, // a value near the top
        { line: 20, character: 8 }, // a key in an outbound entry
        { line: lines.length - 1, character: 0 }, // the end of the file
      ];
      const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const cached: number[] = [];
      for (let round = 0; round < 10; round++) {
        for (const position of places) {
          const t0 = performance.now();
          const result = await bench.request<CompletionList>('textDocument/completion', {
            textDocument: { uri },
            position,
          });
          cached.push(performance.now() - t0);
          assert.ok(result.items.length > 0);
        }
      }
      // The first request of a new version: a snippet place needs the (shared) parse; a value place does not.
      const fresh: number[] = [];
      const freshText: number[] = [];
      for (let version = 2; version < 12; version++) {
        await bench.change(uri, version, [{ range: { start: places[2]!, end: places[2]! }, text: '' }]);
        const t0 = performance.now();
        await bench.request('textDocument/completion', {
          textDocument: { uri },
          position: version % 2 ? places[0]! : places[1]!,
        });
        (version % 2 ? fresh : freshText).push(performance.now() - t0);
      }
      console.log(
        `completion on ${lines.length} lines: p50 ${p50(cached).toFixed(1)} ms (parse cached); first request of a new version: p50 ${p50(freshText).toFixed(1)} ms (a value, from the text), p50 ${p50(fresh).toFixed(1)} ms (address snippets, parse included)`,
      );
      assert.ok(p50(cached) < 100, `p50 ${p50(cached)} ms`);
    } finally {
      await bench.stop();
    }
  });
});

/** A valid file of about `lineCount` lines: one service with many outbound entries, one queue with many addresses. */
function generateLargeFile(lineCount: number): string {
  const id = (n: number) =>
    `01${n
      .toString(32)
      .toUpperCase()
      .padStart(24, '0')
      .replace(/[ILOU]/g, 'X')}`;
  const head = [
    'version: 1',
    'tenant:',
    '  name: acme',
    '  landscape: eu-c1',
    'messagingServices:',
    '  - name: Sinch EU',
    '    type: sinchconversation',
    '    serviceConnection: https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send',
    '    authentications:',
  ];
  const apps = Math.floor((lineCount - 20) / 4);
  const out = [...head];
  for (let i = 0; i < apps; i++) {
    out.push(
      '      - direction: outbound',
      `        authenticationId: 5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@${id(i)}`,
      '        password: ${env:SINCH_ACCESS_KEY_SECRET}',
    );
  }
  out.push('queues:', '  - name: Chat', '    type: chat', '    addresses:');
  while (out.length < lineCount - 2)
    out.push(`      - address: ${id(out.length % apps)}@whatsapp.sinchconversation.com`);
  out.push('      - ', '');
  return out.join('\n');
}
