#!/usr/bin/env node
// sinchcp: the connection to the Sinch project from the command line (import, webhook plan and apply).
import { runSinchcp } from '../sinch/cli';

runSinchcp(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a Sinch failure: say so in one line, without a stack that could hold request details.
    process.stderr.write(`sinchcp: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
