// The two commands whose work is done by the server: the setup guide of the open file and the webhook signature
// check, each shown in its own view (setupGuideView.ts, signatureView.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { showSetupGuide } from './setupGuideView';
import { showSignatureForm } from './signatureView';

export function registerServerCommands(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sinchcp.showSetupGuide', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'sinchcp') {
        void vscode.window.showWarningMessage('Open a sinchcp configuration file first.');
        return;
      }
      await showSetupGuide(context, client, editor.document);
    }),
    vscode.commands.registerCommand('sinchcp.verifyWebhookSignature', () => showSignatureForm(client)),
  );
}
