#!/usr/bin/env node
// sinchcp-lint: the language server's checks from the command line, for CI.
import type { ConfigReadResult } from '../service/configFiles';
import { runCli } from './run';

/** Standard input, at most `limit` bytes: reading stops (and the stream is dropped) as soon as it is over. */
function readStdin(limit: number): Promise<ConfigReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stdin = process.stdin;
    stdin.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        stdin.destroy();
        resolve({ ok: false, reason: 'too-large', detail: 'standard input is too large' });
        return;
      }
      chunks.push(chunk);
    });
    stdin.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks, total).toString('utf8') }));
    stdin.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, reason: 'unreadable', detail: error.code ?? error.message }),
    );
  });
}

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  readStdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not expected (runCli reports per file); still no stack trace for the user, and the exit code of an input
    // that could not be checked.
    process.stderr.write(`sinchcp-lint: internal error (${(error as Error)?.name ?? 'Error'})\n`);
    process.exitCode = 2;
  },
);
