// Ends a language server started over stdio, as a client should: `shutdown` (at most 2 s), `exit`, then SIGKILL if
// the process is still there 2 s later. Shared by the test client (lspClient.ts) and the benchmark's (stdioServer.ts).
import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node';

export async function stopServer(connection: MessageConnection, child: ChildProcess): Promise<void> {
  try {
    await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await connection.sendNotification('exit');
  } catch {
    // the server may already be gone
  }
  connection.dispose();
  if (child.exitCode === null) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
