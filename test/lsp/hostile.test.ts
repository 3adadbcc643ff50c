// The real server over stdio never dies on hostile documents: after each one it still publishes diagnostics
// for it, answers requests on it, and checks a normal document as before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestLspClient } from '../helpers/lspClient';
import { generate, prng } from '../bench/generate';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const MISTAKES = readFileSync(join(__dirname, '..', '..', 'examples', 'onboarding-mistakes.sinchcp.yaml'), 'utf8');
let client: TestLspClient;

before(async () => {
  client = (await TestLspClient.start()).client;
});
after(() => client.stop());

const random = prng(4242);
const BINARY = Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(random() * 256)));
const BILLION_LAUGHS =
  [
    'lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
  ].join('\n') + '\n';

const HOSTILE: [string, string][] = [
  ['10,000 [', '['.repeat(10_000)],
  ['10,000 [ closed', '['.repeat(10_000) + ']'.repeat(10_000)],
  ['10,000 { after a key', 'a: ' + '{'.repeat(10_000)],
  ['10,000 "- "', '- '.repeat(10_000) + 'x'],
  ['10,000 "? "', '? '.repeat(10_000) + 'x'],
  ['alias bomb', BILLION_LAUGHS],
  ['alias bomb in a valid file', BILLION_LAUGHS + VALID.replace('channels: [WHATSAPP, SINCH_CHAT]', 'channels: *a9')],
  ['alias cycle', 'a: &a { k: *a }\nmessagingServices: &s [ *s ]\n'],
  ['binary (utf8)', BINARY.toString('utf8')],
  ['binary (latin1)', BINARY.toString('latin1')],
  ['NUL, lone surrogates, emoji, CR', VALID.replace(/\n/g, '\r').replace(/acme/g, 'a\u0000\uD800😀\uDC00')],
  ['20,000 lines', generate({ lines: 20_000, seed: 3 }).text],
];

/** Waits for the diagnostics of `uri` at `version` (published after `since`). */
function diagnosticsOf(uri: string, version: number, since: number, timeoutMs = 30_000) {
  return client.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs, since);
}

async function assertServesNormally(label: string): Promise<void> {
  const uri = `file:///work/hostile/normal-after-${label.replace(/\W+/g, '-')}.sinchcp.yaml`;
  const since = client.published.length;
  await client.open(uri, MISTAKES, 1);
  const diagnostics = await diagnosticsOf(uri, 1, since);
  assert.ok(
    diagnostics.some((d) => d.code === 'app-id-case'),
    `after ${label}: the mistakes example is checked as before`,
  );
  const actions = await client.request<unknown[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.sinchcp'] },
  });
  assert.ok(Array.isArray(actions) && actions.length === 1, `after ${label}: fix-all is answered`);
  await client.close(uri);
}

for (const [label, text] of HOSTILE) {
  test(`hostile document: ${label}`, { timeout: 120_000 }, async () => {
    const uri = `file:///work/hostile/${label.replace(/\W+/g, '-')}.sinchcp.yaml`;
    const since = client.published.length;
    await client.open(uri, text, 1);
    const diagnostics = await diagnosticsOf(uri, 1, since);
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of diagnostics) {
      assert.ok(
        d.range.start.line < lines.length && d.range.end.line < lines.length,
        `${d.code} range outside the document`,
      );
      assert.ok(d.range.end.character <= lines[d.range.end.line]!.length, `${d.code} range beyond its line`);
    }
    // An edit at the start, twice (the abort this guards against came on the second parse), then requests.
    for (const version of [2, 3]) {
      const mark = client.published.length;
      await client.change(uri, version, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: version === 2 ? '[' : '' },
      ]);
      await diagnosticsOf(uri, version, mark);
    }
    const quickFixes = await client.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: Math.min(lines.length - 1, 50), character: 0 } },
      context: {
        diagnostics: diagnostics.slice(0, 20).map((d) => ({ ...d, data: { ...(d.data as object), version: 3 } })),
      },
    });
    assert.ok(Array.isArray(quickFixes));
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol']) {
      try {
        await client.request(method, { textDocument: { uri }, position: { line: 0, character: 1 } });
      } catch (error) {
        // Not served yet (features landing) is fine; anything else is the server failing on this document.
        assert.match(String((error as Error).message), /Unhandled method/, `${method} on ${label}`);
      }
    }
    await client.close(uri);
    await assertServesNormally(label);
    assert.doesNotMatch(client.stderr, /FATAL|out of memory|Maximum call stack/, 'server stderr');
  });
}
