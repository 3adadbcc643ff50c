// The settings reach the server: sinchcp.rules changes a rule's severity or turns it off,
// sinchcp.validate.enable turns checking off.
'use strict';
const vscode = require('vscode');
const { waitFor, fixtureUri, diagnosticsWithCode, setRules } = require('./helpers');

describe('settings', () => {
  const uri = fixtureUri('examples.sinchcp.yaml');
  const severity = () => diagnosticsWithCode(uri, 'app-id-case').map((d) => d.severity)[0];

  before(async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('app-id-case as an error', () => severity() === vscode.DiagnosticSeverity.Error);
  });

  after(async () => {
    await setRules(undefined);
    await vscode.workspace
      .getConfiguration('sinchcp')
      .update('validate.enable', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('sinchcp.rules turns app-id-case into a warning, an info, off, and back', async () => {
    await setRules({ 'app-id-case': 'warning' });
    await waitFor('app-id-case as a warning', () => severity() === vscode.DiagnosticSeverity.Warning);
    await setRules({ 'app-id-case': 'info' });
    await waitFor('app-id-case as information', () => severity() === vscode.DiagnosticSeverity.Information);
    await setRules({ 'app-id-case': 'off' });
    await waitFor('app-id-case gone', () => diagnosticsWithCode(uri, 'app-id-case').length === 0);
    await setRules(undefined);
    await waitFor('app-id-case as an error again', () => severity() === vscode.DiagnosticSeverity.Error);
  });

  it('sinchcp.validate.enable = false clears the problems, true brings them back', async () => {
    const config = vscode.workspace.getConfiguration('sinchcp');
    await config.update('validate.enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('no diagnostics', () => vscode.languages.getDiagnostics(uri).length === 0);
    await config.update('validate.enable', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('app-id-case back', () => severity() === vscode.DiagnosticSeverity.Error);
  });
});
