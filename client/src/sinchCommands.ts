// The Sinch project commands: import the apps, check the file against the project, plan and apply the
// Contact Pro webhooks, forget the access key. The work is done by the language server (sinchcp/sinch.*);
// this file asks for the access key (once per project, kept in VS Code's SecretStorage, never in a file or
// a setting), seals it for the server (a verbose trace shows no credential) and shows the results.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { sealCredentials } from '../../server/src/sinch/sealed';
import { minimalEdit } from '../../server/src/service/edits';
import { SINCH_REQUESTS as REQUESTS, type SinchAnswer, type SinchRequestBase } from '../../server/src/protocol/sinch';
import type { RequestSpec } from '../../server/src/protocol/spec';
import { sendRequest } from './protocolClient';

type Answer<T> = SinchAnswer<T>;
interface Credentials {
  keyId: string;
  keySecret: string;
}

const SECRET_PREFIX = 'sinchcp.sinch.accessKey.';
const KNOWN_PROJECTS = 'sinchcp.sinch.projectsWithKeys';
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function registerSinchCommands(
  context: vscode.ExtensionContext,
  startClient: () => Promise<LanguageClient>,
): void {
  const keys = new AccessKeys(context);

  const hosts = () => {
    const config = vscode.workspace.getConfiguration('sinchcp.sinch');
    return {
      authUrl: config.get<string>('authUrl') || process.env.SINCHCP_AUTH_URL || undefined,
      conversationUrl: config.get<string>('conversationUrl') || process.env.SINCHCP_CONVERSATION_URL || undefined,
    };
  };

  /**
   * Sends a request, asking for the project's key when the server says it needs one (at most once per
   * command); `askProject` also lets the user name the project when the file names none (import).
   */
  async function withKey<P extends SinchRequestBase, T>(
    request: RequestSpec<P, Answer<T>>,
    params: P,
    options: { askProject?: boolean; prompt?: boolean } = {},
  ): Promise<Answer<T> | undefined> {
    const client = await startClient();
    let answer = await sendRequest(client, request, { ...params, hosts: hosts() });
    if (!answer.ok && answer.kind === 'project' && options.askProject) {
      const projectId = await vscode.window.showInputBox({
        title: 'Import Apps from Sinch',
        prompt: 'Sinch project ID (Sinch dashboard: Conversation API > Apps)',
        ignoreFocusOut: true,
        validateInput: (v) =>
          UUID.test(v.trim()) ? undefined : 'A project ID is a UUID, e.g. c36f3d3d-1513-4edd-ae42-11995557ff61',
      });
      if (!projectId) return undefined;
      params = { ...params, projectId: projectId.trim() };
      answer = await sendRequest(client, request, { ...params, hosts: hosts() });
    }
    if (answer.ok || answer.kind !== 'credentials' || !answer.projectId) return answer;
    const projectId = answer.projectId;
    const credentials =
      (await keys.get(projectId)) ?? (options.prompt === false ? undefined : await keys.ask(projectId));
    if (!credentials) return undefined;
    const { publicKey } = await sendRequest(client, REQUESTS.session, {});
    answer = await sendRequest(client, request, {
      ...params,
      projectId: params.projectId ?? projectId,
      sealed: sealCredentials(publicKey, credentials),
      hosts: hosts(),
    });
    if (!answer.ok && answer.kind === 'unauthorized') {
      const forget = 'Forget This Key';
      void vscode.window.showErrorMessage(answer.message, forget).then((choice) => {
        if (choice === forget) void keys.forget(projectId);
      });
      return undefined;
    }
    return answer;
  }

  const sinchDocument = (): vscode.TextDocument | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && (doc.languageId === 'sinchcp' || doc.languageId === 'yaml')) return doc;
    void vscode.window.showWarningMessage('Open a sinchcp configuration file (*.sinchcp.yaml) first.');
    return undefined;
  };

  const showFailure = (answer: Answer<unknown> | undefined): answer is undefined | { ok: false; message: string } => {
    if (!answer) return true;
    if (!answer.ok) void vscode.window.showErrorMessage(`Sinch: ${answer.message}`);
    return !answer.ok;
  };

  async function liveCheck(doc: vscode.TextDocument, interactive: boolean): Promise<void> {
    const answer = await withKey(
      REQUESTS.liveCheck,
      { uri: doc.uri.toString(), refresh: interactive },
      { prompt: interactive },
    );
    if (!interactive) return;
    if (showFailure(answer)) return;
    const { findings, failure } = answer.value;
    if (failure) void vscode.window.showWarningMessage(`Sinch live check: ${failure}`);
    else
      void vscode.window.showInformationMessage(
        findings
          ? `Sinch live check: ${findings} finding${findings === 1 ? '' : 's'} (see the Problems panel).`
          : 'Sinch live check: the file matches the project.',
      );
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('sinchcp.sinch.importApps', async () => {
      const doc = sinchDocument();
      if (!doc) return;
      const answer = await withKey(
        REQUESTS.import,
        { uri: doc.uri.toString(), text: doc.getText() },
        { askProject: true },
      );
      if (showFailure(answer)) return;
      const { text, changes, apps } = answer.value;
      const edit = minimalEdit(doc.getText(), text);
      if (!edit) {
        void vscode.window.showInformationMessage(
          `Sinch: the file already has the project's ${apps} apps as they are.`,
        );
        return;
      }
      // Shown before it is written: VS Code's refactor preview lists the change, the user applies or discards it.
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.replace(
        doc.uri,
        new vscode.Range(doc.positionAt(edit.span.start), doc.positionAt(edit.span.end)),
        edit.newText,
        {
          needsConfirmation: true,
          label: 'Import apps from Sinch',
          description: changes.join('; '),
        },
      );
      await vscode.workspace.applyEdit(workspaceEdit);
    }),
    vscode.commands.registerCommand('sinchcp.sinch.liveCheck', async () => {
      const doc = sinchDocument();
      if (doc) await liveCheck(doc, true);
    }),
    vscode.commands.registerCommand('sinchcp.sinch.planWebhooks', async () => {
      const doc = sinchDocument();
      if (!doc) return;
      const answer = await withKey(REQUESTS.plan, { uri: doc.uri.toString() });
      if (showFailure(answer)) return;
      const { planId, text, changes } = answer.value;
      if (!changes.length) {
        void vscode.window.showInformationMessage(text.split('\n').join(' '));
        return;
      }
      const apply = `Apply ${changes.length} Change${changes.length === 1 ? '' : 's'}`;
      const choice = await vscode.window.showWarningMessage(
        'Change the webhooks in the Sinch project?',
        { modal: true, detail: text },
        apply,
      );
      if (choice !== apply) return;
      const client = await startClient();
      const applied = await sendRequest(client, REQUESTS.apply, { planId });
      if (showFailure(applied)) return;
      void vscode.window.showInformationMessage(
        `Sinch: ${applied.value.done.length} webhook change${applied.value.done.length === 1 ? '' : 's'} applied.`,
      );
    }),
    vscode.commands.registerCommand('sinchcp.sinch.forgetAccessKeys', async () => {
      await keys.forgetAll();
      await sendRequest(await startClient(), REQUESTS.forget, {});
      void vscode.window.showInformationMessage('Sinch: the stored access keys are forgotten.');
    }),
    // Opt-in: a save re-checks against the project (through the server's short-lived cache), never asks for a key.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (
        doc.languageId !== 'sinchcp' ||
        !vscode.workspace.getConfiguration('sinchcp.live', doc.uri).get<boolean>('onSave')
      )
        return;
      void liveCheck(doc, false).catch(() => undefined);
    }),
  );
}

/** The access keys, one per project, in SecretStorage; the list of projects with a key in global state (IDs only). */
class AccessKeys {
  constructor(private readonly context: vscode.ExtensionContext) {}

  async get(projectId: string): Promise<Credentials | undefined> {
    const stored = await this.context.secrets.get(SECRET_PREFIX + projectId);
    if (!stored) return undefined;
    try {
      const value = JSON.parse(stored) as Partial<Credentials>;
      return typeof value.keyId === 'string' && typeof value.keySecret === 'string'
        ? { keyId: value.keyId, keySecret: value.keySecret }
        : undefined;
    } catch {
      return undefined;
    }
  }

  async ask(projectId: string): Promise<Credentials | undefined> {
    const title = `Sinch access key for project ${projectId}`;
    const keyId = await vscode.window.showInputBox({
      title,
      prompt: "Key ID (Sinch dashboard > Settings > Access keys). Kept in VS Code's secret storage, never in the file.",
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'The key ID is required'),
    });
    if (!keyId) return undefined;
    const keySecret = await vscode.window.showInputBox({
      title,
      prompt: 'Key secret (shown once, when the key was created)',
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v ? undefined : 'The key secret is required'),
    });
    if (!keySecret) return undefined;
    const credentials = { keyId: keyId.trim(), keySecret };
    await this.context.secrets.store(SECRET_PREFIX + projectId, JSON.stringify(credentials));
    const known = new Set(this.context.globalState.get<string[]>(KNOWN_PROJECTS, []));
    known.add(projectId);
    await this.context.globalState.update(KNOWN_PROJECTS, [...known]);
    return credentials;
  }

  async forget(projectId: string): Promise<void> {
    await this.context.secrets.delete(SECRET_PREFIX + projectId);
    const known = this.context.globalState.get<string[]>(KNOWN_PROJECTS, []).filter((id) => id !== projectId);
    await this.context.globalState.update(KNOWN_PROJECTS, known);
  }

  async forgetAll(): Promise<void> {
    for (const projectId of this.context.globalState.get<string[]>(KNOWN_PROJECTS, [])) {
      await this.context.secrets.delete(SECRET_PREFIX + projectId);
    }
    await this.context.globalState.update(KNOWN_PROJECTS, []);
  }
}
