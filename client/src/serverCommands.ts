// The two commands whose work is done by the server: the setup guide of the open file (shown as a Markdown
// preview) and the webhook signature check (asked for with input boxes; the secret box is a password box and
// the secret is sent only to the local server process).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

const SETUP_GUIDE = 'sinchcp.server.setupGuide';
const VERIFY_SIGNATURE = 'sinchcp.server.verifyWebhookSignature';

export function registerServerCommands(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sinchcp.showSetupGuide', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'sinchcp') {
        void vscode.window.showWarningMessage('Open a sinchcp configuration file first.');
        return;
      }
      const markdown = await (await client()).sendRequest(ExecuteCommandRequest.type, {
        command: SETUP_GUIDE, arguments: [editor.document.uri.toString()],
      }) as string;
      const guide = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.commands.executeCommand('markdown.showPreview', guide.uri);
    }),
    vscode.commands.registerCommand('sinchcp.verifyWebhookSignature', async () => {
      const ask = (prompt: string, options: vscode.InputBoxOptions = {}) =>
        vscode.window.showInputBox({ prompt, ignoreFocusOut: true, ...options });
      const secret = await ask('Webhook secret token (the inbound Password in SC)', { password: true });
      if (secret === undefined) return;
      const nonce = await ask('x-sinch-webhook-signature-nonce header');
      if (nonce === undefined) return;
      const timestamp = await ask('x-sinch-webhook-signature-timestamp header');
      if (timestamp === undefined) return;
      const signature = await ask('x-sinch-webhook-signature header');
      if (signature === undefined) return;
      // The raw body is long: take the active editor's selection when there is one.
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
      const rawBody = selected ?? await ask('Raw request body, exactly as received (or select it in an editor first)');
      if (rawBody === undefined) return;
      const result = await (await client()).sendRequest(ExecuteCommandRequest.type, {
        command: VERIFY_SIGNATURE, arguments: [{ secret, nonce, timestamp, signature, rawBody }],
      }) as { valid: boolean; reason: string };
      if (result.valid) void vscode.window.showInformationMessage(`Signature valid. ${result.reason}`);
      else void vscode.window.showWarningMessage(`Signature NOT valid. ${result.reason}`);
    }),
  );
}
