// Builds the LSP client for the sinchcp server (dist/server.js, bundled next to dist/extension.js).
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { placeCursorMiddleware } from './fillInAfterFix';
import { ruleDocumentationMiddleware } from './ruleDocumentation';

/** Every YAML file: watched, because a `# sinchcp` first line makes any of them a config file. */
export const YAML_FILES_GLOB = '**/*.{yaml,yml}';
/** The same files as one glob (VS Code globs do not nest braces). */
export const CONFIG_FILES_GLOB = '{**/*.sinchcp.yaml,**/*.sinchcp.yml,**/sinchcp.yaml,**/sinchcp.yml}';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // F5 debugging of the server: attach a debugger to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // Any YAML file may be a config file by its first line (`# sinchcp…`); the server reads the first bytes of a
  // changed file and ignores the others, so one watcher over all YAML files serves both kinds.
  const watchers = [vscode.workspace.createFileSystemWatcher(YAML_FILES_GLOB)];
  context.subscriptions.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sinchcp' },
      { scheme: 'untitled', language: 'sinchcp' },
    ],
    outputChannel: output,
    middleware: { ...placeCursorMiddleware, ...ruleDocumentationMiddleware },
    // The client reads `sinchcp.trace.server` itself (traceOutputChannel defaults to the output channel).
    synchronize: {
      configurationSection: 'sinchcp',
      fileEvents: watchers,
    },
  };

  return new LanguageClient('sinchcp', 'Sinch Contact Pro', serverOptions, clientOptions);
}
