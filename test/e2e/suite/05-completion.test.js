// Completion offers one snippet per subchannel where a new queue address goes: a fresh "- " item of a queue's
// addresses.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { CHANNEL_SNIPPETS, waitFor, fixtureUri, labelOf } = require('./helpers');

describe('completion', () => {
  it('offers the subchannel address snippets (two for SMS) on a fresh "- " item of addresses', async () => {
    const valid = Buffer.from(await vscode.workspace.fs.readFile(fixtureUri('valid.sinchcp.yaml'))).toString('utf8');
    // A new, empty item at the end of the "Support chat" queue's addresses.
    const marker = '      - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@nativechannel.sinchconversation.com\n';
    const content = valid.replace(marker, `${marker}      - \n`);
    const doc = await vscode.workspace.openTextDocument({ language: 'sinchcp', content });
    await vscode.window.showTextDocument(doc);
    const pos = doc.positionAt(content.indexOf(marker) + marker.length + '      - '.length);

    const labels = await waitFor(
      'all channel snippets',
      async () => {
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
        const got = list.items.map(labelOf);
        return CHANNEL_SNIPPETS.every((c) => got.includes(c)) && list.items;
      },
      15_000,
    ).catch((e) => {
      throw new Error(`${e.message}; channels expected: ${CHANNEL_SNIPPETS.join(', ')}`);
    });

    const whatsapp = labels.find((i) => labelOf(i) === 'WhatsApp');
    assert.strictEqual(whatsapp.kind, vscode.CompletionItemKind.Snippet);
    const body =
      whatsapp.insertText instanceof vscode.SnippetString ? whatsapp.insertText.value : String(whatsapp.insertText);
    assert.match(body, /@whatsapp\.sinchconversation\.com/);
    assert.match(body, /01HZX3K7M2Q9V5B8N4T6W1R0CD/, "the app ID is one of the file's apps");
    // The file has a US app: an SMS snippet for it carries the sender ID its address needs.
    const smsBodies = labels
      .filter((i) => labelOf(i).startsWith('SMS'))
      .map((i) => (i.insertText instanceof vscode.SnippetString ? i.insertText.value : String(i.insertText)));
    assert.ok(smsBodies.every((b) => /@sms\.sinchconversation\.com/.test(b)));
    assert.ok(
      smsBodies.some((b) => /01ER4ABSP36WG80BMAR2CN1XEY/.test(b) && /smsSenderId/.test(b)),
      smsBodies.join('\n---\n'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
