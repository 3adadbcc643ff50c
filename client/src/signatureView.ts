// "Verify a Webhook Signature": one form (a webview) for the secret (masked), the three signature headers and the
// raw body (newlines kept), or one pasted raw request; the verdict and its full reason are shown in the form.
// The check itself is the server's (sinchcp.server.verifyWebhookSignature). The secret lives only in the form
// and in the one request to the local server process: it is never stored, logged or shown.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../server/src/protocol/commands';
import { executeServerCommand } from './protocolClient';
import { parseRawRequest } from './rawRequest';
import { newNonce, page } from './webviewHtml';

interface VerifyMessage {
  type: 'verify';
  secret: string;
  nonce: string;
  timestamp: string;
  signature: string;
  rawBody: string;
}
interface ParseMessage {
  type: 'parse';
  raw: string;
}

let panel: vscode.WebviewPanel | undefined;

export function showSignatureForm(client: () => Promise<LanguageClient>): void {
  if (panel) {
    panel.reveal();
    return;
  }
  panel = vscode.window.createWebviewPanel(
    'sinchcp.verifySignature',
    'Verify a Webhook Signature',
    vscode.ViewColumn.Active,
    { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] },
  );
  const current = panel;
  current.onDidDispose(() => {
    panel = undefined;
  });
  current.webview.html = signatureFormHtml(current.webview);
  current.webview.onDidReceiveMessage(async (message: VerifyMessage | ParseMessage) => {
    if (message.type === 'parse') {
      void current.webview.postMessage({ type: 'fill', ...parseRawRequest(message.raw) });
      return;
    }
    if (message.type !== 'verify') return;
    try {
      const { secret, nonce, timestamp, signature, rawBody } = message;
      const result = await executeServerCommand(await client(), SERVER_COMMANDS.verifyWebhookSignature, {
        secret,
        nonce,
        timestamp,
        signature,
        rawBody,
      });
      void current.webview.postMessage({
        type: 'result',
        valid: result.valid,
        reason: result.reason,
        bodyBytes: Buffer.byteLength(rawBody, 'utf8'),
      });
    } catch (error) {
      void current.webview.postMessage({
        type: 'result',
        valid: false,
        reason: `The check could not run: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });
}

function signatureFormHtml(webview: vscode.Webview): string {
  const nonce = newNonce();
  const body = `
<h2>Verify a Conversation API webhook signature</h2>
<p>Checks a webhook request the way Contact Pro does: Base64(HMAC-SHA256(secret, body + "." + nonce + "." + timestamp)).
The secret stays in this form and the local language server; it is never stored or shown.</p>
<details id="rawBox"><summary>Paste a whole raw request instead (headers, a blank line, the body)</summary>
  <textarea id="raw" aria-label="Raw request" placeholder="POST /tenant/sms/sinchconversation/all HTTP/1.1&#10;x-sinch-webhook-signature-nonce: …&#10;…&#10;&#10;{&quot;app_id&quot;: …}"></textarea>
  <button id="parse" class="secondary">Take the headers and body from it</button>
</details>
<label for="secret">Webhook secret <span class="hint">(the app webhook's Secret token = the inbound Password in SC)</span></label>
<input id="secret" type="password" autocomplete="off" spellcheck="false">
<label for="nonce">x-sinch-webhook-signature-nonce</label><input id="nonce" spellcheck="false">
<label for="timestamp">x-sinch-webhook-signature-timestamp</label><input id="timestamp" spellcheck="false">
<label for="signature">x-sinch-webhook-signature</label><input id="signature" spellcheck="false">
<label for="body">Raw request body <span class="hint">(exactly as received: line breaks and spaces count)</span></label>
<textarea id="body" spellcheck="false"></textarea>
<button id="verify">Verify</button>
<div id="verdict" class="verdict" role="status" hidden></div>`;
  const script = `
const vscode = acquireVsCodeApi();
const $ = (id) => document.getElementById(id);
$('parse').addEventListener('click', () => vscode.postMessage({ type: 'parse', raw: $('raw').value }));
$('verify').addEventListener('click', () => {
  $('verdict').hidden = true;
  vscode.postMessage({ type: 'verify', secret: $('secret').value, nonce: $('nonce').value, timestamp: $('timestamp').value,
    signature: $('signature').value, rawBody: $('body').value });
});
window.addEventListener('message', (event) => {
  const m = event.data;
  if (m.type === 'fill') {
    for (const key of ['nonce', 'timestamp', 'signature']) if (m[key] !== undefined) $(key).value = m[key];
    if (m.rawBody !== undefined) $('body').value = m.rawBody;
    $('secret').focus();
  } else if (m.type === 'result') {
    const v = $('verdict');
    v.className = 'verdict ' + (m.valid ? 'valid' : 'invalid');
    v.textContent = (m.valid ? 'Signature valid. ' : 'Signature NOT valid. ') + m.reason
      + (m.bodyBytes !== undefined ? '\\n(Body checked: ' + m.bodyBytes + ' bytes as UTF-8.)' : '');
    v.hidden = false;
  }
});`;
  return page(webview, nonce, 'Verify a Webhook Signature', body, script);
}
