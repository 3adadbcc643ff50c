// A minimal LSP client for tests: starts the bundled server (`node dist/server.js --stdio`) as a real child
// process and talks JSON-RPC over its stdio, the way any editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { stopServer } from './stopServer';

export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'server.js');

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    rename: { prepareSupport: true },
  },
  window: { showDocument: { support: true } },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Answers to workspace/configuration for section `sinchcp`. */
  settings?: unknown;
  workspaceFolders?: { uri: string; name: string }[];
  /** Extra environment variables for the server process (test hooks, time limits). */
  env?: Record<string, string>;
}

export class TestLspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  settings: unknown;
  readonly shownDocuments: unknown[] = [];
  /** Every window/logMessage text, in arrival order (the server's log). */
  readonly logs: string[] = [];
  /** Every $/progress params and window/workDoneProgress/create token, in arrival order. */
  readonly progress: {
    token: unknown;
    value: { kind: string; message?: string; percentage?: number; title?: string };
  }[] = [];
  readonly progressTokens: unknown[] = [];
  /** The server's exit code once it has exited. */
  exitCode: number | null = null;
  stderr = '';

  private constructor(options: StartOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.process.stderr!.on('data', (chunk) => {
      this.stderr += String(chunk);
    });
    this.process.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? -1 : 0);
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'sinchcp' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showDocument', (params: unknown) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: unknown }) => {
      this.progressTokens.push(params.token);
      return null;
    });
    this.connection.onNotification('$/progress', (params: TestLspClient['progress'][number]) => {
      this.progress.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.listen();
  }

  /** Starts the server without sending `initialize` (for lifecycle tests). */
  static spawn(options: StartOptions = {}): TestLspClient {
    return new TestLspClient(options);
  }

  /** Waits until `condition` holds, re-checked on every diagnostics, log or progress message. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`timed out waiting for ${what}\nserver log:\n${this.logs.join('\n')}\nstderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The server process's id (for reading its memory from /proc in the benchmark). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  static async start(options: StartOptions = {}): Promise<{ client: TestLspClient; initialize: InitializeResult }> {
    const client = new TestLspClient(options);
    const initialize = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
    });
    await client.connection.sendNotification('initialized', {});
    return { client, initialize };
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'sinchcp', version, text },
    });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Waits for a publishDiagnostics for `uri` that satisfies `accept` (polls on arrival, with a timeout). */
  async waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 5000,
    since = 0,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.slice(since).find((p) => p.uri === uri && accept(p));
      if (found) return found.diagnostics;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => ({ version: p.version, n: p.diagnostics.length })))}\nserver stderr:\n${this.stderr}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await stopServer(this.connection, this.process);
  }
}

/** Splits a test text at its cursor marker `|`: the text without it, and the marker's position. */
export function withCursor(
  textWithMarker: string,
  marker = '|',
): { text: string; position: { line: number; character: number } } {
  const offset = textWithMarker.indexOf(marker);
  if (offset < 0) throw new Error('no cursor marker in test text');
  const text = textWithMarker.slice(0, offset) + textWithMarker.slice(offset + marker.length);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}
