// The language status items of sinchcp files (the `{}` next to "Sinch Contact Pro config" in the status bar): the
// server's state with a link to restart it, and the problems of the active file with validation on or off.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

const SELECTOR: vscode.DocumentSelector = { language: 'sinchcp' };

export interface LanguageStatus {
  /** Follows a (new) client's state changes. */
  watch(client: LanguageClient): void;
}

export function createLanguageStatus(context: vscode.ExtensionContext): LanguageStatus {
  const server = vscode.languages.createLanguageStatusItem('sinchcp.server', SELECTOR);
  server.name = 'Sinch Contact Pro server';
  server.text = 'sinchcp: starting';
  server.busy = true;
  server.command = {
    title: 'Restart',
    command: 'sinchcp.restartServer',
    tooltip: 'Restart the Sinch Contact Pro language server',
  };

  const problems = vscode.languages.createLanguageStatusItem('sinchcp.problems', SELECTOR);
  problems.name = 'Sinch Contact Pro problems';
  problems.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  context.subscriptions.push(server, problems);

  const updateProblems = () => {
    const enabled = vscode.workspace
      .getConfiguration('sinchcp', vscode.window.activeTextEditor?.document)
      .get<boolean>('validate.enable', true);
    const doc = vscode.window.activeTextEditor?.document;
    const found =
      doc && doc.languageId === 'sinchcp'
        ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'sinchcp')
        : [];
    const errors = found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    problems.text = enabled ? `${found.length} problem${found.length === 1 ? '' : 's'} in this file` : 'Validation off';
    problems.detail = enabled
      ? `${errors} error${errors === 1 ? '' : 's'}; validation on (sinchcp.validate.enable)`
      : 'sinchcp.validate.enable is false';
    problems.severity =
      enabled && errors ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  updateProblems();
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(updateProblems),
    vscode.window.onDidChangeActiveTextEditor(updateProblems),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sinchcp.validate')) updateProblems();
    }),
  );

  const showState = (state: State) => {
    server.busy = state === State.Starting;
    server.text =
      state === State.Running
        ? 'sinchcp: server running'
        : state === State.Starting
          ? 'sinchcp: starting'
          : 'sinchcp: server stopped';
    server.severity =
      state === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  };
  return {
    watch(client) {
      showState(client.state);
      context.subscriptions.push(client.onDidChangeState((e) => showState(e.newState)));
    },
  };
}
