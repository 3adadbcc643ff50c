// The connection to the Sinch project, for the VS Code client's commands: import, live check, webhook plan and
// apply, forget. Custom requests (`sinchcp/sinch.*`), so they add to the server's commands without touching
// them. Credentials arrive sealed (see sinch/sealed.ts) and live only in this process's memory.
//
// Live findings are published together with the ordinary ones: this feature wraps the connection's
// sendDiagnostics, so whenever the diagnostics feature publishes a document that has a live result, the live
// findings, recomputed for that exact version from the stored project snapshot (a pure, cheap comparison),
// are added. The network is used only on request (the command, or a save when the user opted in).
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { randomUUID } from 'node:crypto';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, parseText, type ParsedDocument } from '../../parse/parsedDocument';
import type { ProjectSnapshot } from '../../sinch/api';
import { SinchClient, type SinchCredentials } from '../../sinch/client';
import { SinchError } from '../../sinch/errors';
import { DEFAULT_AUTH_URL, DEFAULT_CONVERSATION_URL, type SinchHosts } from '../../sinch/hosts';
import { importProject, ImportError } from '../../sinch/import/mergeImport';
import { liveCheck, projectAnchor, type LiveFinding } from '../../sinch/live/liveCheck';
import { liveDiagnostics, SnapshotCache } from '../../sinch/live/liveRun';
import { CredentialOpener } from '../../sinch/sealed';
import { readProject } from '../../sinch/snapshot';
import { applyWebhookPlan, describePlan, planWebhooks, type WebhookPlan } from '../../sinch/webhooks/plan';
import { SINCH_REQUESTS, type SinchAnswer, type SinchRequestBase } from '../../protocol/sinch';
import type { Feature } from '../context';
import { handleRequest } from '../protocolRequests';

type LiveResult = { snapshot: ProjectSnapshot } | { failure: string };

export const sinchConnectionFeature: Feature = {
  capabilities: {},
  register(context) {
    const opener = new CredentialOpener();
    const cache = new SnapshotCache(60_000);
    const clients = new Map<string, SinchClient>();
    const live = new Map<string, LiveResult>();
    const plans = new Map<string, { uri: string; plan: WebhookPlan; client: SinchClient }>();

    const clientFor = (base: SinchRequestBase): SinchClient | undefined => {
      const credentials: SinchCredentials | undefined = opener.open(base.sealed);
      if (!credentials) return undefined;
      const hosts: SinchHosts = {
        authUrl: base.hosts?.authUrl?.trim() || DEFAULT_AUTH_URL,
        conversationUrl: base.hosts?.conversationUrl?.trim() || DEFAULT_CONVERSATION_URL,
      };
      // One client per key and hosts, so its token is reused; a changed secret gets a new client.
      const id = `${credentials.keyId}|${hosts.authUrl}|${hosts.conversationUrl}|${fingerprint(credentials.keySecret)}`;
      let client = clients.get(id);
      if (!client) {
        client = new SinchClient({ ...credentials, ...hosts });
        clients.set(id, client);
      }
      return client;
    };

    // These requests run on the protocol thread (they wait on the network, not on the CPU), so they parse here:
    // once per text of a document that has a live result or is asked about, never per keystroke otherwise.
    const parses = new Map<string, ParsedDocument>();
    const parsed = (uri: string): ParsedDocument | undefined => {
      const open = context.documents.get(uri);
      if (!open) {
        parses.delete(uri);
        return undefined;
      }
      const cached = parses.get(uri);
      if (cached && cached.version === open.version && cached.text === open.getText()) return cached;
      const fresh = parse(TextDocument.create(uri, open.languageId, open.version, open.getText()));
      parses.set(uri, fresh);
      return fresh;
    };
    context.documents.onDidClose((event) => parses.delete(event.document.uri));

    const documentOf = (uri: string, text?: unknown): ParsedDocument | undefined =>
      parsed(uri) ?? (typeof text === 'string' ? parseText(text, uri) : undefined);

    const liveFindings = (doc: ParsedDocument, result: LiveResult): LiveFinding[] =>
      'failure' in result
        ? [
            {
              rule: 'live-connection',
              severity: 'error',
              span: projectAnchor(doc),
              message: `Live check: ${result.failure}`,
            },
          ]
        : liveCheck(doc, result.snapshot, process.env);

    // Adds the live part to every publication of a document that has a live result.
    const send = context.connection.sendDiagnostics.bind(context.connection);
    context.connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
      const result = live.get(params.uri);
      const doc = result ? parsed(params.uri) : undefined;
      if (!result || !doc || (params.version !== undefined && params.version !== doc.version)) return send(params);
      let extra: Diagnostic[] = [];
      try {
        extra = liveDiagnostics(doc, liveFindings(doc, result), context.settings().rules);
      } catch (error) {
        context.log(`[live check] ${error instanceof Error ? error.stack : String(error)}`);
      }
      return send({ ...params, diagnostics: [...params.diagnostics, ...extra] });
    };

    const answer = async <T>(name: string, work: () => Promise<SinchAnswer<T>>): Promise<SinchAnswer<T>> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof SinchError) return { ok: false, message: error.message, kind: error.kind };
        if (error instanceof ImportError) return { ok: false, message: error.message };
        context.log(`[${name}] ${error instanceof Error ? error.stack : String(error)}`);
        return {
          ok: false,
          message: 'The request failed inside the language server (see the output channel "Sinch Contact Pro").',
        };
      }
    };
    // Also the answer to a request sent without credentials: it names the project, so the client knows whose key to ask for.
    const noKey = (projectId: string): SinchAnswer<never> => ({
      ok: false,
      kind: 'credentials',
      projectId,
      message: 'The access key could not be read: run the command again (the key is asked for once per project).',
    });

    handleRequest(context, SINCH_REQUESTS.session, null, () => ({ publicKey: opener.publicKey }));

    handleRequest(context, SINCH_REQUESTS.import, null, (params) =>
      answer('import', async () => {
        const doc = documentOf(params.uri, params.text);
        if (!doc) return { ok: false, message: 'Open the sinchcp file to import into.' };
        const projectId = params.projectId?.trim() || doc.model.conversationApi?.projectId?.text?.trim();
        if (!projectId)
          return { ok: false, message: 'No project: the file has no conversationApi.projectId.', kind: 'project' };
        const client = clientFor(params);
        if (!client) return noKey(projectId);
        cache.clear();
        const credentials = opener.open(params.sealed)!;
        const snapshot = await cache.get(projectId, () => readProject(client, projectId));
        const result = importProject(doc.text, snapshot, { keyId: credentials.keyId });
        return {
          ok: true,
          value: {
            text: result.text,
            changes: result.changes,
            created: result.created,
            version: doc.version,
            apps: snapshot.apps.length,
          },
        };
      }),
    );

    handleRequest(context, SINCH_REQUESTS.liveCheck, null, (params) =>
      answer('liveCheck', async () => {
        const doc = documentOf(params.uri);
        if (!doc) return { ok: false, message: 'Open the sinchcp file to check.' };
        const projectId = doc.model.conversationApi?.projectId?.text?.trim();
        if (!projectId)
          return {
            ok: false,
            message: 'The file has no conversationApi.projectId: there is no Sinch project to compare it with.',
            kind: 'project',
          };
        const client = clientFor(params);
        if (!client) return noKey(projectId);
        if (params.refresh) cache.clear();
        let result: LiveResult;
        try {
          result = { snapshot: await cache.get(projectId, () => readProject(client, projectId)) };
        } catch (error) {
          if (!(error instanceof SinchError)) throw error;
          result = { failure: error.message };
        }
        live.set(params.uri, result);
        context.diagnostics.schedule(params.uri);
        const findings = liveFindings(doc, result);
        return {
          ok: true,
          value: { findings: findings.length, failure: 'failure' in result ? result.failure : undefined, projectId },
        };
      }),
    );

    handleRequest(context, SINCH_REQUESTS.plan, null, (params) =>
      answer('webhookPlan', async () => {
        const doc = documentOf(params.uri);
        if (!doc) return { ok: false, message: 'Open the sinchcp file to plan from.' };
        const projectId = doc.model.conversationApi?.projectId?.text?.trim();
        if (!projectId) return { ok: false, message: 'The file has no conversationApi.projectId.', kind: 'project' };
        const client = clientFor(params);
        if (!client) return noKey(projectId);
        cache.clear();
        const snapshot = await cache.get(projectId, () => readProject(client, projectId));
        const plan = planWebhooks(doc, snapshot, process.env);
        const planId = randomUUID();
        plans.clear();
        plans.set(planId, { uri: params.uri, plan, client });
        return {
          ok: true,
          value: { planId, text: describePlan(plan), changes: plan.changes.map((c) => c.summary), notes: plan.notes },
        };
      }),
    );

    handleRequest(context, SINCH_REQUESTS.apply, null, (params) =>
      answer('webhookApply', async () => {
        const stored = params.planId ? plans.get(params.planId) : undefined;
        if (!stored) return { ok: false, message: 'That plan is no longer current: make the plan again.' };
        plans.delete(params.planId!);
        const done = await applyWebhookPlan(stored.client, stored.plan);
        cache.clear();
        if (live.has(stored.uri)) live.delete(stored.uri);
        context.diagnostics.schedule(stored.uri);
        return { ok: true, value: { done } };
      }),
    );

    handleRequest(context, SINCH_REQUESTS.forget, null, (): SinchAnswer<null> => {
      clients.clear();
      plans.clear();
      cache.clear();
      const uris = [...live.keys()];
      live.clear();
      uris.forEach((uri) => context.diagnostics.schedule(uri));
      return { ok: true, value: null };
    });
  },
};

/** A short, non-reversible tag of a secret, so a changed secret gets a new client (never logged). */
function fingerprint(secret: string): string {
  let hash = 0;
  for (let i = 0; i < secret.length; i++) hash = (hash * 31 + secret.charCodeAt(i)) | 0;
  return String(hash >>> 0);
}
