// A *.yaml file whose first line is "# sinchcp…" is a config file (docs/format.md#which-files-are-config-files): the
// client switches it from
// YAML to sinchcp, and the server checks it.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { LOWER_APP_ID, waitFor, fixtureUri, diagnosticsWithCode, rangeOf } = require('./helpers');

describe('first-line detection', () => {
  it('switches first-line.yaml to sinchcp and reports its lowercase app ID', async () => {
    const uri = fixtureUri('first-line.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const doc = await waitFor('the sinchcp language', () => {
      const d = vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString());
      return d && d.languageId === 'sinchcp' && d;
    });
    const [d] = await waitFor('app-id-case', () => {
      const f = diagnosticsWithCode(uri, 'app-id-case');
      return f.length > 0 && f;
    });
    assert.ok(d.range.isEqual(rangeOf(doc, LOWER_APP_ID)));
  });
});
