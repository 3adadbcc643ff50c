// Extension entry point. It only wires things together: the language client (which starts dist/server.js)
// and the commands. All validation lives in the server, so the same checks run in the CLI and other editors.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';

/** What `activate` returns: tests reach the running client through `extension.exports`. */
export interface SinchcpApi {
  /** The client of the current server (replaced by "Restart server"). */
  readonly client: LanguageClient;
  /** How long `activate` took until the server answered `initialize`, in milliseconds. */
  readonly activationMs: number;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SinchcpApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Sinch Contact Pro');
  context.subscriptions.push(output);

  client = createLanguageClient(context, output);
  await client.start();

  registerCommands(context, {
    async restartServer() {
      // restart() keeps the same client object, so the API below stays valid.
      await client?.restart();
    },
  });

  const activationMs = Date.now() - started;
  output.appendLine(`Sinch Contact Pro server started in ${activationMs} ms`);
  return {
    get client() {
      if (!client) throw new Error('sinchcp: the language client is not running');
      return client;
    },
    activationMs,
  };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
