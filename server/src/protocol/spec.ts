// The shapes of the client ↔ server contract: a custom request (a method name) and a server command (a command
// id for workspace/executeCommand), each carrying its parameter and result types for both sides, so the client
// gets typed results without a cast and the server's handler is checked against the same types. No runtime
// imports: the client bundle takes nothing else from the server.

/** A custom request. `types` is never set: it only carries the types to the helpers on each side. */
export interface RequestSpec<P, R> {
  readonly method: string;
  readonly types?: { params: P; result: R };
}

/** A command the server executes (listed in its executeCommandProvider). */
export interface CommandSpec<A extends readonly unknown[], R> {
  readonly command: string;
  readonly types?: { args: A; result: R };
}

export function request<P, R>(method: string): RequestSpec<P, R> {
  return { method };
}

export function command<A extends readonly unknown[], R>(id: string): CommandSpec<A, R> {
  return { command: id };
}

export type ResultOf<S> =
  S extends RequestSpec<unknown, infer R> ? R : S extends CommandSpec<readonly unknown[], infer C> ? C : never;
