// The server keeps the protocol's rules: nothing is served before `initialize` (ServerNotInitialized) or after
// `shutdown` (InvalidRequest); malformed params answer InvalidParams without a stack trace in the log;
// `$/cancelRequest` answers RequestCancelled; an unknown method answers MethodNotFound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { DEFAULT_CAPABILITIES, TestLspClient } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const URI = 'file:///work/protocol/acme.sinchcp.yaml';
const AT = { textDocument: { uri: URI }, position: { line: 4, character: 4 } };

async function errorCode(request: Promise<unknown>): Promise<number | string> {
  try {
    await request;
    return 'answered';
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error.code;
  }
}

test('requests before initialize answer ServerNotInitialized (-32002)', async () => {
  const client = TestLspClient.spawn();
  try {
    assert.equal(await errorCode(client.request('textDocument/hover', AT)), -32002);
    assert.equal(await errorCode(client.request('textDocument/completion', AT)), -32002);
    assert.equal(await errorCode(client.request('sinchcp/unknown', {})), -32002);
    // …and once initialized, the same server serves.
    await client.request('initialize', { processId: null, rootUri: null, capabilities: DEFAULT_CAPABILITIES });
    await client.connection.sendNotification('initialized', {});
    await client.open(URI, VALID, 1);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', AT);
    assert.match(hover!.contents.value, /landscape/i);
    assert.equal(await errorCode(client.request('sinchcp/unknown', {})), -32601);
  } finally {
    await client.stop();
  }
});

test('requests after shutdown answer InvalidRequest (-32600); exit then ends the process with 0', async () => {
  const { client } = await TestLspClient.start();
  await client.open(URI, VALID, 1);
  assert.equal(await client.request('shutdown', undefined), null);
  assert.equal(await errorCode(client.request('textDocument/hover', AT)), -32600);
  assert.equal(await errorCode(client.request('textDocument/documentSymbol', { textDocument: { uri: URI } })), -32600);
  assert.equal(await errorCode(client.request('sinchcp/unknown', {})), -32600);
  await client.connection.sendNotification('exit');
  await client.waitFor(() => client.exitCode !== null, 'the server to exit');
  assert.equal(client.exitCode, 0);
  await client.stop();
});

test('malformed params answer InvalidParams (-32602) naming what is wrong, and log no stack trace', async () => {
  const { client } = await TestLspClient.start();
  try {
    await client.open(URI, VALID, 1);
    const cases: [string, unknown, RegExp][] = [
      ['textDocument/hover', { textDocument: { uri: URI } }, /position/],
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: -1, character: 0 } }, /position\.line/],
      ['textDocument/hover', { position: { line: 0, character: 0 } }, /textDocument/],
      [
        'textDocument/completion',
        { textDocument: { uri: URI }, position: { line: 0, character: -3 } },
        /position\.character/,
      ],
      [
        'textDocument/completion',
        { textDocument: { uri: URI }, position: { line: 0.5, character: 0 } },
        /position\.line/,
      ],
      ['textDocument/definition', { textDocument: {}, position: { line: 0, character: 0 } }, /textDocument\.uri/],
      ['textDocument/references', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }, /context/],
      ['textDocument/rename', { textDocument: { uri: URI }, position: { line: 0, character: 0 } }, /newName/],
      ['textDocument/prepareRename', { textDocument: { uri: URI }, position: 'start' }, /position/],
      ['textDocument/documentSymbol', { textDocument: 7 }, /textDocument/],
      ['textDocument/codeAction', { textDocument: { uri: URI }, context: { diagnostics: [] } }, /range/],
      [
        'textDocument/codeAction',
        { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        /context/,
      ],
      ['workspace/executeCommand', { arguments: [] }, /command/],
    ];
    for (const [method, params, reason] of cases) {
      try {
        await client.request(method, params);
        assert.fail(`${method} ${JSON.stringify(params)} was answered`);
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}`);
        assert.match(error.message, reason, `${method} ${JSON.stringify(params)}`);
      }
    }
    // The document is still served, and nothing was logged for the bad params.
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', AT);
    assert.match(hover!.contents.value, /landscape/i);
    assert.deepEqual(
      client.logs.filter((line) => /\n\s+at |Error/.test(line)),
      [],
    );
  } finally {
    await client.stop();
  }
});

test('$/cancelRequest: a cancelled request answers RequestCancelled (-32800)', async () => {
  // The runaway hook holds the worker busy, so the cancellation arrives while the request is still running.
  const { client } = await TestLspClient.start({
    env: { SINCHCP_TEST_HOOKS: '1', SINCHCP_REQUEST_TIME_LIMIT_MS: '1000' },
  });
  try {
    await client.open(URI, `${VALID}# sinchcp-test-runaway: textDocument/hover\n`, 1);
    await client.waitForDiagnostics(URI, (p) => p.version === 1);
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest('textDocument/hover', AT, source.token);
    setTimeout(() => source.cancel(), 50);
    assert.equal(await errorCode(hover), -32800, 'cancelled while running');
    // Cancelled right after it was sent ($/cancelRequest follows it on the wire): RequestCancelled, whether the
    // cancellation finds it waiting or running.
    const next = new CancellationTokenSource();
    const nextHover = client.connection.sendRequest('textDocument/hover', AT, next.token);
    next.cancel();
    assert.equal(await errorCode(nextHover), -32800, 'cancelled right after it was sent');
    // Not cancelled: answered.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(symbols.length > 0);
  } finally {
    await client.stop();
  }
});
