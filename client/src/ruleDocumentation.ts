// A rule's documentation inside VS Code, offline: its page docs/rules/<rule>.md ships in the .vsix and opens as a
// rendered Markdown preview. The server links each diagnostic's code to the page's file (any LSP client can open
// that); VS Code would open a file link as Markdown source, so the client turns the link into a command link,
// and runs the "Show documentation" code action's server command here.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../server/src/protocol/commands';

export const SHOW_RULE_DOCUMENTATION_COMMAND = 'sinchcp.showRuleDocumentation';

/** The rule whose bundled page a link names: `…/docs/rules/<rule>.md`. */
export function ruleOfPage(path: string): string | undefined {
  return /\/docs\/rules\/([a-z][a-z-]*)\.md$/.exec(path)?.[1];
}

/** The `command:` link that shows a rule's page (what a diagnostic's code links to in the Problems view and hover). */
export function ruleDocumentationLink(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION_COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`);
}

export function registerRuleDocumentation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION_COMMAND, async (rule: unknown) => {
      if (typeof rule !== 'string' || !/^[a-z][a-z-]*$/.test(rule)) return;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
      try {
        await vscode.workspace.fs.stat(page);
      } catch {
        void vscode.window.showWarningMessage(`Sinch CP: no documentation page for the rule '${rule}'.`);
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', page);
    }),
  );
}

export const ruleDocumentationMiddleware: Pick<Middleware, 'handleDiagnostics' | 'executeCommand'> = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      if (typeof code !== 'object' || code.target.scheme !== 'file') continue;
      const rule = ruleOfPage(code.target.path);
      if (rule) diagnostic.code = { value: code.value, target: ruleDocumentationLink(rule) };
    }
    next(uri, diagnostics);
  },
  executeCommand(command, args, next) {
    // The server's command behind the "Show documentation for 'rule'" code action; its argument is the page's URI.
    if (command === SERVER_COMMANDS.showDocumentation.command) {
      const [page] = args as unknown[];
      const rule = typeof page === 'string' ? ruleOfPage(vscode.Uri.parse(page).path) : undefined;
      if (rule) return vscode.commands.executeCommand(SHOW_RULE_DOCUMENTATION_COMMAND, rule);
    }
    return next(command, args) as unknown;
  },
};
