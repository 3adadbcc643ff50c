// No runaway freezes the server: a request or a check that never returns is cut off by the watchdog after its
// time limit, answered with its harmless default (a check publishes one diagnostic saying it stopped), logged
// by method, document and position (never by content), and the server goes on publishing diagnostics and
// answering requests. The runaway is injected with the test hook (SINCHCP_TEST_HOOKS=1 plus a
// `# sinchcp-test-runaway: <method>` line), which is inert without that environment variable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { TestLspClient } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const MISTAKES = readFileSync(join(__dirname, '..', '..', 'examples', 'onboarding-mistakes.sinchcp.yaml'), 'utf8');
const LANDSCAPE = VALID.split('\n').findIndex((line) => line.includes('landscape: eu-c1'));
const HOOK_ENV = {
  SINCHCP_TEST_HOOKS: '1',
  SINCHCP_REQUEST_TIME_LIMIT_MS: '1000',
  SINCHCP_CHECK_TIME_LIMIT_MS: '1000',
};

/** The valid example with a runaway marker for `method` appended (the marker is a comment: no findings). */
const runaway = (method: string, kind = 'runaway') => `${VALID}# sinchcp-test-${kind}: ${method}\n`;
const hoverAt = (uri: string) => ({ textDocument: { uri }, position: { line: LANDSCAPE, character: 4 } });

let client: TestLspClient;
before(async () => {
  client = (await TestLspClient.start({ env: HOOK_ENV })).client;
});
after(() => client.stop());

test('a hover that never returns is cut off; diagnostics and other requests go on; the log names it', async () => {
  const stuck = 'file:///work/watchdog/stuck-hover.sinchcp.yaml';
  const normal = 'file:///work/watchdog/normal.sinchcp.yaml';
  await client.open(stuck, runaway('textDocument/hover'), 1);
  await client.open(normal, VALID, 1);
  await client.waitForDiagnostics(normal, (p) => p.version === 1);

  const stuckHover = client.request('textDocument/hover', hoverAt(stuck));
  // While the worker spins: a change that introduces a mistake, then requests on the other document.
  const mark = client.published.length;
  await client.change(normal, 2, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'bogusKey: 1\n' },
  ]);
  const hover = client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri: normal },
    position: { line: LANDSCAPE + 1, character: 4 }, // one line down after the change
  });
  const symbols = client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: normal } });

  assert.equal(await stuckHover, null, 'the cut-off hover is answered with no hover');
  const diagnostics = await client.waitForDiagnostics(normal, (p) => p.version === 2, 10_000, mark);
  assert.ok(
    diagnostics.some((d) => d.code === 'unknown-key'),
    'the change made after the runaway started is checked',
  );
  assert.match((await hover)!.contents.value, /landscape/i, 'hover on the other document is answered');
  assert.ok((await symbols).length > 0, 'symbols of the other document are answered');

  const cutOff = client.logs.filter((line) => line.startsWith('[watchdog] cut off'));
  assert.equal(cutOff.length, 1, client.logs.join('\n'));
  assert.equal(
    cutOff[0],
    `[watchdog] cut off textDocument/hover ${stuck} at ${LANDSCAPE}:4: it ran longer than 1000 ms; restarting the analysis worker`,
  );

  // And after the restart, the stuck document itself still gets its other answers.
  const symbolsOfStuck = await client.request<unknown[]>('textDocument/documentSymbol', {
    textDocument: { uri: stuck },
  });
  assert.ok(symbolsOfStuck.length > 0);
  await client.close(stuck);
  await client.close(normal);
});

test('a check that never returns publishes one diagnostic saying so; other documents are checked', async () => {
  const stuck = 'file:///work/watchdog/stuck-check.sinchcp.yaml';
  const other = 'file:///work/watchdog/other.sinchcp.yaml';
  const logsBefore = client.logs.length;
  const mark = client.published.length;
  await client.open(stuck, runaway('sinchcp/diagnostics'), 1);
  await client.open(other, MISTAKES, 1);
  const stopped = await client.waitForDiagnostics(stuck, (p) => p.version === 1, 10_000, mark);
  assert.deepEqual(
    stopped.map((d) => [d.range.start, d.severity, d.message]),
    [
      [
        { line: 0, character: 0 },
        2,
        'sinchcp stopped checking this file because it ran longer than 1000 ms; its problems are not shown. Edit the file to check it again.',
      ],
    ],
  );
  const otherDiagnostics = await client.waitForDiagnostics(other, (p) => p.version === 1, 10_000, mark);
  assert.ok(otherDiagnostics.some((d) => d.code === 'app-id-case'));
  assert.deepEqual(
    client.logs.slice(logsBefore).filter((line) => line.startsWith('[watchdog]')),
    [
      `[watchdog] cut off sinchcp/diagnostics ${stuck} version 1: it ran longer than 1000 ms; restarting the analysis worker`,
    ],
  );
  await client.close(stuck);
  await client.close(other);
});

test('a runaway the client cancels is answered RequestCancelled at once and still cut off', async () => {
  const stuck = 'file:///work/watchdog/stuck-completion.sinchcp.yaml';
  const normal = 'file:///work/watchdog/after-cancel.sinchcp.yaml';
  await client.open(stuck, runaway('textDocument/completion'), 1);
  await client.open(normal, VALID, 1);
  const logsBefore = client.logs.length;
  const source = new CancellationTokenSource();
  const completion = client.connection.sendRequest('textDocument/completion', hoverAt(stuck), source.token);
  // A request queued behind the runaway, cancelled too: answered without waiting for the worker.
  const queuedSource = new CancellationTokenSource();
  const queued = client.connection.sendRequest('textDocument/hover', hoverAt(normal), queuedSource.token);
  // Cancelled only once the worker runs it: cancelled earlier, it would be dropped before it started.
  await client.waitFor(
    () => client.logs.slice(logsBefore).includes('[test hook] textDocument/completion runs away'),
    'the runaway to start',
  );
  source.cancel();
  queuedSource.cancel();
  for (const answer of [completion, queued]) {
    await assert.rejects(answer, (error: unknown) => error instanceof ResponseError && error.code === -32800);
  }
  assert.ok(
    !client.logs.slice(logsBefore).some((line) => line.startsWith('[watchdog]')),
    'answered before the time limit',
  );
  // The cancelled runaway still occupies the worker until the watchdog cuts it off; then requests are answered.
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', hoverAt(normal));
  assert.match(hover!.contents.value, /landscape/i);
  assert.deepEqual(
    client.logs.slice(logsBefore).filter((line) => line.startsWith('[watchdog]')),
    [
      `[watchdog] cut off textDocument/completion ${stuck} at ${LANDSCAPE}:4: it ran longer than 1000 ms; restarting the analysis worker`,
    ],
  );
  await client.close(stuck);
  await client.close(normal);
});

test('the runaway hook is inert without SINCHCP_TEST_HOOKS', async () => {
  const plain = (await TestLspClient.start({ env: { SINCHCP_REQUEST_TIME_LIMIT_MS: '1000' } })).client;
  try {
    const uri = 'file:///work/watchdog/inert.sinchcp.yaml';
    await plain.open(uri, runaway('textDocument/hover'), 1);
    const hover = await plain.request<{ contents: { value: string } } | null>('textDocument/hover', hoverAt(uri));
    assert.match(hover!.contents.value, /landscape/i);
    assert.deepEqual(
      plain.logs.filter((line) => line.startsWith('[watchdog]')),
      [],
    );
  } finally {
    await plain.stop();
  }
});

test('a check that throws publishes one diagnostic saying so (not nothing); the stack goes to the log', async () => {
  const failing = 'file:///work/watchdog/throwing-check.sinchcp.yaml';
  const logsBefore = client.logs.length;
  const mark = client.published.length;
  await client.open(failing, runaway('sinchcp/diagnostics', 'throw'), 1);
  const diagnostics = await client.waitForDiagnostics(failing, (p) => p.version === 1, 10_000, mark);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      'sinchcp stopped checking this file because of an internal error (logged in the Sinch Contact Pro output); its problems are not shown. Edit the file to check it again.',
    ],
  );
  const logged = client.logs.slice(logsBefore);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /^\[sinchcp\/diagnostics\] Error: test hook: sinchcp\/diagnostics throws\n\s+at /);
  // A request that throws answers its harmless default.
  await client.change(failing, 2, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      text: '# sinchcp-test-throw: textDocument/hover\n',
    },
  ]);
  assert.equal(await client.request('textDocument/hover', hoverAt(failing)), null);
  await client.close(failing);
});

test('a worker that dies while computing is replaced: the request gets its default, the next ones are served', async () => {
  const dying = 'file:///work/watchdog/dying.sinchcp.yaml';
  const normal = 'file:///work/watchdog/after-death.sinchcp.yaml';
  await client.open(dying, runaway('textDocument/documentSymbol', 'exit'), 1);
  await client.open(normal, VALID, 1);
  const logsBefore = client.logs.length;
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: dying } }), []);
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', hoverAt(normal));
  assert.match(hover!.contents.value, /landscape/i);
  assert.deepEqual(client.logs.slice(logsBefore), [
    `[watchdog] the analysis worker stopped (exit code 70) while computing textDocument/documentSymbol ${dying}; restarting it`,
  ]);
  await client.close(dying);
  await client.close(normal);
});

test('a runaway check of a file on disk runs in the background worker: requests are answered meanwhile', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'sinchcp-watchdog-'));
  try {
    const path = join(folder, 'stuck-on-disk.sinchcp.yaml');
    writeFileSync(path, runaway('sinchcp/checkFile'));
    const fileUri = pathToFileURL(path).href;
    const normal = 'file:///work/watchdog/while-background-spins.sinchcp.yaml';
    await client.open(normal, VALID, 1);
    const logsBefore = client.logs.length;
    const mark = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri, type: 1 }],
    });
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', hoverAt(normal));
    assert.match(hover!.contents.value, /landscape/i);
    // The hook says when the runaway starts; every other line would be a cut-off or an error.
    const logsSince = () => client.logs.slice(logsBefore).filter((line) => !line.startsWith('[test hook]'));
    assert.deepEqual(logsSince(), [], 'answered while the background check still ran');
    const stopped = await client.waitForDiagnostics(fileUri, () => true, 10_000, mark);
    assert.equal(stopped.length, 1);
    assert.match(stopped[0]!.message, /^sinchcp stopped checking this file because it ran longer than 1000 ms/);
    assert.deepEqual(logsSince(), [
      `[watchdog] cut off sinchcp/checkFile ${fileUri}: it ran longer than 1000 ms; restarting the background analysis worker`,
    ]);
    await client.close(normal);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
