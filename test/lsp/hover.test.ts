// Hover over real stdio against dist/server.js: every key of the format (walked from the zod schema) shows
// its description first; each kind of value has its own answer; a literal secret's value never appears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, TestLspClient } from '../helpers/lspClient';
import { docAt, keysAt, schemaAt, unwrap, type SchemaPath } from '../../server/src/schema/navigate';

const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
// The example plus the one optional key it leaves out (a webhook's targetType): every key of docs/format.md#the-keys.
const COMPLETE = EXAMPLE.replace(
  '          secret: ${env:ACME_EU_WEBHOOK_SECRET}\n',
  '          secret: ${env:ACME_EU_WEBHOOK_SECRET}\n          targetType: HTTP\n',
);
const URI = 'file:///work/test/hover.sinchcp.yaml';

let client: TestLspClient;
before(async () => {
  client = (await TestLspClient.start()).client;
  await client.open(URI, COMPLETE, 1);
});
after(() => client.stop());

// ---- helpers ------------------------------------------------------------------------------------------

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function rangeAt(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** The offset of `|` in `marked`, a snippet that occurs exactly once in `text` (without the marker). */
function cursor(text: string, marked: string): number {
  const bar = marked.indexOf('|');
  const needle = marked.slice(0, bar) + marked.slice(bar + 1);
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `snippet not found: ${needle}`);
  assert.equal(text.indexOf(needle, at + 1), -1, `snippet not unique: ${needle}`);
  return at + bar;
}

/** The range of `part`, searched from the start of `marked`'s snippet (so a repeated part can be pinned). */
function rangeOf(text: string, marked: string, part: string): Range {
  const needle = marked.replace('|', '');
  const from = text.indexOf(needle);
  const start = text.indexOf(part, from);
  assert.ok(start >= 0 && start < from + needle.length, `${part} not in ${needle}`);
  return rangeAt(text, start, start + part.length);
}

async function hover(uri: string, text: string, offset: number, on = client): Promise<Hover | null> {
  return on.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, offset) });
}

async function hoverAt(marked: string): Promise<{ value: string; range: Range | undefined; kind: string }> {
  const answer = await hover(URI, COMPLETE, cursor(COMPLETE, marked));
  assert.ok(answer, `no hover at ${marked}`);
  const contents = answer.contents as MarkupContent;
  return { value: contents.value, range: answer.range, kind: contents.kind };
}

/** The key nodes of the file, by schema path (list indexes as 0): path → [start, end] of the key. */
function keyOffsets(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const visit = (node: unknown, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const p = [...path, key];
        if (!out.has(p.join('.'))) out.set(p.join('.'), [pair.key.range![0], pair.key.range![1]]);
        visit(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item) => visit(item, [...path, '0']));
    }
  };
  visit(parseDocument(text).contents, []);
  return out;
}

/** Every key path of the format, walked from the zod schema (list elements as index 0). */
function schemaKeyPaths(path: SchemaPath = []): SchemaPath[] {
  const out: SchemaPath[] = [];
  for (const { key } of keysAt(path)) {
    const child = [...path, key];
    out.push(child);
    const node = schemaAt(child);
    const inner = node && unwrap(node);
    out.push(...schemaKeyPaths(inner instanceof z.ZodArray ? [...child, 0] : child));
  }
  return out;
}

// ---- keys ---------------------------------------------------------------------------------------------

test("hover on every key of the format: its description first, then its facts, on the key's range", async () => {
  const paths = schemaKeyPaths();
  assert.ok(paths.length >= 30, `only ${paths.length} keys walked`);
  const offsets = keyOffsets(COMPLETE);
  for (const path of paths) {
    const name = path.join('.');
    const doc = docAt(path);
    assert.ok(doc?.description, `no docs for ${name}`);
    const at = offsets.get(name);
    assert.ok(at, `the complete file lacks ${name}`);
    const answer = await hover(URI, COMPLETE, at[0] + 1);
    assert.ok(answer, `no hover on ${name}`);
    const { kind, value } = answer.contents as MarkupContent;
    assert.equal(kind, 'markdown');
    assert.ok(value.trim().length > 0, `empty hover on ${name}`);
    assert.equal(value.split('\n')[0], doc.description, `first line of ${name}`);
    assert.deepEqual(answer.range, rangeAt(COMPLETE, at[0], at[1]), `range of ${name}`);
    if (doc.source) assert.ok(value.includes(`**Where to find it:** ${doc.source}`), `source of ${name}`);
    if (doc.destination) assert.ok(value.includes(`**Where it goes:** ${doc.destination}`), `destination of ${name}`);
    if (doc.example) assert.ok(value.includes(doc.example), `example of ${name}`);
    for (const rule of doc.rules ?? []) assert.ok(value.includes(`\`${rule}\``), `rule ${rule} of ${name}`);
    assert.ok(value.split('\n').length <= 12, `hover of ${name} too long`);
  }
});

test('processingMode key hover says the Contact Pro pages differ', async () => {
  const { value } = await hoverAt('      proc|essingMode: DISPATCH\n      channels: [WHATSAPP, SINCH_CHAT]');
  assert.match(value, /Contact Pro pages differ/);
});

// ---- values -------------------------------------------------------------------------------------------

const VALUE_CASES: { name: string; at: string; part: string; first: RegExp; contains?: (string | RegExp)[] }[] = [
  {
    name: 'app ID (conversationApi)',
    at: '- appId: 01HZX3|K7M2Q9V5B8N4T6W1R0CD',
    part: '01HZX3K7M2Q9V5B8N4T6W1R0CD',
    first: /^Conversation API app `01HZX3K7M2Q9V5B8N4T6W1R0CD` "ACME support EU"$/,
    contains: ['**Region:** `eu`', '**Served by:** Sinch EU', '**Queues:** Support chat (`whatsapp`, `nativechannel`)'],
  },
  {
    name: 'app ID (after @ in an outbound authenticationId)',
    at: '5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01ER4A|BSP36WG80BMAR2CN1XEY',
    part: '01ER4ABSP36WG80BMAR2CN1XEY',
    first:
      /^Conversation API app `01ER4ABSP36WG80BMAR2CN1XEY` "ACME SMS US" \(the app part of this outbound Authentication ID\)$/,
    contains: ['**Region:** `us`', '**Served by:** Sinch US', '**Queues:** US SMS (`sms`)'],
  },
  {
    name: 'app ID (queue address)',
    at: '- address: 01HZX3K7M2Q9V5B8N4T6W1R0C|D@nativechannel',
    part: '01HZX3K7M2Q9V5B8N4T6W1R0CD',
    first: /^Conversation API app `01HZX3K7M2Q9V5B8N4T6W1R0CD` .*queue address/,
    contains: ['**Served by:** Sinch EU'],
  },
  {
    name: 'region',
    at: 'region: e|u',
    part: 'eu',
    first: /^Conversation API region `eu`: EU Ireland/,
    contains: ['`https://eu.conversation.api.sinch.com/v1/projects/{projectId}/messages:send`'],
  },
  {
    name: 'landscape',
    at: 'landscape: eu-|c1',
    part: 'eu-c1',
    first: /^Contact Pro landscape `eu-c1`: EU \(Frankfurt\) data centre$/,
    contains: ['`login-eu-c1.cc.sinch.com`'],
  },
  {
    name: 'trigger (inbound authentication)',
    at: '        triggers: [MESSAGE_DELIVERY, MESSAGE_IN|BOUND]\n        targetUrl: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all\n  - name: Sinch US',
    part: 'MESSAGE_INBOUND',
    first: /^Webhook trigger `MESSAGE_INBOUND`: Inbound messages from end users/,
  },
  {
    name: 'subchannel',
    at: '01HZX3K7M2Q9V5B8N4T6W1R0CD@whats|app',
    part: 'whatsapp',
    first: /^Queue-address subchannel `whatsapp`: WhatsApp$/,
    contains: ['`WHATSAPP`'],
  },
  {
    name: 'channel',
    at: '[WHATSAPP, SINCH_|CHAT]',
    part: 'SINCH_CHAT',
    first: /^Conversation API channel `SINCH_CHAT`: Sinch Chat$/,
    contains: ['`{APPID}@nativechannel.sinchconversation.com`'],
  },
  {
    name: 'processing mode',
    at: 'processingMode: DISP|ATCH\n      channels: [WHATSAPP',
    part: 'DISPATCH',
    first: /^Processing mode `DISPATCH`: /,
    contains: ['Contact Pro pages differ', 'Conversation mode', '2025-04-16'],
  },
  {
    name: 'service connection URL',
    at: 'serviceConnection: https://us.conv|ersation',
    part: 'https://us.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send',
    first: /^Service Connection: /,
    contains: [
      '**Region:** `us`: US East',
      '**Project ID:** `c36f3d3d-1513-4edd-ae42-11995557ff61` (the project of `conversationApi`)',
      '**Serves apps:** `01ER4ABSP36WG80BMAR2CN1XEY`',
    ],
  },
  {
    name: 'webhook target URL',
    at: '- target: https://login-eu-c1.cc.sinch.com/ac|me/sms/sinchconversation/all\n          secret: ${env:ACME_EU',
    part: 'https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
    first: /^Webhook target: /,
    contains: [
      "**Landscape:** `eu-c1`: EU (Frankfurt) (the tenant's landscape)",
      "**Tenant:** `acme` (the file's tenant)",
      '**Path:** `/sms/sinchconversation/all`',
    ],
  },
  {
    name: 'secret reference',
    at: 'secret: ${env:ACME_US_WEB|HOOK_SECRET}',
    part: '${env:ACME_US_WEBHOOK_SECRET}',
    first: /^Webhook secret token: environment variable `ACME_US_WEBHOOK_SECRET`$/,
  },
  {
    name: 'password reference',
    at: 'password: ${env:SINCH_ACCESS|_KEY_SECRET}\n      - direction: inbound\n        authenticationId: webhook\n        password: ${env:ACME_EU',
    part: '${env:SINCH_ACCESS_KEY_SECRET}',
    first: /^Access key secret \(outbound password\): environment variable `SINCH_ACCESS_KEY_SECRET`$/,
  },
];

for (const c of VALUE_CASES) {
  test(`hover on a value: ${c.name}`, async () => {
    const { value, range, kind } = await hoverAt(c.at);
    assert.equal(kind, 'markdown');
    assert.match(value.split('\n')[0]!, c.first);
    assert.deepEqual(range, rangeOf(COMPLETE, c.at, c.part));
    for (const expected of c.contains ?? []) {
      if (typeof expected === 'string') assert.ok(value.includes(expected), `missing ${expected} in:\n${value}`);
      else assert.match(value, expected);
    }
  });
}

test('an app ID hover names a region that comes from the serving service when the app is not declared', async () => {
  const uri = 'file:///work/test/undeclared.sinchcp.yaml';
  const text =
    COMPLETE.slice(0, COMPLETE.indexOf('conversationApi:')) + COMPLETE.slice(COMPLETE.indexOf('messagingServices:'));
  await client.open(uri, text, 1);
  const answer = await hover(uri, text, cursor(text, '01ER4ABSP36WG80BMAR2CN|1XEY@sms'));
  const value = (answer!.contents as MarkupContent).value;
  assert.match(value, /\*\*Region:\*\* `us`: US East .*\(from the Service Connection of the service serving it\)/);
});

test('no hover on a comment or a blank line', async () => {
  assert.equal(await hover(URI, COMPLETE, cursor(COMPLETE, '# sinchcp: ACME|')), null);
  assert.equal(await hover(URI, COMPLETE, cursor(COMPLETE, 'version: 1\n|')), null);
});

test('plain text for a client without Markdown hover', async () => {
  const plain = (
    await TestLspClient.start({
      capabilities: {
        ...DEFAULT_CAPABILITIES,
        textDocument: { ...DEFAULT_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } },
      },
    })
  ).client;
  try {
    await plain.open(URI, COMPLETE, 1);
    const answer = await hover(URI, COMPLETE, cursor(COMPLETE, 'serviceConnection: https://eu.conv|ersation'), plain);
    const contents = answer!.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.doesNotMatch(contents.value, /[`*]/);
    assert.match(contents.value, /^Service Connection: /);
    assert.match(contents.value, /\nRegion: eu: EU Ireland/);
    const key = await hover(URI, COMPLETE, cursor(COMPLETE, 'tenant:\n  na|me: acme'), plain);
    assert.equal(
      (key!.contents as MarkupContent).value.split('\n')[0],
      'The Contact Pro tenant name, as in the login URL.',
    );
  } finally {
    await plain.stop();
  }
});

// ---- secrets ------------------------------------------------------------------------------------------

const SECRETS = [
  'Pl41n-Outbound-S3cret',
  'qu0ted_inbound#secret',
  'webhook-Literal-Token-77',
  'bl0ck-Scalar-Secret',
  'Cr3d-In-Url-55',
  'x',
];
const WITH_LITERALS = COMPLETE.replace('password: ${env:SINCH_ACCESS_KEY_SECRET}', `password: ${SECRETS[0]}`)
  .replace('password: ${env:ACME_EU_WEBHOOK_SECRET}', `password: "${SECRETS[1]}"`)
  .replace('secret: ${env:ACME_EU_WEBHOOK_SECRET}', `secret: ${SECRETS[2]}`)
  .replace('secret: ${env:ACME_US_WEBHOOK_SECRET}', `secret: |\n            ${SECRETS[3]}`)
  .replace(
    'serviceConnection: https://us.conversation',
    `serviceConnection: https://admin:${SECRETS[4]}@us.conversation`,
  )
  .replace(
    'targetUrl: https://login-eu-c1.cc.sinch.com/acme',
    `targetUrl: https://admin:${SECRETS[4]}@login-eu-c1.cc.sinch.com/acme`,
  )
  .replace('password: ${env:ACME_US_WEBHOOK_SECRET}', `password: '${SECRETS[5]}'`)
  .replace('password: ${env:SINCH_ACCESS_KEY_SECRET}', 'password: ${env:not a name}');

test('no hover anywhere shows the value of a literal secret', async () => {
  for (const s of SECRETS) assert.ok(WITH_LITERALS.includes(s), `fixture lacks ${s}`);
  const uri = 'file:///work/test/literal-secrets.sinchcp.yaml';
  await client.open(uri, WITH_LITERALS, 1);
  const lines = WITH_LITERALS.split('\n');
  let hovers = 0;
  let secretHovers = 0;
  for (let line = 0; line < lines.length; line++) {
    const requests = [];
    for (let character = 0; character <= lines[line]!.length; character++) {
      requests.push(
        client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }),
      );
    }
    for (const answer of await Promise.all(requests)) {
      if (!answer) continue;
      hovers++;
      const value = (answer.contents as MarkupContent).value.replace(/\\/g, '');
      for (const secret of SECRETS.slice(0, 5))
        assert.ok(!value.includes(secret), `hover on line ${line + 1} shows a secret:\n${value}`);
      if (/a literal secret is written here|not a valid reference/.test(value)) {
        secretHovers++;
        // The one-letter secret `x`: the secret hover says nothing but fixed text.
        assert.doesNotMatch(value, /`x`/);
      }
    }
  }
  assert.ok(hovers > 500, `only ${hovers} hovers answered`);
  assert.ok(secretHovers >= 6 * 2, `only ${secretHovers} hovers on literal secrets`);
});

test("a literal secret's hover asks for an env reference and covers the value", async () => {
  const uri = 'file:///work/test/literal-secrets.sinchcp.yaml';
  const offset = cursor(WITH_LITERALS, `password: ${SECRETS[0]!.slice(0, 4)}|`);
  const answer = await hover(uri, WITH_LITERALS, offset);
  const value = (answer!.contents as MarkupContent).value;
  assert.equal(
    value.split('\n')[0],
    'Access key secret (outbound password): a literal secret is written here; use `${env:…}` instead.',
  );
  const start = WITH_LITERALS.indexOf(SECRETS[0]!);
  assert.deepEqual(answer!.range, rangeAt(WITH_LITERALS, start, start + SECRETS[0]!.length));
});
