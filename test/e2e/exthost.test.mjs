// The extension-host suite (test/e2e/suite, mocha against the `vscode` API), launched the standard way:
// @vscode/test-electron's runTests(). Its vscodeExecutablePath is code-shim.sh, which runs the suite inside
// the VS Code server that run.sh started (see code-shim.sh for why there is no real executable).
// Env (from run.sh): CS_URL, EXTHOST_WORKSPACE (a fresh copy of test/e2e/workspace), ARTIFACTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

test('extension-host suite (mocha, vscode API) passes in VS Code', async () => {
  const workspace = process.env.EXTHOST_WORKSPACE;
  assert.ok(process.env.CS_URL && workspace, 'CS_URL and EXTHOST_WORKSPACE must be set (run test/e2e/run.sh)');
  const code = await runTests({
    vscodeExecutablePath: path.join(here, 'code-shim.sh'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(here, 'suite', 'index.js'),
    launchArgs: [workspace],
  });
  assert.equal(code, 0);
});
