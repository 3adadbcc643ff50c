// UI suite for the Sinch connection: in the real VS Code workbench, an administrator opens an empty file,
// runs "Sinch CP: Import Apps from Sinch", types the project ID and the access key into the prompts, applies
// the refactor preview and gets the project's apps in the file; then "Check Against the Sinch Project"
// (the key is not asked again) shows a drift in the Problems panel. Sinch is the local test double
// (test/sinch/double.ts) on 127.0.0.1; the hosts go into the user settings (machine-scoped settings).
// Env (from run.sh): CS_URL, WORKSPACE, ARTIFACTS (inside the run folder, next to user-data/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { launchBrowser } from './browser.mjs';
import { editorText, quickOpen, step as stepIn, waitForFile } from './ui-helpers.mjs';

const { CS_URL, WORKSPACE, ARTIFACTS = '/tmp' } = process.env;
const FILE = 'imported.sinchcp.yaml';
const T = 60_000;
let browser, page, double, fixtures;
const step = (name, fn) =>
  stepIn(page, ARTIFACTS, `sinch-${name}`, fn).catch((e) => {
    // Which requests reached the double, and when: tells a slow server from a slow workbench.
    for (const r of double?.requests ?? [])
      console.error(`double: +${r.at - started} ms ${r.host} ${r.method} ${r.path}`);
    throw e;
  });
let started = Date.now();
/** Prints how long the test took to reach a point (a slow run shows which part was slow). */
const lap = (what) => console.log(`[metric] sinch UI: ${what} after ${Date.now() - started} ms`);

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: T });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

/** Types into the input box whose prompt matches, and accepts it. */
async function answerPrompt(promptText, value) {
  const widget = page.locator('.quick-input-widget', { hasText: promptText });
  await widget.waitFor({ timeout: T });
  await widget.locator('input').fill(value);
  await page.keyboard.press('Enter');
}

before(async () => {
  assert.ok(CS_URL && WORKSPACE, 'CS_URL and WORKSPACE must be set (run test/e2e/run.sh)');
  fixtures = await tsImport('../sinch/fixtures.ts', import.meta.url);
  double = await fixtures.startDouble();
  const settingsFile = path.join(path.dirname(ARTIFACTS), 'user-data', 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['sinchcp.sinch.authUrl'] = double.authUrl;
  settings['sinchcp.sinch.conversationUrl'] = double.conversationTemplate;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  fs.writeFileSync(path.join(WORKSPACE, FILE), '');
  browser = await launchBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await double?.stop();
});

test('Import Apps from Sinch asks for the project and the key, previews the edit, and fills the file', () =>
  step('import', async () => {
    started = Date.now();
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: T });
    await quickOpen(page, FILE, T);
    lap('workbench and file open');
    await runCommand('Sinch CP: Import Apps from Sinch');
    await answerPrompt('Sinch project ID', fixtures.PROJECT_ID);
    await answerPrompt('Key ID', fixtures.KEY_ID);
    await answerPrompt('Key secret', fixtures.KEY_SECRET);
    lap('the three prompts answered');
    // The refactor preview lists the change before anything is written.
    const apply = page.getByRole('button', { name: 'Apply', exact: true });
    await apply.waitFor({ timeout: T });
    lap('refactor preview shown');
    // Edits that need confirmation start unticked: the admin ticks the file after reading the change.
    const fileRow = page
      .locator('.monaco-list-row', { hasText: FILE })
      .filter({ has: page.locator('.monaco-checkbox, input[type=checkbox]') })
      .last();
    await fileRow.locator('.monaco-checkbox, input[type=checkbox]').first().click();
    await apply.click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('.editor-group-container.active .monaco-editor .view-lines')
          ?.textContent?.includes('conversationApi'),
      null,
      { timeout: T },
    );
    assert.match(await editorText(page), /appId: 01ER4ABSP36WG80BMAR2CN1XEY/);
    await page.keyboard.press('Control+S');
    const golden = fs.readFileSync(new URL('../fixtures/sinch/import-empty.golden.yaml', import.meta.url), 'utf8');
    await waitForFile(path.join(WORKSPACE, FILE), (text) => text === golden, T);
    assert.equal(fs.readFileSync(path.join(WORKSPACE, FILE), 'utf8').includes(fixtures.KEY_SECRET), false);
  }));

test('Check Against the Sinch Project shows a drift in the Problems panel, without asking for the key again', () =>
  step('live', async () => {
    const project = fixtures.cleanProject();
    project.apps[0].app = { ...project.apps[0].app, processing_mode: 'CONVERSATION' };
    double.seed(project);
    await runCommand('Sinch CP: Check Against the Sinch Project');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'live-processing-mode' }).first();
    await row.waitFor({ timeout: T });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    console.log(`Problems row: ${text}`);
    assert.match(text, /runs in processing mode [`']?CONVERSATION[`']? in Sinch/);
    assert.match(text, /\[Ln 23, Col/);
    const tokenRequests = double.requests.filter((r) => r.host === 'auth').length;
    assert.ok(tokenRequests >= 1);
  }));
