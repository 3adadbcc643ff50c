// The extension activates for a *.sinchcp.yaml file, starts its server, and diagnostics arrive with rule
// names as codes and tight ranges.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, LOWER_APP_ID, waitFor, fixtureUri, codeOf, diagnosticsWithCode, rangeOf } = require('./helpers');

describe('activation and diagnostics', () => {
  const uri = fixtureUri('examples.sinchcp.yaml');
  let doc;
  let openToDiagnosticsMs;

  before(async () => {
    const opened = Date.now();
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor(
      'the first diagnostics of examples.sinchcp.yaml',
      () => vscode.languages.getDiagnostics(uri).length > 0,
    );
    openToDiagnosticsMs = Date.now() - opened;
  });

  it('gives *.sinchcp.yaml the sinchcp language and activates the extension', async () => {
    assert.strictEqual(doc.languageId, 'sinchcp');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    await waitFor('activation', () => ext.isActive);
    const api = ext.exports;
    assert.ok(api && api.client, 'activate() returns { client }');
    assert.ok(api.client.isRunning(), 'the language client is running');
    console.log(`[metric] activate() until the server answered initialize: ${api.activationMs} ms`);
    console.log(`[metric] open examples.sinchcp.yaml until first diagnostics: ${openToDiagnosticsMs} ms`);
  });

  it('reports the lowercase app ID as app-id-case: an error on exactly the app ID inside the address', () => {
    const [d, ...more] = diagnosticsWithCode(uri, 'app-id-case');
    assert.ok(d, `an app-id-case diagnostic (got: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ')})`);
    assert.strictEqual(more.length, 0, 'one app-id-case diagnostic');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.source, 'sinchcp');
    assert.ok(d.range.isEqual(rangeOf(doc, LOWER_APP_ID)), `range ${JSON.stringify(d.range)} is the app ID`);
    assert.ok(d.message.length > 0);
  });

  it('reports nothing else in a file that differs from the valid example only by that app ID', () => {
    const others = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) !== 'app-id-case');
    assert.deepStrictEqual(
      others.map((d) => `${codeOf(d)}: ${d.message}`),
      [],
    );
  });

  it('leaves plain YAML files alone', async () => {
    const notes = await vscode.workspace.openTextDocument(fixtureUri('notes.yaml'));
    assert.strictEqual(notes.languageId, 'yaml');
  });
});
