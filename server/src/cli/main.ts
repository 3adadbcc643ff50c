#!/usr/bin/env node
// sinchcp-lint: the language server's checks from the command line, for CI.
import { runCli } from './run';

void Promise.resolve(runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
})).then((code) => { process.exitCode = code; });
