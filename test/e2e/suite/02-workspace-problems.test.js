// Problems of every config file in the workspace are listed, not only those of open editors, and follow
// changes on disk (the client's file watchers → workspace/didChangeWatchedFiles → the server).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { LOWER_APP_ID, waitFor, fixtureUri, codeOf, diagnosticsWithCode } = require('./helpers');

describe('workspace problems', () => {
  it('lists the problems of a config file that no editor has opened', async () => {
    const uri = fixtureUri('unopened.sinchcp.yaml');
    const [d] = await waitFor('missing-sms-sender-id of unopened.sinchcp.yaml', () => diagnosticsWithCode(uri, 'missing-sms-sender-id'));
    assert.ok(!vscode.workspace.textDocuments.some((t) => t.uri.toString() === uri.toString()), 'the file is not open');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    const all = vscode.languages.getDiagnostics().find(([u]) => u.toString() === uri.toString());
    assert.ok(all, 'the file is in getDiagnostics() (the Problems panel)');
  });

  it('picks up a config file created on disk, and drops its problems when it is deleted', async () => {
    const uri = fixtureUri('created-on-disk.sinchcp.yaml');
    const valid = await vscode.workspace.fs.readFile(fixtureUri('valid.sinchcp.yaml'));
    const text = Buffer.from(valid).toString('utf8').replace('01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp', `${LOWER_APP_ID}@whatsapp`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    await waitFor('app-id-case of the file created on disk', () => diagnosticsWithCode(uri, 'app-id-case').length === 1);

    // Fix it on disk (as `sinchcp-lint --fix` or a git checkout would): the problem goes away.
    await vscode.workspace.fs.writeFile(uri, valid);
    await waitFor('no diagnostics after the fix on disk', () => vscode.languages.getDiagnostics(uri).length === 0);

    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    await waitFor('app-id-case again', () => diagnosticsWithCode(uri, 'app-id-case').length === 1);
    await vscode.workspace.fs.delete(uri);
    await waitFor('no diagnostics for the deleted file', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  it('lists nothing for the valid example', async () => {
    // The valid file is scanned together with unopened.sinchcp.yaml, whose problems are already there.
    await waitFor('the scan', () => diagnosticsWithCode(fixtureUri('unopened.sinchcp.yaml'), 'missing-sms-sender-id').length);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(fixtureUri('valid.sinchcp.yaml')).map(codeOf), []);
  });
});
