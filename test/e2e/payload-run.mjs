// Runs an extension-host test suite inside the running VS Code server (from code-server) and exits with the
// suite's exit code. Used by code-shim.sh, which stands in for the VS Code executable @vscode/test-electron
// would launch.
//
// How: the web workbench reads a `payload` URL parameter; its extensionDevelopmentPath / extensionTestsPath
// entries (vscode-remote:// URIs) make the server's Node extension host load the extension from source and
// run the suite. The workbench then calls window.codeAutomationExit(code) and forwards the suite's console
// output through window.codeAutomationLog(type, args); Playwright exposes both. (VS Code's own
// browser integration tests and @vscode/test-web use the same hooks.)
//
// Usage: node payload-run.mjs <extensionDevelopmentPath> <extensionTestsPath> <folder>
// Env:   CS_URL (server base URL), ARTIFACTS (failure screenshot folder), EXTHOST_TIMEOUT_MS, VERBOSE=1.
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';

const [devPath, testsPath, folder] = process.argv.slice(2);
const { CS_URL, ARTIFACTS = '/tmp' } = process.env;
const TIMEOUT_MS = Number(process.env.EXTHOST_TIMEOUT_MS || 240_000);
if (!CS_URL || !devPath || !testsPath || !folder) {
  console.error('payload-run: need CS_URL and <devPath> <testsPath> <folder> (start it through test/e2e/run.sh)');
  process.exit(2);
}

// Workbench chatter that shares the log channel with the suite's output; shown with VERBOSE=1.
const NOISE =
  /Creating a socket|Creation of workbench contribution|connection token|builtin extensions|Service Worker|ChatSessionStore|AgentHost|AccountPolicyGate|reconnection-grace-time/;

const browser = await launchBrowser();
const { page } = browser;
let code = 1;
try {
  const host = new URL(CS_URL).host;
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ]);
  let onExit;
  const exited = new Promise((resolve) => {
    onExit = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (process.env.VERBOSE === '1' || !NOISE.test(line)) process.stdout.write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (c) => onExit(c));
  await page.goto(
    `${CS_URL}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(payload)}`,
  );
  let timer;
  code = await Promise.race([
    exited,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no codeAutomationExit within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
} catch (e) {
  console.error(`payload-run: ${e.message}`);
  code = 1;
} finally {
  if (code !== 0) {
    const shot = path.join(ARTIFACTS, 'exthost-fail.png');
    await page.screenshot({ path: shot }).then(
      () => console.error(`screenshot: ${shot}`),
      () => {},
    );
  }
  await browser.close();
}
process.exit(code);
