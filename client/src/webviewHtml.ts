// Shared bits of the extension's webviews: a strict Content Security Policy (no remote content; scripts only with
// the page's nonce) and HTML escaping.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function page(webview: vscode.Webview, nonce: string, title: string, body: string, script: string): string {
  const csp = `default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>${escapeHtml(title)}</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.2em 2em; max-width: 60em; }
  label { display: block; margin-top: .8em; font-weight: 600; }
  .hint { font-weight: normal; opacity: .8; }
  input, textarea { width: 100%; box-sizing: border-box; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size);
    color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 4px; }
  textarea { min-height: 8em; resize: vertical; }
  button { margin-top: 1em; padding: 4px 14px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; cursor: pointer; }
  button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
  .verdict { margin-top: 1.2em; padding: .6em .9em; border-left: 4px solid; white-space: pre-wrap; }
  .valid { border-color: var(--vscode-testing-iconPassed, #3fb950); }
  .invalid { border-color: var(--vscode-errorForeground, #f85149); }
  details { margin-top: 1em; }
  a { color: var(--vscode-textLink-foreground); }
  input[type=checkbox] { width: auto; margin: 0 .4em 0 0; vertical-align: middle; }
  ol.steps { list-style: none; padding-left: 0; } ol.steps > li { margin: .8em 0; }
  ol.steps > li > label.title { display: block; margin-top: 0; }
  .done > .title { text-decoration: line-through; opacity: .7; }
  .value { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .3em; }
  button.copy { margin: 0 0 0 .4em; padding: 0 .5em; font-size: .85em; }
</style></head>
<body>${body}<script nonce="${nonce}">${script}</script></body></html>`;
}
