// Hover returns documentation for keys and values (waits for the server's hover feature).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { UPPER_APP_ID, waitFor, fixtureUri, rangeOf, hoverText } = require('./helpers');

describe('hover', () => {
  const uri = fixtureUri('valid.sinchcp.yaml');
  let doc;
  const hoverAt = async (text, offset = 1) => {
    const pos = rangeOf(doc, text).start.translate(0, offset);
    return hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos));
  };

  before(async () => {
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  it('documents a key', async () => {
    const text = await waitFor('a hover on serviceConnection', () => hoverAt('serviceConnection:'), 10_000);
    assert.match(text, /conversation\.api\.sinch\.com/, 'the hover shows the format of the URL');
  });

  it('explains a landscape value', async () => {
    const text = await waitFor('a hover on eu-c1', () => hoverAt('eu-c1 '), 10_000);
    assert.match(text, /Frankfurt/i);
  });

  it('shows the region and users of an app ID, never a secret value', async () => {
    const text = await waitFor('a hover on the app ID', () => hoverAt(`appId: ${UPPER_APP_ID}`, 8), 10_000);
    assert.match(text, /\beu\b/i, 'the region of the app');
    assert.match(text, /Sinch EU/, 'the messaging service that serves it');
    const secretHover = await hoverAt('${env:SINCH_ACCESS_KEY_SECRET}', 3);
    assert.doesNotMatch(secretHover, /SINCH_ACCESS_KEY_SECRET=|[A-Za-z0-9+/]{32,}/, 'no secret value');
  });
});
