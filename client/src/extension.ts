// Extension entry point. It only wires things together: the language client (which starts dist/server.js),
// the commands, and first-line detection. All validation lives in the server, so the same checks run in the
// CLI and in other editors.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONFIG_FILES_GLOB, createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { registerServerCommands } from './serverCommands';
import { adoptSinchcpYamlDocuments } from './firstLineDetection';
import { registerSinchCommands } from './sinchCommands';
import { registerPlaceCursorCommand } from './fillInAfterFix';
import { registerRuleDocumentation } from './ruleDocumentation';
import { createLanguageStatus } from './languageStatus';

/** What `activate` returns: tests reach the running client through `extension.exports`. */
export interface SinchcpApi {
  /** The client of the server; throws while no server runs (see `startServer`). */
  readonly client: LanguageClient;
  /** Starts the server if it is not running yet and resolves when it answered `initialize`. */
  startServer(): Promise<LanguageClient>;
  /** How long the first server start took until `initialize` was answered, in ms (undefined before). */
  readonly activationMs: number | undefined;
}

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SinchcpApi> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel('Sinch Contact Pro');
  context.subscriptions.push(output);
  let activationMs: number | undefined;
  const status = createLanguageStatus(context);

  const startServer = (): Promise<LanguageClient> => {
    starting ??= (async () => {
      const c = createLanguageClient(context, output);
      status.watch(c);
      await c.start();
      client = c;
      activationMs = Date.now() - activated;
      output.appendLine(`Sinch Contact Pro server started ${activationMs} ms after activation`);
      return c;
    })();
    return starting;
  };

  registerCommands(context, {
    async restartServer() {
      // restart() keeps the same client object, so the API below stays valid.
      if (client) await client.restart();
      else await startServer();
    },
  });

  registerServerCommands(context, startServer);
  registerSinchCommands(context, startServer);
  registerPlaceCursorCommand(context);
  registerRuleDocumentation(context);

  // `onLanguage:yaml` activates the extension for every YAML file (so that `# sinchcp` YAML files are found);
  // the server itself starts only once there is a sinchcp document or config file to check.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      // The language client shows a failed start itself; the rejection is only logged here, not left unhandled.
      if (doc.languageId === 'sinchcp')
        startServer().catch((error: unknown) => output.appendLine(`the server did not start: ${String(error)}`));
    }),
  );
  adoptSinchcpYamlDocuments(context);
  logFirstDiagnostics(context, output, activated);
  if (await hasSinchcpWork()) await startServer();

  return {
    get client() {
      if (!client) throw new Error('sinchcp: the language server is not running');
      return client;
    },
    startServer,
    get activationMs() {
      return activationMs;
    },
  };
}

/** Start-up, for the log: when the first diagnostics of an open sinchcp document arrived (the e2e suite measures it). */
function logFirstDiagnostics(context: vscode.ExtensionContext, output: vscode.OutputChannel, activated: number): void {
  output.appendLine(
    `Sinch Contact Pro activated ${Math.round(process.uptime() * 1000)} ms after the extension host started`,
  );
  const listener = vscode.languages.onDidChangeDiagnostics((e) => {
    const open = e.uris.find((uri) =>
      vscode.workspace.textDocuments.some((d) => d.languageId === 'sinchcp' && d.uri.toString() === uri.toString()),
    );
    if (!open) return;
    output.appendLine(`first diagnostics of an open file ${Date.now() - activated} ms after activation`);
    listener.dispose();
  });
  context.subscriptions.push(listener);
}

/**
 * An open sinchcp document, or a config file anywhere in the workspace (its problems are listed unopened). Only
 * an activation by an ordinary YAML file (`onLanguage:yaml`) can come without either: otherwise VS Code has found
 * a config file already (`workspaceContains`) or a command wants the server, so the server starts without waiting
 * for a search of the workspace (on a busy machine that search delayed the first squiggle by a second or more).
 */
async function hasSinchcpWork(): Promise<boolean> {
  const open = vscode.workspace.textDocuments;
  if (open.some((d) => d.languageId === 'sinchcp')) return true;
  if (!open.some((d) => d.languageId === 'yaml')) return true;
  return (await vscode.workspace.findFiles(CONFIG_FILES_GLOB, '**/node_modules/**', 1)).length > 0;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  starting = undefined;
  await running?.stop();
}
