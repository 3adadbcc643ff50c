// The commands of package.json `contributes.commands`. Each one is thin: the work happens in the server
// (restart) or is a plain editor action (new file from the template).
import * as vscode from 'vscode';
import { NEW_CONFIG_TEMPLATE } from './newConfigTemplate';

export interface CommandHandlers {
  restartServer(): Promise<void>;
}

export function registerCommands(context: vscode.ExtensionContext, handlers: CommandHandlers): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sinchcp.restartServer', async () => {
      await handlers.restartServer();
      void vscode.window.setStatusBarMessage('Sinch Contact Pro: server restarted', 3000);
    }),
    vscode.commands.registerCommand('sinchcp.newConfigFile', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'sinchcp', content: NEW_CONFIG_TEMPLATE });
      return vscode.window.showTextDocument(doc);
    }),
  );
}
