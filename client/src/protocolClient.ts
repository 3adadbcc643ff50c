// The client's side of server/src/protocol: custom requests and server commands sent with the types the
// protocol declares for them, so no caller casts a result.
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import type { CommandSpec, RequestSpec } from '../../server/src/protocol/spec';

export function sendRequest<P, R>(client: LanguageClient, spec: RequestSpec<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(spec.method, params);
}

export function executeServerCommand<A extends readonly unknown[], R>(
  client: LanguageClient,
  spec: CommandSpec<A, R>,
  ...args: A
): Promise<R> {
  return client.sendRequest(ExecuteCommandRequest.type, { command: spec.command, arguments: [...args] });
}
