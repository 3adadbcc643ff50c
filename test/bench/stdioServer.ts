// A black-box LSP client for the side-by-side bench: starts any language server as a child process over stdio
// (ours or yaml-language-server, same code path for both), answers its workspace/configuration requests from a
// table, and records every publishDiagnostics with its arrival time. It knows nothing about either server's
// internals, so it keeps working however a server organises its threads.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { stopServer } from '../helpers/stopServer';

export const CAPABILITIES: ClientCapabilities = {
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
  },
};

export interface ServerCommand {
  /** argv[0] is the executable. */
  argv: string[];
  /** Answer to workspace/configuration for one section (null when the server asks for one we do not set). */
  configuration: (section: string | undefined) => unknown;
}

export class StdioServer {
  private readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: (() => void)[] = [];
  /** How many workspace/configuration requests the server has made (and we have answered). */
  configurationRequests = 0;
  stderr = '';

  private constructor(command: ServerCommand) {
    this.child = spawn(command.argv[0]!, command.argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => {
      this.stderr = (this.stderr + String(chunk)).slice(-4000);
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      this.waiters.splice(0).forEach((wake) => wake());
      return params.items.map((item) => command.configuration(item.section));
    });
    // Anything else a server asks (registerCapability, workDoneProgress/create, …) gets an empty answer.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  static async start(command: ServerCommand, folder: { uri: string; name: string }): Promise<StdioServer> {
    const server = new StdioServer(command);
    await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder.uri,
      workspaceFolders: [folder],
      capabilities: CAPABILITIES,
    });
    // Both servers pull their settings (workspace/configuration) once initialized.
    await server.connection.sendNotification('initialized', {});
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when `done()` holds, re-checking on every message that could change it; false on timeout. */
  async until(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  /**
   * The first publishDiagnostics for `uri` after index `since` that belongs to `version`: a server that sends
   * versions must send this one; a server that sends none (yaml-language-server) is taken at its next push,
   * which the bench makes unambiguous by waiting for each push before the next change.
   */
  async diagnosticsFor(
    uri: string,
    version: number,
    since: number,
    timeoutMs: number,
  ): Promise<PublishDiagnosticsParams | undefined> {
    let found: PublishDiagnosticsParams | undefined;
    await this.until(() => {
      found = this.published
        .slice(since)
        .find((p) => p.uri === uri && (p.version === undefined || p.version === version));
      return found !== undefined;
    }, timeoutMs);
    return found;
  }

  /**
   * Peak resident memory (VmHWM) of the server process and of any child processes it started, in kB. VmHWM is
   * per process, so worker threads are already included.
   */
  peakRssKb(): number | undefined {
    const root = this.child.pid;
    if (!root) return undefined;
    const status = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/status`, 'utf8');
      } catch {
        return '';
      }
    };
    const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1]) || 0;
    const pids = new Set([root]);
    try {
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const text = status(Number(entry));
        if (pids.has(field(text, 'PPid'))) pids.add(Number(entry));
      }
    } catch {
      /* no /proc: only the root */
    }
    const total = [...pids].reduce((sum, pid) => sum + field(status(pid), 'VmHWM'), 0);
    return total || undefined;
  }

  async stop(): Promise<void> {
    await stopServer(this.connection, this.child);
  }
}
