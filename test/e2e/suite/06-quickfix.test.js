// The app-id-case quick fix, applied through the API, uppercases the app ID and the problem goes away
// (waits for the server's quick fixes).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { LOWER_APP_ID, UPPER_APP_ID, waitFor, fixtureUri, diagnosticsWithCode } = require('./helpers');

describe('quick fix', () => {
  const uri = fixtureUri('examples.sinchcp.yaml');

  it('"Uppercase app ID" rewrites the lowercase app ID and clears app-id-case', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const [diag] = await waitFor('app-id-case', () => {
      const d = diagnosticsWithCode(uri, 'app-id-case');
      return d.length > 0 && d;
    });
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Uppercase app ID'));
    assert.ok(fix, `quick fix offered (got: ${actions.map((a) => a.title).join(' | ') || 'none'})`);
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(!doc.getText().includes(LOWER_APP_ID), 'the lowercase ID is gone');
    assert.ok(doc.getText().includes(`${UPPER_APP_ID}@whatsapp.sinchconversation.com`));
    await waitFor('app-id-case cleared', () => diagnosticsWithCode(uri, 'app-id-case').length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
