// The analysis worker: holds a copy of the open documents (synced by the protocol thread), parses them on
// demand and answers analysis requests one at a time, in the order they were sent. It posts `started` before
// each computation, so the protocol thread's watchdog times the computation itself, not the queue before it.
import type { MessagePort } from 'node:worker_threads';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocumentCache } from '../../parse/parsedDocument';
import { defaultSettings, type Settings } from '../../service/settings';
import type { AnalysisContext, AnalysisRequest, ClientInfo, Feature } from '../context';
import type { FromWorker, ToWorker } from './protocol';
import { applyTestHooks, testHooksEnabled } from './testHooks';

export function runAnalysisWorker(port: MessagePort, features: readonly Feature[]): void {
  const documents = new Map<string, TextDocument>();
  const cache = new ParsedDocumentCache();
  let settings: Settings = defaultSettings;
  let client: ClientInfo = {
    snippetSupport: false,
    markdownHover: false,
    configurationRequests: false,
    workDoneProgress: false,
    workspaceFolders: [],
  };
  const post = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => post({ type: 'log', message });
  const context: AnalysisContext = {
    document: (uri) => documents.get(uri),
    parsed(uri) {
      const document = documents.get(uri);
      return document ? cache.get(document) : undefined;
    },
    settings: () => settings,
    client: () => client,
    log,
  };
  const methods = new Map<string, AnalysisRequest>(
    features.flatMap((feature) => feature.requests ?? []).map((request) => [request.method, request]),
  );
  const hooks = testHooksEnabled();

  // One FIFO for everything, so a request sees exactly the documents synced before it; cancellations are
  // applied on arrival, so a request cancelled while it waits is skipped.
  const queue: ToWorker[] = [];
  const cancelled = new Set<number>();
  let scheduled = false;

  const apply = (message: ToWorker) => {
    switch (message.type) {
      case 'config':
        settings = message.settings;
        client = message.client;
        break;
      case 'sync':
        // A new TextDocument per sync: a change that repeats a version number still gets a fresh parse. The
        // previous parse stays in the cache until then: the next parse re-parses only what the change touched.
        documents.set(message.uri, TextDocument.create(message.uri, message.languageId, message.version, message.text));
        break;
      case 'close':
        documents.delete(message.uri);
        cache.delete(message.uri);
        break;
      case 'request':
        serve(message.id, message.method, message.params);
        break;
      case 'cancel':
        break;
    }
  };

  const serve = (id: number, method: string, params: unknown) => {
    // Ids grow in sending order: a cancellation for an earlier id came after that request was served.
    for (const stale of cancelled) if (stale < id) cancelled.delete(stale);
    if (cancelled.delete(id)) {
      post({ type: 'done', id, error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled' } });
      return;
    }
    const request = methods.get(method);
    if (!request) {
      post({ type: 'done', id, error: { code: ErrorCodes.MethodNotFound, message: `Unhandled method ${method}` } });
      return;
    }
    if (request.skipWhenSuperseded && isSuperseded(params)) {
      post({ type: 'done', id, result: request.fallback });
      return;
    }
    post({ type: 'started', id });
    let result: unknown;
    try {
      if (hooks) applyTestHooks(context, method, params);
      result = request.compute(context, params);
    } catch (error) {
      log(`[${method}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      result = request.whenFailed ? request.whenFailed() : request.fallback;
    }
    if (result instanceof ResponseError)
      post({ type: 'done', id, error: { code: result.code, message: result.message } });
    else post({ type: 'done', id, result });
  };

  /** A newer text of the request's document is waiting in the queue (the user typed on). */
  const isSuperseded = (params: unknown) => {
    const uri = (params as { uri?: unknown } | undefined)?.uri;
    return queue.some((message) => message.type === 'sync' && message.uri === uri);
  };

  const drain = () => {
    scheduled = false;
    // Apply everything up to and including the next request, then yield so cancellations can arrive.
    while (queue.length) {
      const message = queue.shift()!;
      apply(message);
      if (message.type === 'request') break;
    }
    if (queue.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    queue.push(message);
    schedule();
  });
}
