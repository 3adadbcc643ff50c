// The workspace scan runs in the background: open documents are checked first, requests are answered while it
// runs, it reports work-done progress, every file's problems arrive, a settings change restarts it (and a
// notification that changes nothing does not), and files that are not regular files never block it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CAPABILITIES, TestLspClient } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const MISTAKES = readFileSync(join(__dirname, '..', '..', 'examples', 'onboarding-mistakes.sinchcp.yaml'), 'utf8');
const FILES = 300;
const LANDSCAPE = VALID.split('\n').findIndex((line) => line.includes('landscape: eu-c1'));

let root: string;
let fileUris: string[];
let client: TestLspClient;
const OPEN_URI = 'file:///work/scan/open-first.sinchcp.yaml';

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'sinchcp-scan-'));
  fileUris = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(root, `tenant-${String(i).padStart(3, '0')}.sinchcp.yaml`);
    writeFileSync(path, MISTAKES.replace(/acme/g, `acme${i}`));
    fileUris.push(pathToFileURL(path).href);
  }
  // Not regular files, named like config files: a FIFO nobody writes to, and a symlink to an endless device.
  execFileSync('mkfifo', [join(root, 'fifo.sinchcp.yaml')]);
  symlinkSync('/dev/zero', join(root, 'zero.sinchcp.yaml'));
  client = TestLspClient.spawn({
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'scan' }],
    // Progress from the first file on, so that even a fast machine shows it.
    env: { SINCHCP_SCAN_PROGRESS_AFTER_MS: '0' },
  });
  await client.request('initialize', {
    processId: null,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'scan' }],
    capabilities: { ...DEFAULT_CAPABILITIES, window: { ...DEFAULT_CAPABILITIES.window, workDoneProgress: true } },
  });
  await client.connection.sendNotification('initialized', {});
  // Sent before the server has its settings (it asks for them when initialized), so before the scan starts.
  await client.open(OPEN_URI, VALID, 1);
});
after(async () => {
  await client.stop();
  rmSync(root, { recursive: true, force: true });
});

const begins = () => client.progress.filter((p) => p.value.kind === 'begin');
const ends = () => client.progress.filter((p) => p.value.kind === 'end');
const publishedUris = (since = 0) => new Set(client.published.slice(since).map((p) => p.uri));

test('the scan runs in the background with progress; a request during it is answered before it ends', async () => {
  await client.waitFor(() => begins().length === 1, 'the scan to begin');
  assert.equal(client.progressTokens.length, 1, 'window/workDoneProgress/create was asked for');
  assert.equal(begins()[0]!.value.title, 'sinchcp: checking workspace files');
  // The open document was checked before any workspace file.
  await client.waitFor(() => client.published.some((p) => p.uri !== OPEN_URI), 'a workspace file');
  const firstFile = client.published.findIndex((p) => p.uri !== OPEN_URI);
  const firstOpen = client.published.findIndex((p) => p.uri === OPEN_URI);
  assert.ok(firstOpen >= 0 && firstOpen < firstFile, 'the open document comes first');

  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri: OPEN_URI },
    position: { line: LANDSCAPE, character: 4 },
  });
  assert.match(hover!.contents.value, /landscape/i);
  assert.equal(ends().length, 0, 'the hover sent after the scan began was answered before the scan ended');

  await client.waitFor(() => ends().length === 1, 'the scan to end', 120_000);
  const reports = client.progress.filter((p) => p.value.kind === 'report');
  assert.ok(reports.length > 0, 'progress is reported');
  assert.equal(reports.at(-1)!.value.message, `${FILES}/${FILES}`);
  const published = publishedUris();
  for (const uri of fileUris) assert.ok(published.has(uri), `${uri} was checked`);
  for (const uri of fileUris.slice(0, 3)) {
    const last = client.published.filter((p) => p.uri === uri).at(-1)!;
    assert.ok(
      last.diagnostics.some((d) => d.code === 'app-id-case'),
      `${uri} has its problems`,
    );
  }
  assert.ok(!published.has(pathToFileURL(join(root, 'fifo.sinchcp.yaml')).href));
  assert.ok(!published.has(pathToFileURL(join(root, 'zero.sinchcp.yaml')).href));
});

test('a settings notification that changes nothing does not re-scan; a change restarts the scan', async () => {
  const since = client.published.length;
  const beginsBefore = begins().length;
  // Nothing changes: the same settings again.
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  // A real change: app-id-case off.
  client.settings = { rules: { 'app-id-case': 'off' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitFor(
    () => ends().length === beginsBefore + 1 && begins().length === beginsBefore + 1,
    'the re-scan to end',
    120_000,
  );
  assert.equal(begins().length, beginsBefore + 1, 'one scan for the one change');
  const published = client.published.slice(since);
  for (const uri of fileUris) {
    const last = published.filter((p) => p.uri === uri).at(-1);
    assert.ok(last, `${uri} was checked again`);
    assert.ok(!last.diagnostics.some((d) => d.code === 'app-id-case'), `${uri} is checked with the new settings`);
  }
  assert.equal(published.filter((p) => p.uri === fileUris[0]).length, 1, 'each file is checked once per scan');
});

test('a settings change during a scan cancels it and starts again; the last settings win', async () => {
  const beginsBefore = begins().length;
  const since = client.published.length;
  client.settings = { rules: { 'app-id-case': 'warning' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitFor(() => begins().length === beginsBefore + 1, 'the scan to begin');
  // The first scan is under way: change again.
  client.settings = { rules: { 'app-id-case': 'info' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitFor(
    () => begins().length === beginsBefore + 2 && ends().length === begins().length,
    'the second scan to end',
    120_000,
  );
  for (const uri of fileUris) {
    const last = client.published
      .slice(since)
      .filter((p) => p.uri === uri)
      .at(-1)!;
    const appIdCase = last.diagnostics.filter((d) => d.code === 'app-id-case');
    assert.ok(appIdCase.length > 0 && appIdCase.every((d) => d.severity === 3), `${uri}: the last settings`);
  }
  // The cancelled scan did not go on to the end: fewer publishes than two full scans.
  const firstFile = client.published.slice(since).filter((p) => p.uri === fileUris[FILES - 1]);
  assert.equal(firstFile.length, 1, 'the last file was checked once, by the second scan');
});

test('file events for a FIFO and a symlink to /dev/zero do not block: a later event is still served', async () => {
  const since = client.published.length;
  const changed = fileUris[7]!;
  writeFileSync(new URL(changed), VALID);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: pathToFileURL(join(root, 'fifo.sinchcp.yaml')).href, type: 2 },
      { uri: pathToFileURL(join(root, 'zero.sinchcp.yaml')).href, type: 2 },
      { uri: changed, type: 2 },
    ],
  });
  const diagnostics = await client.waitForDiagnostics(changed, () => true, 10_000, since);
  assert.deepEqual(diagnostics, []);
  assert.ok(!publishedUris(since).has(pathToFileURL(join(root, 'fifo.sinchcp.yaml')).href));
  // The server still answers.
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: OPEN_URI } });
  assert.ok(symbols.length > 0);
});
