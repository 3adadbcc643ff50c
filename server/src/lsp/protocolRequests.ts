// Registers the handlers of the custom requests of server/src/protocol on the connection, each checked against
// its request's parameter and result types (so the client's typed results are what the server answers).
import type { CancellationToken } from 'vscode-languageserver/node';
import type { RequestSpec } from '../protocol/spec';
import type { ServerContext } from './context';

/** `fallback` is answered when the handler throws (the error is logged; the server keeps serving). */
export function handleRequest<P, R>(
  context: ServerContext,
  spec: RequestSpec<P, R>,
  fallback: R | null,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
  context.onRequest(spec.method, fallback, handler);
}
