// Wires the language service to an LSP connection: the lifecycle (nothing is served before `initialize` or
// after `shutdown`), settings, the document store, the analysis worker, and one module per feature.
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultSettings, parseSettings, type Settings } from '../service/settings';
import { AnalysisHost, answer } from './analysis/host';
import type { AnalysisRequest, ClientInfo, Feature, ServerContext } from './context';
import { createDiagnosticsScheduler } from './features/diagnostics';
import { features } from './features';
import { describeProblem } from './params';
import { VERSION } from '../protocol/version';

/** How long the workspace scan's worker stays up without work before it is stopped. */
const BACKGROUND_IDLE_STOP_MS = 3000;

export const SERVER_NAME = 'sinchcp';
/** package.json's version (see protocol/version.ts), as initialize's serverInfo says it. */
export const SERVER_VERSION = VERSION;

type Phase = 'waiting for initialize' | 'running' | 'shut down';

export function startServer(connection: Connection, workerScript: string): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = defaultSettings;
  let client: ClientInfo = {
    snippetSupport: false,
    markdownHover: false,
    configurationRequests: false,
    workDoneProgress: false,
    workspaceFolders: [],
  };
  let phase: Phase = 'waiting for initialize';
  const log = (message: string) => connection.console.error(message);
  const revalidateListeners: (() => void)[] = [];
  const config = () => ({ settings, client });
  const analysis = new AnalysisHost({ workerScript, documents, standby: true, label: 'analysis worker', config, log });
  // The workspace scan's checks run in a worker of their own, so a request never waits behind a file's check.
  // It starts with the scan's first request and stops when the scan is done (its heap, grown by the largest file it
  // parsed, goes back to the system).
  const background = new AnalysisHost({
    workerScript,
    standby: false,
    label: 'background analysis worker',
    config,
    log,
    startOnFirstRun: true,
    idleStopMs: BACKGROUND_IDLE_STOP_MS,
  });

  /** The answer a request gets in the wrong phase, or undefined when it may be served. */
  const phaseError = (method: string): ResponseError<void> | undefined => {
    if (phase === 'waiting for initialize')
      return new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized yet`);
    if (phase === 'shut down')
      return new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server is shut down`);
    return undefined;
  };

  const onRequest: ServerContext['onRequest'] = <P>(
    method: string,
    fallback: unknown,
    handler: (params: P, token: CancellationToken) => unknown,
  ) => {
    connection.onRequest(method, async (params: unknown, token: CancellationToken) => {
      const refused = phaseError(method);
      if (refused) return refused;
      try {
        return await handler(params as P, token);
      } catch (error) {
        log(`[${method}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    });
  };

  const base: Omit<ServerContext, 'diagnostics'> = {
    connection,
    documents,
    settings: () => settings,
    client: () => client,
    analyse: (method, params, token) => analysis.run(method, params, token),
    analyseInBackground: (method, params) => background.run(method, params),
    onRequest,
    revalidateAll: () => revalidateListeners.forEach((listener) => listener()),
    onRevalidateAll: (listener) => revalidateListeners.push(listener),
    log,
  };
  const context: ServerContext = { ...base, diagnostics: createDiagnosticsScheduler(base) };

  // Registered before `initialize`, so that a request sent too early is answered ServerNotInitialized.
  for (const feature of features) {
    feature.register?.(context);
    for (const request of feature.requests ?? []) if (request.params) registerAnalysisRequest(context, request);
  }
  connection.onRequest(
    (method) => phaseError(method) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`),
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      client = readClientInfo(params);
    } catch (error) {
      log(`[initialize] ${String(error)}`);
    }
    analysis.configure();
    background.configure();
    phase = 'running';
    return {
      capabilities: mergeCapabilities(features),
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  /** Reads the settings; true when they changed (so nothing is re-checked needlessly). */
  async function refreshSettings(): Promise<boolean> {
    if (!client.configurationRequests) return false;
    try {
      return applySettings(parseSettings(await connection.workspace.getConfiguration('sinchcp')));
    } catch (error) {
      log(`[settings] could not read settings: ${String(error)}`);
      return false;
    }
  }

  function applySettings(next: Settings): boolean {
    if (JSON.stringify(next) === JSON.stringify(settings)) return false;
    settings = next;
    analysis.configure();
    background.configure();
    return true;
  }

  connection.onInitialized(() => {
    if (phase !== 'running') return;
    if (client.configurationRequests) {
      // A client may refuse the registration; the settings are still read once below.
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'sinchcp' })
        .catch((error: unknown) => log(`[registerCapability] ${String(error)}`));
    }
    // The first check of everything, whether or not the settings differ from the defaults.
    void refreshSettings().then(() => context.revalidateAll());
  });

  connection.onDidChangeConfiguration((change) => {
    if (phase !== 'running') return;
    try {
      if (client.configurationRequests) {
        void refreshSettings().then((changed) => {
          if (changed) context.revalidateAll();
        });
      } else if (applySettings(parseSettings((change.settings as { sinchcp?: unknown } | undefined)?.sinchcp))) {
        // Clients without workspace/configuration push the settings with the notification.
        context.revalidateAll();
      }
    } catch (error) {
      log(`[didChangeConfiguration] ${String(error)}`);
    }
  });

  connection.onShutdown(() => {
    phase = 'shut down';
    analysis.dispose();
    background.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** A client request computed in the worker: params checked here, the outcome turned into the answer. */
function registerAnalysisRequest(context: ServerContext, request: AnalysisRequest): void {
  context.onRequest(request.method, request.fallback, async (params, token) => {
    const checked = request.params!.safeParse(params);
    if (!checked.success)
      return new ResponseError(ErrorCodes.InvalidParams, `${request.method}: ${describeProblem(checked.error)}`);
    return answer(await context.analyse(request.method, params, token), request.fallback);
  });
}

function readClientInfo(params: InitializeParams): ClientInfo {
  const caps = params.capabilities ?? {};
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    snippetSupport: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
    markdownHover: !!caps.textDocument?.hover?.contentFormat?.includes('markdown'),
    configurationRequests: !!caps.workspace?.configuration,
    workDoneProgress: !!caps.window?.workDoneProgress,
    workspaceFolders: folders.filter((uri) => typeof uri === 'string' && URI.parse(uri).scheme === 'file'),
  };
}

function mergeCapabilities(list: readonly Feature[]): ServerCapabilities {
  return Object.assign({}, ...list.map((feature) => feature.capabilities)) as ServerCapabilities;
}
