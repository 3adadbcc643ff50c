// The analysis worker gets each document's text afresh after every change: a change that repeats the current
// version number (some clients do) is analysed on the new text, so fixes never use stale offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../helpers/lspClient';

test('a didChange that repeats the version number: fix-all edits the new text, not the old one', async () => {
  const { client } = await TestLspClient.start();
  try {
    const uri = 'file:///work/sync/repeated-version.sinchcp.yaml';
    await client.open(uri, 'version: 1\ntenant:\n  name: acme\n  landscape: EU-C1\n', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // Hover and symbols parse version 1 before the change, so a stale parse would be at hand.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.change(uri, 1, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n# three\n' },
    ]);
    const actions = await client.request<
      { edit: { documentChanges: { edits: Parameters<typeof TextDocument.applyEdits>[1] }[] } }[]
    >('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.sinchcp'] },
    });
    assert.equal(actions.length, 1);
    const current = TextDocument.create(
      uri,
      'sinchcp',
      1,
      '# one\n# two\n# three\nversion: 1\ntenant:\n  name: acme\n  landscape: EU-C1\n',
    );
    assert.equal(
      TextDocument.applyEdits(current, actions[0]!.edit.documentChanges[0]!.edits),
      '# one\n# two\n# three\nversion: 1\ntenant:\n  name: acme\n  landscape: eu-c1\n',
    );
  } finally {
    await client.stop();
  }
});
