// Builds the LSP client for the sinchcp server (dist/server.js, bundled next to dist/extension.js).
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Config files the server must hear about when they change on disk, opened or not (workspace-wide Problems). */
export const CONFIG_FILE_GLOBS = ['**/*.sinchcp.{yaml,yml}', '**/sinchcp.{yaml,yml}'] as const;
/** The same files as one glob (VS Code globs do not nest braces). */
export const CONFIG_FILES_GLOB = '{**/*.sinchcp.yaml,**/*.sinchcp.yml,**/sinchcp.yaml,**/sinchcp.yml}';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // F5 debugging of the server: attach a debugger to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const watchers = CONFIG_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sinchcp' },
      { scheme: 'untitled', language: 'sinchcp' },
    ],
    outputChannel: output,
    // The client reads `sinchcp.trace.server` itself (traceOutputChannel defaults to the output channel).
    synchronize: {
      configurationSection: 'sinchcp',
      fileEvents: watchers,
    },
  };

  return new LanguageClient('sinchcp', 'Sinch Contact Pro', serverOptions, clientOptions);
}
