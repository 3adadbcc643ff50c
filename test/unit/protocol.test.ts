// The client ↔ server contract is written once (server/src/protocol): the client names no custom request or
// server command by hand and sends them only through its typed helpers (no cast of a result), the server offers
// exactly the protocol's commands, and the version has one source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_COMMAND_IDS, SERVER_COMMANDS, SINCH_REQUESTS, VERSION } from '../../server/src/protocol';
import { commandsFeature } from '../../server/src/lsp/features/commands';
import { SERVER_VERSION } from '../../server/src/lsp/server';
import { CLI_VERSION } from '../../server/src/cli/run';

const ROOT = join(__dirname, '..', '..');
const CLIENT = join(ROOT, 'client', 'src');
const clientFiles = readdirSync(CLIENT)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(CLIENT, name), 'utf8') }));

test('the client writes no custom request name or server command id of its own', () => {
  const names = [...Object.values(SINCH_REQUESTS).map((spec) => spec.method), ...SERVER_COMMAND_IDS];
  const found = clientFiles.flatMap(({ name, text }) =>
    names.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`)).map((id) => `${name}: ${id}`),
  );
  assert.deepEqual(found, []);
  const hand = clientFiles.flatMap(({ name, text }) =>
    [...text.matchAll(/['"`](sinchcp\/[\w./]+|sinchcp\.server\.\w+)['"`]/g)].map((m) => `${name}: ${m[1]}`),
  );
  assert.deepEqual(hand, [], 'a protocol name belongs in server/src/protocol');
});

test('the client sends requests only through protocolClient.ts, which types their results', () => {
  const senders = clientFiles.filter(({ text }) => /\.sendRequest\s*[<(]/.test(text)).map(({ name }) => name);
  assert.deepEqual(senders, ['protocolClient.ts']);
});

test("the server offers exactly the protocol's commands", () => {
  assert.deepEqual(
    commandsFeature.capabilities.executeCommandProvider?.commands,
    Object.values(SERVER_COMMANDS).map((spec) => spec.command),
  );
  assert.equal(new Set(SERVER_COMMAND_IDS).size, SERVER_COMMAND_IDS.length);
  const methods = Object.values(SINCH_REQUESTS).map((spec) => spec.method);
  assert.equal(new Set(methods).size, methods.length);
});

test("one version: package.json's, for the server and the CLI", () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(VERSION, version);
  assert.equal(SERVER_VERSION, version);
  assert.equal(CLI_VERSION, version);
  const sources = ['server/src', 'client/src'].flatMap((dir) => listTs(join(ROOT, dir)));
  const written = sources.filter((file) => readFileSync(file, 'utf8').includes(`'${version}'`));
  assert.deepEqual(written, [], 'the version is written nowhere in the sources');
});

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listTs(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}
