// The server survives a client that answers the server's own requests with an error (a client without
// window/showDocument, one that refuses a registration). Those requests are sent without waiting for the answer;
// an error answer nobody handled was an unhandled rejection, and Node ends a process on one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';

const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
const METHOD_NOT_FOUND = -32601;

/** The server still answers: a hover on the example's landscape. */
async function assertServing(client: TestLspClient, uri: string): Promise<void> {
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: VALID.split('\n').findIndex((line) => line.includes('landscape:')), character: 15 },
  });
  assert.match(hover!.contents.value, /landscape/i);
  assert.equal(client.exitCode, null, `the server exited; stderr:\n${client.stderr}`);
}

test('Show documentation in a client that refuses window/showDocument: logged, and the server goes on', async () => {
  const { client } = await TestLspClient.start();
  try {
    client.connection.onRequest(
      'window/showDocument',
      () => new ResponseError(METHOD_NOT_FOUND, 'Unhandled method window/showDocument'),
    );
    const uri = 'file:///work/refusals/show-documentation.sinchcp.yaml';
    await client.open(uri, VALID);
    const answer = await client.request('workspace/executeCommand', {
      command: 'sinchcp.showDocumentation',
      arguments: ['https://github.com/sinchcp/sinchcp/blob/main/docs/rules/app-id-case.md'],
    });
    assert.equal(answer, null);
    await client.waitFor(() => client.logs.some((line) => line.startsWith('[showDocument]')), 'the refusal in the log');
    assert.match(
      client.logs.find((line) => line.startsWith('[showDocument]'))!,
      /Unhandled method window\/showDocument/,
    );
    await assertServing(client, uri);
  } finally {
    await client.stop();
  }
});

test('a client that refuses the settings registration: logged, and the server goes on', async () => {
  const client = TestLspClient.spawn();
  try {
    client.connection.onRequest(
      'client/registerCapability',
      () => new ResponseError(METHOD_NOT_FOUND, 'no dynamic registration here'),
    );
    await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
    });
    await client.connection.sendNotification('initialized', {});
    await client.waitFor(
      () => client.logs.some((line) => line.startsWith('[registerCapability]')),
      'the refusal in the log',
    );
    const uri = 'file:///work/refusals/registration.sinchcp.yaml';
    await client.open(uri, VALID);
    await assertServing(client, uri);
  } finally {
    await client.stop();
  }
});
