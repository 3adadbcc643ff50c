// Wires the language service to an LSP connection: settings, the document store, and one module per feature.
import {
  DidChangeConfigurationNotification, TextDocuments, type Connection, type InitializeParams,
  type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ParsedDocumentCache } from '../parse/parsedDocument';
import { defaultSettings, parseSettings, type Settings } from '../service/settings';
import type { ClientInfo, Feature, ServerContext } from './context';
import { createDiagnosticsScheduler } from './features/diagnostics';
import { features } from './features';
import { guarded } from './guard';

export const SERVER_NAME = 'sinchcp';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ParsedDocumentCache();
  let settings: Settings = defaultSettings;
  let client: ClientInfo = { snippetSupport: false, markdownHover: false, configurationRequests: false, workspaceFolders: [] };
  const log = (message: string) => connection.console.error(message);
  const revalidateListeners: (() => void)[] = [];

  const base: Omit<ServerContext, 'diagnostics'> = {
    connection,
    documents,
    cache,
    settings: () => settings,
    client: () => client,
    parsed(uri) {
      const document = documents.get(uri);
      return document ? cache.get(document) : undefined;
    },
    revalidateAll: () => revalidateListeners.forEach((listener) => listener()),
    onRevalidateAll: (listener) => revalidateListeners.push(listener),
    log,
  };
  const context: ServerContext = { ...base, diagnostics: createDiagnosticsScheduler(base) };

  connection.onInitialize(guarded('initialize', log, { capabilities: {} }, (params: InitializeParams): InitializeResult => {
    client = readClientInfo(params);
    for (const feature of features) feature.register(context);
    return {
      capabilities: mergeCapabilities(features),
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  }));

  async function refreshSettings(): Promise<void> {
    if (!client.configurationRequests) return;
    try {
      settings = parseSettings(await connection.workspace.getConfiguration('sinchcp'));
    } catch (error) {
      log(`[settings] could not read settings: ${String(error)}`);
    }
  }

  connection.onInitialized(guarded('initialized', log, undefined, () => {
    if (client.configurationRequests) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sinchcp' });
    }
    void refreshSettings().then(() => context.revalidateAll());
  }));

  connection.onDidChangeConfiguration(guarded('didChangeConfiguration', log, undefined, (change) => {
    if (client.configurationRequests) {
      void refreshSettings().then(() => context.revalidateAll());
    } else {
      // Clients without workspace/configuration push the settings with the notification.
      settings = parseSettings((change.settings as { sinchcp?: unknown } | undefined)?.sinchcp);
      context.revalidateAll();
    }
  }));

  documents.listen(connection);
  connection.listen();
}

function readClientInfo(params: InitializeParams): ClientInfo {
  const caps = params.capabilities;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    snippetSupport: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
    markdownHover: !!caps.textDocument?.hover?.contentFormat?.includes('markdown'),
    configurationRequests: !!caps.workspace?.configuration,
    workspaceFolders: folders.filter((uri) => URI.parse(uri).scheme === 'file'),
  };
}

function mergeCapabilities(list: readonly Feature[]): ServerCapabilities {
  return Object.assign({}, ...list.map((feature) => feature.capabilities)) as ServerCapabilities;
}
