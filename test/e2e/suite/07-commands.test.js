// The contributed commands: a new config file from the template, and restarting the server.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, waitFor, fixtureUri, diagnosticsWithCode } = require('./helpers');

describe('commands', () => {
  it('"New Configuration File" opens an untitled sinchcp document from the template, with errors only on its placeholders', async () => {
    await vscode.commands.executeCommand('sinchcp.newConfigFile');
    const editor = await waitFor(
      'the new editor',
      () => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor,
    );
    assert.strictEqual(editor.document.languageId, 'sinchcp');
    assert.match(editor.document.lineAt(0).text, /^# sinchcp/);
    assert.match(editor.document.getText(), /messagingServices:/);
    // The template is well-formed. "No diagnostics" is also what a server that never looked would give, so
    // first break the version and see the server report it, then mend it and see no error left.
    const doc = editor.document;
    const errors = () =>
      vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const versionLine = doc.lineAt(
      doc
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('version:')),
    );
    await editor.edit((e) => e.replace(versionLine.range, 'version: 2'));
    await waitFor(
      'unsupported-version in the edited template',
      () => diagnosticsWithCode(doc.uri, 'unsupported-version').length === 1,
    );
    await editor.edit((e) => e.replace(doc.lineAt(versionLine.lineNumber).range, 'version: 1'));
    await waitFor('unsupported-version gone', () => diagnosticsWithCode(doc.uri, 'unsupported-version').length === 0);
    // Errors may point only at the placeholders the admin must fill in (marked "replace" in the template).
    const notOnPlaceholders = errors().filter((d) => !doc.lineAt(d.range.start.line).text.includes('replace'));
    assert.deepStrictEqual(
      notOnPlaceholders.map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Restart Language Server" restarts the server, and diagnostics keep coming', async () => {
    const uri = fixtureUri('examples.sinchcp.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('sinchcp.restartServer');
    const client = vscode.extensions.getExtension(EXTENSION_ID).exports.client;
    await waitFor('the client running again', () => client.isRunning());
    await waitFor('app-id-case after the restart', () => diagnosticsWithCode(uri, 'app-id-case').length === 1);
  });

  it('"Show Setup Guide" opens one read-only view for the file (no untitled document to save), with this file\'s values', async () => {
    const uri = fixtureUri('examples.sinchcp.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const untitledBefore = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    await vscode.commands.executeCommand('sinchcp.showSetupGuide');
    await vscode.commands.executeCommand('sinchcp.showSetupGuide'); // a second run reveals the same view
    const guideTabs = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.label === 'Setup guide: examples.sinchcp.yaml');
    await waitFor('the setup guide view', () => guideTabs().length === 1);
    assert.ok(guideTabs()[0].input instanceof vscode.TabInputWebview, 'a webview, not a text document');
    assert.strictEqual(
      vscode.workspace.textDocuments.filter((d) => d.isUntitled).length,
      untitledBefore,
      'no untitled document',
    );
    const client = vscode.extensions.getExtension(EXTENSION_ID).exports.client;
    const guide = await client.sendRequest('workspace/executeCommand', {
      command: 'sinchcp.server.setupGuideSteps',
      arguments: [uri.toString()],
    });
    const text = JSON.stringify(guide);
    assert.match(text, /SC: System Management > Messaging Services > Add New > sinchconversation/);
    assert.doesNotMatch(text, /\$\{env:/, 'references are named, not pasted as ${env:…}');
    await vscode.window.tabGroups.close(guideTabs());
  });

  it('"Fix Safe Problems on Save" (the walkthrough\'s button) turns on source.fixAll.sinchcp for sinchcp files only', async () => {
    const editor = () => vscode.workspace.getConfiguration('editor', { languageId: 'sinchcp' });
    const before = editor().inspect('codeActionsOnSave')?.globalLanguageValue;
    await vscode.commands.executeCommand('sinchcp.enableFixOnSave');
    await waitFor(
      'the [sinchcp] setting',
      () => editor().get('codeActionsOnSave')?.['source.fixAll.sinchcp'] === 'explicit',
    );
    const yaml = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' }).get('codeActionsOnSave') ?? {};
    assert.strictEqual(yaml['source.fixAll.sinchcp'], undefined, 'other languages are not touched');
    await editor().update('codeActionsOnSave', before, vscode.ConfigurationTarget.Global, true);
  });
});
