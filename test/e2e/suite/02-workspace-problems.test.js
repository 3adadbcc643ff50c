// Problems of every config file in the workspace are listed, not only those of open editors, and follow
// changes on disk (the client's file watchers → workspace/didChangeWatchedFiles → the server).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { LOWER_APP_ID, waitFor, fixtureUri, codeOf, diagnosticsWithCode } = require('./helpers');

describe('workspace problems', () => {
  const unopened = fixtureUri('unopened.sinchcp.yaml');
  const isOpen = (uri) => vscode.workspace.textDocuments.some((t) => t.uri.toString() === uri.toString());

  it('lists the problems of a config file that no editor has opened (the workspace scan)', async () => {
    const [d] = await waitFor('app-id-case of unopened.sinchcp.yaml', () => {
      const found = diagnosticsWithCode(unopened, 'app-id-case');
      return found.length > 0 && found;
    });
    assert.ok(!isOpen(unopened), 'the file is not open');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    const listed = vscode.languages.getDiagnostics().find(([u]) => u.toString() === unopened.toString());
    assert.ok(listed, 'the file is in getDiagnostics() (the Problems panel)');
  });

  it('runs every rule on unopened files (missing-sms-sender-id)', async () => {
    const [d] = await waitFor('missing-sms-sender-id of unopened.sinchcp.yaml', () => {
      const found = diagnosticsWithCode(unopened, 'missing-sms-sender-id');
      return found.length > 0 && found;
    });
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!isOpen(unopened), 'the file is not open');
  });

  it('picks up a config file created on disk, and drops its problems when it is deleted', async () => {
    const uri = fixtureUri('created-on-disk.sinchcp.yaml');
    const valid = await vscode.workspace.fs.readFile(fixtureUri('valid.sinchcp.yaml'));
    const text = Buffer.from(valid)
      .toString('utf8')
      .replace('01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp', `${LOWER_APP_ID}@whatsapp`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    await waitFor(
      'app-id-case of the file created on disk',
      () => diagnosticsWithCode(uri, 'app-id-case').length === 1,
    );

    // Fix it on disk (as `sinchcp-lint --fix` or a git checkout would): the problem goes away.
    await vscode.workspace.fs.writeFile(uri, valid);
    await waitFor('no diagnostics after the fix on disk', () => vscode.languages.getDiagnostics(uri).length === 0);

    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    await waitFor('app-id-case again', () => diagnosticsWithCode(uri, 'app-id-case').length === 1);
    await vscode.workspace.fs.delete(uri);
    await waitFor('no diagnostics for the deleted file', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  it('picks up a YAML file created on disk whose first line marks it (# sinchcp), and ignores other YAML', async () => {
    const marked = fixtureUri('marked-on-disk.yaml');
    const other = fixtureUri('unrelated-on-disk.yaml');
    const valid = Buffer.from(await vscode.workspace.fs.readFile(fixtureUri('valid.sinchcp.yaml'))).toString('utf8');
    const lowered = valid.replace('01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp', `${LOWER_APP_ID}@whatsapp`);
    await vscode.workspace.fs.writeFile(other, Buffer.from(lowered.replace(/^#.*\n/, '# some other tool\n'), 'utf8'));
    await vscode.workspace.fs.writeFile(
      marked,
      Buffer.from(lowered.replace(/^#.*\n/, '# sinchcp: written by a script\n'), 'utf8'),
    );
    await waitFor('app-id-case of the marked YAML file', () => diagnosticsWithCode(marked, 'app-id-case').length === 1);
    assert.ok(!isOpen(marked), 'the file is not open');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(other), [], 'a YAML file without the mark is not checked');
    await vscode.workspace.fs.delete(marked);
    await vscode.workspace.fs.delete(other);
    await waitFor(
      'no diagnostics for the deleted marked file',
      () => vscode.languages.getDiagnostics(marked).length === 0,
    );
  });

  it('lists nothing for the valid example', async () => {
    // The valid file is scanned together with unopened.sinchcp.yaml, whose problems are already there.
    await waitFor('the scan', () => diagnosticsWithCode(unopened, 'app-id-case').length > 0);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(fixtureUri('valid.sinchcp.yaml')).map(codeOf), []);
  });
});
