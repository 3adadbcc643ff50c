// The workspace scan's worker stops when it has had no work for a while (a stopped worker's heap goes back to
// the system at once; a live one keeps what its largest parse grew it to), and the next request starts a fresh
// one that answers as before. Runs the bundled server (dist/server.js) as the worker script, as the server does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisHost } from '../../server/src/lsp/analysis/host';
import { defaultSettings } from '../../server/src/service/settings';
import { SERVER_PATH } from '../helpers/lspClient';

const MISTAKES = readFileSync(join(__dirname, '..', '..', 'examples', 'onboarding-mistakes.sinchcp.yaml'), 'utf8');
const client = {
  snippetSupport: false,
  markdownHover: false,
  configurationRequests: false,
  workDoneProgress: false,
  workspaceFolders: [],
};

const until = async (condition: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

test('a worker with idleStopMs stops after its work and starts again for the next request', async () => {
  const logs: string[] = [];
  const host = new AnalysisHost({
    workerScript: SERVER_PATH,
    standby: false,
    label: 'background analysis worker',
    idleStopMs: 200,
    config: () => ({ settings: defaultSettings, client }),
    log: (line) => logs.push(line),
  });
  try {
    const params = { uri: 'file:///idle/mistakes.sinchcp.yaml', text: MISTAKES };
    const first = await host.run<{ code?: string }[]>('sinchcp/checkFile', params);
    assert.equal(first.kind, 'done');
    const codes = first.kind === 'done' ? first.value.map((d) => d.code) : [];
    assert.ok(codes.length > 0, 'the example with mistakes has findings');
    assert.ok(await until(() => !host.awake, 5000), 'the worker stopped after 200 ms without work');
    const second = await host.run<{ code?: string }[]>('sinchcp/checkFile', params);
    assert.ok(host.awake);
    assert.deepEqual(
      second.kind === 'done' ? second.value.map((d) => d.code) : second,
      codes,
      'a fresh worker answers the same',
    );
    assert.deepEqual(
      logs.filter((line) => line.startsWith('[watchdog]')),
      [],
      'stopping is not a crash',
    );
  } finally {
    host.dispose();
  }
});

test('a worker without idleStopMs stays up', async () => {
  const host = new AnalysisHost({
    workerScript: SERVER_PATH,
    standby: false,
    label: 'analysis worker',
    config: () => ({ settings: defaultSettings, client }),
    log: () => {},
  });
  try {
    const done = await host.run('sinchcp/checkFile', { uri: 'file:///idle/a.sinchcp.yaml', text: MISTAKES });
    assert.equal(done.kind, 'done');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(host.awake);
  } finally {
    host.dispose();
  }
});
