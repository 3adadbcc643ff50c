// The commands of package.json `contributes.commands`. Each one is thin: the work happens in the server
// (restart) or is a plain editor action (new file from the template).
import * as vscode from 'vscode';
import { NEW_CONFIG_FILE_NAME, NEW_CONFIG_TEMPLATE } from './newConfigTemplate';

export interface CommandHandlers {
  restartServer(): Promise<void>;
}

export function registerCommands(context: vscode.ExtensionContext, handlers: CommandHandlers): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('sinchcp.restartServer', async () => {
      await handlers.restartServer();
      void vscode.window.setStatusBarMessage('Sinch Contact Pro: server restarted', 3000);
    }),
    vscode.commands.registerCommand('sinchcp.enableFixOnSave', async () => {
      // `[sinchcp]`-scoped user setting: the safe fixes (the ones `sinchcp-lint --fix` applies) on every save.
      const config = vscode.workspace.getConfiguration('editor', { languageId: 'sinchcp' });
      const current = config.inspect<Record<string, string>>('codeActionsOnSave')?.globalLanguageValue ?? {};
      await config.update(
        'codeActionsOnSave',
        { ...current, 'source.fixAll.sinchcp': 'explicit' },
        vscode.ConfigurationTarget.Global,
        true,
      );
      void vscode.window.showInformationMessage(
        'Sinch CP: safe fixes now run when a sinchcp file is saved ("[sinchcp]": editor.codeActionsOnSave).',
      );
    }),
    vscode.commands.registerCommand('sinchcp.newConfigFile', async () => {
      // An untitled document with a file path: VS Code names its tab and saves it under that path, instead of
      // naming it after the first line of the text (which gave "# sinchcp: <describe this tenant's Conta.sinchcp.yaml").
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(await newFileUri()));
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), NEW_CONFIG_TEMPLATE));
      if (editor.document.languageId !== 'sinchcp')
        await vscode.languages.setTextDocumentLanguage(editor.document, 'sinchcp');
      return editor;
    }),
  );
}

/** `untitled:<first folder>/new-tenant.sinchcp.yaml`, numbered when that file (or an open untitled one) exists. */
async function newFileUri(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
  const taken = async (uri: vscode.Uri) => {
    if (vscode.workspace.textDocuments.some((d) => d.uri.path === uri.path)) return true;
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  };
  for (let n = 1; ; n++) {
    const name = n === 1 ? NEW_CONFIG_FILE_NAME : NEW_CONFIG_FILE_NAME.replace('.sinchcp.yaml', `-${n}.sinchcp.yaml`);
    const file = folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(`/${name}`);
    if (!folder || !(await taken(file)))
      return folder ? file.with({ scheme: 'untitled' }) : vscode.Uri.parse(`untitled:${name}`);
  }
}
