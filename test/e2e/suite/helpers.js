// Shared helpers of the extension-host suite: polling (diagnostics and server answers arrive
// asynchronously; never a fixed sleep), fixture access and diagnostic accessors.
'use strict';
const vscode = require('vscode');

const EXTENSION_ID = 'sinchcp.sinchcp';
const LOWER_APP_ID = '01hzx3k7m2q9v5b8n4t6w1r0cd';
const UPPER_APP_ID = '01HZX3K7M2Q9V5B8N4T6W1R0CD';
// A file with US and non-US apps gets two SMS snippets, told apart in the list.
const CHANNEL_SNIPPETS = [
  'WhatsApp',
  'Sinch Chat',
  'Facebook',
  'Viber Bot',
  'Instagram',
  'Viber',
  'Telegram',
  'LINE',
  'Google RCS',
  'SMS (US, with sender ID)',
  'SMS (outside the US)',
];

/** Polls fn (sync or async) until it returns a truthy value; fails with `what` after ms. */
async function waitFor(what, fn, ms = 30_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function fixtureUri(name) {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
}

/** A diagnostic's rule name: `code` is a string, or { value, target } when the server gives codeDescription. */
function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function diagnosticsWithCode(uri, code) {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

/** Range of the first occurrence of `text` in a document. */
function rangeOf(doc, text) {
  const at = doc.getText().indexOf(text);
  if (at < 0) throw new Error(`${text} not in ${doc.uri.toString()}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Plain text of hover results (MarkdownString or MarkedString). */
function hoverText(hovers) {
  return (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function setRules(value) {
  await vscode.workspace.getConfiguration('sinchcp').update('rules', value, vscode.ConfigurationTarget.Workspace);
}

module.exports = {
  EXTENSION_ID,
  LOWER_APP_ID,
  UPPER_APP_ID,
  CHANNEL_SNIPPETS,
  waitFor,
  fixtureUri,
  codeOf,
  diagnosticsWithCode,
  rangeOf,
  labelOf,
  hoverText,
  setRules,
};
