// UI suite, the editing experience: a person types in the real VS Code (the .vsix installed) and the saved file
// is checked. Suggestions never hijack Enter or Tab in free text, snippets are found by typing a channel name,
// Enter continues a list item at its content column, a quick fix leaves the cursor in the field it inserted, the
// setup guide and the signature check are views, the template saves under a file name, the outline, hover and
// colours read well, Format Document, the language status, and the start-up time. Screenshots before/after go
// to ARTIFACTS (kept with KEEP_RUN=1).
// Env (from run.sh): CS_URL, WORKSPACE (a fresh copy of test/e2e/workspace), ARTIFACTS. This suite edits its own
// folder, a fresh copy of test/e2e/workspace-editing next to WORKSPACE, so the other suites' files stay as they are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import {
  editorText,
  gotoLineColumn,
  hoverUntil,
  quickOpen,
  runCommand,
  snapshot,
  step as stepIn,
  waitForFile,
  webviewFrame,
} from './ui-helpers.mjs';

const { CS_URL, WORKSPACE, ARTIFACTS = '/tmp' } = process.env;
const T = 60_000;
const HERE = path.dirname(new URL(import.meta.url).pathname);
const FOLDER = path.join(path.dirname(WORKSPACE ?? '/tmp'), 'ws-ui-editing');
const TYPING = 'typing.sinchcp.yaml';
const GUIDE = 'guide.sinchcp.yaml';
const STARTUP = 'startup.sinchcp.yaml';
const FORMAT = 'format.sinchcp.yaml';

let browser, page;
const step = (name, fn) => stepIn(page, ARTIFACTS, `editing-${name}`, fn);
const shot = (name) => snapshot(page, ARTIFACTS, `editing-${name}`);
const file = (name) => path.join(FOLDER, name);
const lines = (name) => fs.readFileSync(file(name), 'utf8').split('\n');
/** 1-based line of the first line of `name` that includes `text`. */
const lineOf = (name, text, from = 0) => {
  const i = lines(name).findIndex((l, k) => k >= from && l.includes(text));
  assert.ok(i >= 0, `${text} in ${name}`);
  return i + 1;
};
const suggestVisible = () => page.locator('.editor-widget.suggest-widget.visible').isVisible();
const focusedSuggestion = (text) =>
  page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: text }).first();
/** Waits until the cursor is in this 1-based column (the status bar's "Ln x, Col y"). */
const atColumn = (column) =>
  page
    .locator('.statusbar-item', { hasText: new RegExp(`^Ln \\d+, Col ${column}$`) })
    .first()
    .waitFor({ timeout: T });
/** Closes the suggestion list if one is open (a blind Escape would also leave the snippet being filled in). */
async function closeSuggestions() {
  await settle(); // a list may still be on its way
  if (await suggestVisible()) await page.keyboard.press('Escape');
}
/** Types like a person (a pause between keys, so quick suggestions get their chance to open). */
const type = (text) => page.keyboard.type(text, { delay: 60 });
/** Ctrl+S, then the saved text once the file holds what `ok` expects. */
async function save(name, ok) {
  await page.keyboard.press('Control+S');
  return waitForFile(file(name), ok, T);
}
/** The lines of the newest "Sinch Contact Pro" output channel log (run.sh keeps user-data next to ARTIFACTS). */
function extensionLog() {
  const logs = path.join(ARTIFACTS, '..', 'user-data', 'logs');
  const found = [];
  const walk = (dir) => {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('Sinch Contact Pro.log')) found.push(p);
    }
  };
  walk(logs);
  const newest = found.sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs).pop();
  return newest ? fs.readFileSync(newest, 'utf8').trim().split('\n') : [];
}
/** Waits until the language status says the server runs (the `{}` item next to the language mode). */
async function serverRunning() {
  for (const end = Date.now() + T; ;) {
    await page.locator('.statusbar-item[id="status.languageStatus"]').first().click();
    const running = page.locator('.monaco-hover:not(.hidden)', { hasText: 'sinchcp: server running' }).first();
    const ok = await running.waitFor({ timeout: 2000 }).then(
      () => true,
      () => false,
    );
    await page.keyboard.press('Escape');
    if (ok) return;
    if (Date.now() > end) throw new Error('the server did not start');
  }
}
/** Closes an editor tab with its close button (keys typed into a webview stay there) and waits until it is gone. */
async function closeTab(label) {
  const tab = page.locator('.tabs-container .tab', { hasText: label }).first();
  await tab.hover();
  await tab.locator('.codicon-close').click();
  await tab.waitFor({ state: 'detached', timeout: T });
}
/** Gives quick suggestions time to open (the server answers in a few ms; the editor waits 10 ms). */
const settle = () => page.waitForTimeout(700);

before(async () => {
  assert.ok(CS_URL && WORKSPACE, 'CS_URL and WORKSPACE must be set (run test/e2e/run.sh)');
  fs.rmSync(FOLDER, { recursive: true, force: true });
  fs.cpSync(path.join(HERE, 'workspace-editing'), FOLDER, { recursive: true });
  browser = await launchBrowser();
  page = browser.page;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CS_URL });
});

after(async () => {
  await browser?.close();
});

test('the workbench opens the workspace', () =>
  step('load', async () => {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(FOLDER)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: T });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: TYPING }).waitFor({ timeout: T });
  }));

test('start-up: after a window reload, the first squiggle of the open file; then keystroke to squiggle', () =>
  step('startup', async () => {
    await quickOpen(page, STARTUP, T);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: T });
    // Reload the window with no editor open (the extension host, the extension and the server start again), then
    // open the file as a user does.
    await runCommand(page, 'View: Close All Editors', T);
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: T });
    const reloaded = Date.now();
    await page.reload();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: STARTUP }).waitFor({ timeout: T });
    const workbench = Date.now();
    await quickOpen(page, STARTUP, T);
    await page
      .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'eu-x9' })
      .waitFor({ timeout: T });
    const shown = Date.now();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: T });
    const squiggle = Date.now();
    console.log(
      `[metric] UI: window reload until the workbench shows the folder: ${workbench - reloaded} ms; then Ctrl+P until the editor shows the file: ${shown - workbench} ms; editor shown until the first squiggle: ${squiggle - shown} ms (reload until squiggle: ${squiggle - reloaded} ms)`,
    );

    // The extension's own account of the start (its output channel, logged by VS Code next to the artifacts).
    for (const line of extensionLog().slice(-3)) console.log(`[metric] extension after reload: ${line}`);

    // A keystroke that makes an error (version 1 → 10): until its squiggle is drawn.
    await gotoLineColumn(page, 2, 11, T);
    const before = await page.locator('.monaco-editor .squiggly-error').count();
    const typed = Date.now();
    await page.keyboard.type('0');
    await page.waitForFunction((n) => document.querySelectorAll('.monaco-editor .squiggly-error').length > n, before, {
      timeout: T,
    });
    console.log(`[metric] UI: keystroke until its squiggle: ${Date.now() - typed} ms`);
    await page.keyboard.press('Backspace');
    await save(STARTUP, (t) => t.includes('version: 1\n'));
  }));

test('free text: no suggestion list in a name, Enter makes a new line (item 1)', () =>
  step('free-text', async () => {
    await quickOpen(page, TYPING, T);
    const line = lineOf(TYPING, 'name: ACME support EU');
    await gotoLineColumn(page, line, 1, T);
    await page.keyboard.press('End');
    await type(' US');
    await settle();
    await shot('free-text-typed');
    assert.equal(await suggestVisible(), false, 'no suggestion list while typing a name');
    await page.keyboard.press('Enter');
    await type('# typed after Enter');
    await save(TYPING, (t) => t.includes('# typed after Enter'));
    assert.equal(lines(TYPING)[line - 1], '      name: ACME support EU US');
    assert.equal(lines(TYPING)[line], '      # typed after Enter');
  }));

test('a complete value from the list: Enter makes a new line instead of accepting it again (item 1)', () =>
  step('enter-after-value', async () => {
    const line = lineOf(TYPING, '        - WHATSAPP');
    await gotoLineColumn(page, line, 1, T);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter'); // a new item of the block list, at the dash
    await type('- SMS');
    await focusedSuggestion('SMS').waitFor({ timeout: T }); // the server offers the channels
    await shot('enter-after-value-list');
    await page.keyboard.press('Enter');
    await type('- RCS');
    await focusedSuggestion('RCS').waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    await closeSuggestions();
    await save(TYPING, (t) => t.includes('- RCS'));
    // Each Enter after a complete value made a new line (the last one is the empty line after `- RCS`).
    assert.deepEqual(
      lines(TYPING)
        .slice(line - 1, line + 4)
        .map((l) => l.trimEnd()),
      ['        - WHATSAPP', '        - SMS', '        - RCS', '', '      webhooks:'],
    );
  }));

test('snippets are chosen by typing the channel name; the two SMS entries read differently; previews (items 2, 8)', () =>
  step('snippets', async () => {
    const line = lineOf(TYPING, '@nativechannel.sinchconversation.com');
    await gotoLineColumn(page, line, 1, T);
    await page.keyboard.press('End');
    for (const [typed, label] of [
      ['SinchChat', 'Sinch Chat'],
      ['ViberBot', 'Viber Bot'],
      ['GoogleRCS', 'Google RCS'],
    ]) {
      await page.keyboard.press('Enter'); // continues in the item (its content column) ...
      await atColumn(9);
      await page.keyboard.press('Backspace'); // ... one step back: a new item
      await atColumn(7);
      await type('- ');
      await page.locator('.suggest-widget.visible').waitFor({ timeout: T });
      await type(typed);
      await focusedSuggestion(label).waitFor({ timeout: T });
      if (label === 'Sinch Chat') await shot('snippets-by-name');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape'); // the app ID choice
      await page.keyboard.press('Escape'); // the snippet
      await page.keyboard.press('End');
    }
    // SMS: one entry for the US app (with the sender ID), one for the others, told apart in the list itself.
    await page.keyboard.press('Enter');
    await atColumn(9);
    await page.keyboard.press('Backspace');
    await atColumn(7);
    await type('- ');
    await page.locator('.suggest-widget.visible').waitFor({ timeout: T });
    await type('SMS');
    const rows = page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.filter({ hasText: 'SMS (US, with sender ID)' }).first().waitFor({ timeout: T });
    await rows.filter({ hasText: 'SMS (outside the US)' }).first().waitFor({ timeout: T });
    // The details pane shows the text the snippet inserts (Ctrl+Space toggles it when it is closed).
    const details = page.locator('.suggest-details-container .suggest-details', { hasText: 'Inserts:' });
    if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
    await details.waitFor({ timeout: T });
    assert.match(
      (await details.innerText()).replace(/\s+/g, ' '),
      /Inserts: address: 01[0-9A-Z]{24}@sms\.sinchconversation\.com/,
    );
    await shot('snippets-sms-preview');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+K'); // drop the unused `- SMS` line
    await save(TYPING, (t) => t.includes('@rcs.sinchconversation.com'));
    const queue = lines(TYPING).slice(line - 1, line + 3);
    assert.match(queue[1], /^      - address: 01[0-9A-Z]{24}@nativechannel\.sinchconversation\.com$/);
    assert.match(queue[2], /^      - address: 01[0-9A-Z]{24}@viber-bot\.sinchconversation\.com$/);
    assert.match(queue[3], /^      - address: 01[0-9A-Z]{24}@rcs\.sinchconversation\.com$/);
  }));

test("the app snippet: Tab after a name moves on (no word suggestion), region from the tenant's landscape (items 1, 8)", () =>
  step('app-snippet', async () => {
    const line = lineOf(TYPING, 'secret: ${env:ACME_US_WEBHOOK_SECRET}') + 1; // the second app's triggers line
    await gotoLineColumn(page, line, 1, T);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab'); // 10 → 8 …
    await page.keyboard.press('Shift+Tab'); // … → 6 …
    await page.keyboard.press('Shift+Tab'); // … → 4: a new item of `apps`
    await atColumn(5);
    await type('- ');
    await page.locator('.suggest-widget.visible').waitFor({ timeout: T });
    await type('Sinchapp');
    await focusedSuggestion('Sinch app').waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    await type('01J0A8D7X3ZS7RT2C9MK4QW6EF'); // the app ID placeholder
    await closeSuggestions(); // the file's app IDs were offered
    await page.keyboard.press('Tab'); // → the name
    await type('ACME support EU');
    await settle();
    await shot('app-snippet-name');
    assert.equal(await suggestVisible(), false, 'no suggestion list over the name');
    await page.keyboard.press('Tab'); // → the region choice
    await page.locator('.suggest-widget.visible .monaco-list-row').first().waitFor({ timeout: T });
    await shot('app-snippet-region-choice');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const saved = await save(TYPING, (t) => t.includes('01J0A8D7X3ZS7RT2C9MK4QW6EF'));
    const added = saved.split('\n').slice(line, line + 3);
    assert.deepEqual(added, [
      '    - appId: 01J0A8D7X3ZS7RT2C9MK4QW6EF',
      '      name: ACME support EU',
      '      region: eu',
    ]);
  }));

test("Enter after the first key of a list item continues at the item's content column (item 5)", () =>
  step('enter-in-item', async () => {
    const line = lineOf(TYPING, 'appId: 01J0A8D7X3ZS7RT2C9MK4QW6EF') + 8; // the new app's triggers line
    assert.match(lines(TYPING)[line - 1], /^ {10}triggers:/);
    await gotoLineColumn(page, line, 1, T);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
    await atColumn(5);
    await type('- appId: 01J0A8D7X3ZS7RT2C9MK5QW6EG');
    await closeSuggestions();
    await page.keyboard.press('Enter');
    await type('name: Typed app');
    await page.keyboard.press('Enter');
    await type('webhooks:');
    await closeSuggestions();
    await page.keyboard.press('Enter');
    await type('- target: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all');
    await closeSuggestions();
    await page.keyboard.press('Enter');
    await type('secret: ');
    await closeSuggestions();
    await save(TYPING, (t) => t.includes('Typed app'));
    assert.deepEqual(lines(TYPING).slice(line, line + 4), [
      '    - appId: 01J0A8D7X3ZS7RT2C9MK5QW6EG',
      '      name: Typed app',
      '      webhooks:',
      '        - target: https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
    ]);
    assert.match(lines(TYPING)[line + 4], /^ {10}secret:/, 'the webhook item continues under its first key');
  }));

test('the setup guide view: errors linked first, copy, tick off; the quick fix leaves the cursor in smsSenderId (items 7, 3)', () =>
  step('guide-and-fix', async () => {
    await quickOpen(page, GUIDE, T);
    const smsLine = lineOf(GUIDE, '@sms.sinchconversation.com');
    await runCommand(page, 'Show Setup Guide for This File', T);
    const guide = webviewFrame(page);
    await guide.getByText('1 error to fix first').waitFor({ timeout: T });
    await shot('guide-before-fix');
    // The error's link puts the editor's cursor on its line.
    await guide.getByRole('link', { name: `Line ${smsLine}` }).click();
    await page
      .locator('.statusbar-item', { hasText: `Ln ${smsLine},` })
      .first()
      .waitFor({ timeout: T });
    // Copy a value with one click.
    await guide.locator('button.copy[data-copy="c36f3d3d-1513-4edd-ae42-11995557ff61"]').first().click();
    await page
      .locator('.statusbar-item', { hasText: 'Copied c36f3d3d-1513-4edd-ae42-11995557ff61' })
      .first()
      .waitFor({ timeout: T });
    // Tick off the first step.
    await guide.locator('input[type=checkbox]').first().check();

    // The quick fix, then the number typed right away lands in smsSenderId.
    await page.keyboard.press('Control+1'); // back to the editor (the view has the focus)
    await gotoLineColumn(page, smsLine, 20, T);
    await page.keyboard.press('Control+.');
    const widget = page.locator('.action-widget');
    await widget.waitFor({ timeout: T });
    const fix = widget.locator('.monaco-list-row', { hasText: 'smsSenderId' }).first();
    await fix.waitFor({ timeout: T });
    for (let i = 0; i < 20 && !(await fix.evaluate((el) => el.classList.contains('focused'))); i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page
      .locator('.statusbar-item', { hasText: `Ln ${smsLine + 1}, Col 23` })
      .first()
      .waitFor({ timeout: T });
    await page.keyboard.type('+12025550143');
    await save(GUIDE, (t) => t.includes('+12025550143'));
    assert.equal(lines(GUIDE)[smsLine - 1], '      - address: 01ER4ABSP36WG80BMAR2CN1XEY@sms.sinchconversation.com');
    assert.equal(lines(GUIDE)[smsLine], '        smsSenderId: "+12025550143"');

    // The view follows the file: no error left, the step still ticked.
    const fresh = webviewFrame(page);
    await fresh.getByText('No errors in this file.').waitFor({ timeout: T });
    assert.equal(await fresh.locator('input[type=checkbox]').first().isChecked(), true);
    await shot('guide-after-fix');
    // Closed and opened again: one view, the tick remembered, no "save?" on close.
    await closeTab(`Setup guide: ${GUIDE}`);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no save dialog');
    await quickOpen(page, GUIDE, T);
    await runCommand(page, 'Show Setup Guide for This File', T);
    const again = webviewFrame(page);
    await again.getByText('No errors in this file.').waitFor({ timeout: T });
    assert.equal(await again.locator('input[type=checkbox]').first().isChecked(), true, 'the tick is remembered');
    await closeTab(`Setup guide: ${GUIDE}`);
  }));

test('Verify a Webhook Signature: one form, the official vector, a multi-line body from a raw request (item 4)', () =>
  step('signature', async () => {
    const secret = 'foo_secret1234';
    const nonce = '01FJA8B4A7BM43YGWSG9GBV067';
    const timestamp = '1634579353';
    const body =
      '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}';
    await runCommand(page, 'Verify a Webhook Signature', T);
    const form = webviewFrame(page);
    await form.locator('#secret').click();
    await page.keyboard.type(secret);
    assert.equal(await form.locator('#secret').getAttribute('type'), 'password', 'the secret is masked');
    await form.locator('#nonce').click();
    await page.keyboard.type(nonce);
    await form.locator('#timestamp').click();
    await page.keyboard.type(timestamp);
    await form.locator('#signature').click();
    await page.keyboard.type('6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=');
    await form.locator('#body').fill(body); // pasted
    await form.getByRole('button', { name: 'Verify' }).click();
    const verdict = form.locator('#verdict');
    await verdict.filter({ hasText: 'Signature valid.' }).waitFor({ timeout: T });
    await shot('signature-official-vector');

    // A multi-line body, from one pasted raw request: the newlines are part of what was signed.
    const pretty = `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
    const signature = createHmac('sha256', secret).update(`${pretty}.${nonce}.${timestamp}`).digest('base64');
    const raw =
      `POST /acme/sms/sinchconversation/all HTTP/1.1\nHost: login-eu-c1.cc.sinch.com\nx-sinch-webhook-signature-nonce: ${nonce}\n` +
      `x-sinch-webhook-signature-timestamp: ${timestamp}\nx-sinch-webhook-signature: ${signature}\n\n${pretty}`;
    await form.locator('summary').click();
    await form.locator('#raw').fill(raw);
    await form.getByRole('button', { name: 'Take the headers and body from it' }).click();
    for (const end = Date.now() + T; (await form.locator('#signature').inputValue()) !== signature;) {
      if (Date.now() > end) throw new Error('the form did not take the headers from the raw request');
      await page.waitForTimeout(100);
    }
    assert.equal(
      await form
        .locator('#body')
        .inputValue()
        .then((v) => v.split('\n').length),
      pretty.split('\n').length,
      'the body keeps its lines',
    );
    await form.getByRole('button', { name: 'Verify' }).click();
    await verdict.filter({ hasText: 'Signature valid.' }).waitFor({ timeout: T });
    // The same body without its last newline: not valid, and the reason says why, in full.
    await form.locator('#body').fill(pretty.slice(0, -1));
    await form.getByRole('button', { name: 'Verify' }).click();
    await verdict.filter({ hasText: 'NOT valid' }).waitFor({ timeout: T });
    const text = await verdict.innerText();
    console.log(`Verdict: ${text.replace(/\s+/g, ' ')}`);
    assert.match(text, /trailing newline/);
    assert.ok(!text.includes(secret), 'the secret is never shown');
    await shot('signature-multi-line');
    await closeTab('Verify a Webhook Signature');
  }));

test('New Configuration File: saved under a proposed file name, not the first line (item 9)', () =>
  step('new-file', async () => {
    await runCommand(page, 'New Configuration File', T);
    await page.locator('.tabs-container .tab.active', { hasText: 'new-tenant.sinchcp.yaml' }).waitFor({ timeout: T });
    await shot('new-file');
    await page.keyboard.press('Control+S');
    const target = path.join(FOLDER, 'new-tenant.sinchcp.yaml');
    // VS Code saves an untitled file that has a path there directly; a save dialog, if one opens, must propose it.
    const dialog = page.locator('.quick-input-widget input');
    const end = Date.now() + T;
    while (!fs.existsSync(target)) {
      if (await dialog.isVisible()) {
        assert.match(await dialog.inputValue(), /new-tenant\.sinchcp\.yaml$/);
        await page.keyboard.press('Enter');
      }
      if (Date.now() > end) throw new Error('the new file was not saved');
      await page.waitForTimeout(100);
    }
    await waitForFile(target, (t) => t.includes('"[tenantname]"'), T);
    await page.keyboard.press('Control+W');
  }));

test('outline, hover and colours: addresses by channel, apps not as classes, no link on API URLs, keys ≠ values (item 10)', () =>
  step('outline', async () => {
    await quickOpen(page, TYPING, T);
    await page.keyboard.press('Control+Shift+O');
    const picker = page.locator('.quick-input-widget');
    await picker.locator('.monaco-list-row').first().waitFor({ timeout: T });
    await shot('outline');
    // The list shows only the rows on screen: filter it as a user does.
    await page.keyboard.type('WhatsApp');
    await picker.locator('.monaco-list-row', { hasText: 'WhatsApp · 01HZX…R0CD' }).first().waitFor({ timeout: T });
    await picker.locator('input').fill('@app ACME support');
    const app = picker.locator('.monaco-list-row', { hasText: 'app ACME support EU' }).first();
    await app.waitFor({ timeout: T });
    assert.equal(await app.locator('.codicon-symbol-class').count(), 0, 'an app is not a class');
    assert.equal(await app.locator('.codicon-symbol-object').count(), 1, 'an app is an object');
    await page.keyboard.press('Escape');

    const urlLine = lineOf(TYPING, 'serviceConnection: https://eu.');
    await gotoLineColumn(page, urlLine, 5, T);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Service Connection' }).first();
    await hoverUntil(
      page,
      '.editor-group-container.active .view-line span span:text-matches("conversation\\\\.api")',
      hover,
      T,
    );
    await shot('hover-service-connection');
    assert.doesNotMatch(await hover.innerText(), /Follow link/);
    await page.keyboard.press('Escape');

    // Colours as the theme gives YAML: a key differs from its value; an app ID / address is coloured as a value.
    const colours = await page.evaluate(() => {
      const spans = [...document.querySelectorAll('.editor-group-container.active .view-line span span')];
      const colour = (text, within = false) => {
        const s = spans.find((x) =>
          within ? x.textContent.includes(text) : x.textContent.replace(/\u00a0/g, ' ').trim() === text,
        );
        return s ? getComputedStyle(s).color : undefined;
      };
      // Monaco merges neighbouring tokens of one colour into one span: an app ID coloured as its value is inside one.
      return {
        key: colour('name'),
        name: colour('Sinch EU'),
        type: colour('sinchconversation'),
        appId: colour('01HZX3K7', true),
        env: colour('SINCH_ACCESS_KEY_SECRET', true),
      };
    });
    console.log(`Colours: ${JSON.stringify(colours)}`);
    assert.ok(colours.key && colours.name, JSON.stringify(colours));
    assert.notEqual(colours.key, colours.name, 'keys and values differ');
    assert.equal(colours.type, colours.name, 'values share the string colour');
    assert.equal(colours.appId, colours.name, 'an app ID is coloured as a value, not as a key or an error');
    assert.equal(colours.env, colours.name, 'so is an environment variable name');
  }));

test('Format Document re-indents to 2 spaces and keeps comments and values', () =>
  step('format', async () => {
    await quickOpen(page, FORMAT, T);
    await serverRunning(); // the formatter is the server's: until it runs, VS Code knows none
    await runCommand(page, 'Format Document', T); // Ctrl+Shift+I on Linux
    for (const end = Date.now() + T; !(await editorText(page)).includes('\n  name: acme ');) {
      if (Date.now() > end) throw new Error('the document was not formatted');
      await page.waitForTimeout(100);
    }
    await save(FORMAT, (t) => t.includes('\n  name: acme'));
    const got = lines(FORMAT);
    assert.equal(got[0], '# sinchcp: e2e fixture for Format Document (indented by 4, trailing spaces)');
    assert.ok(
      got.includes(
        '  name: acme                  # Contact Pro tenant name, as in https://login-eu-c1.cc.sinch.com/acme',
      ),
      'the comment stays where it was',
    );
    assert.ok(got.includes('      - address: 01ER4ABSP36WG80BMAR2CN1XEY@sms.sinchconversation.com'));
    assert.ok(got.includes('        smsSenderId: "+12025550143"'));
    assert.equal(got[1], 'version: 1', 'trailing white space removed');
  }));

test("the language status: server state with Restart, the file's problems, validation on", () =>
  step('language-status', async () => {
    await quickOpen(page, STARTUP, T);
    await page.locator('.statusbar-item[id="status.languageStatus"]').first().click();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'sinchcp: server running' }).first();
    await hover.waitFor({ timeout: T });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    console.log(`Language status: ${text}`);
    assert.match(text, /\d+ problems? in this file/);
    assert.match(text, /validation on/);
    assert.match(text, /Restart/);
    await shot('language-status');
    await page.keyboard.press('Escape');
  }));

test('the Getting Started walkthrough lists the onboarding steps', () =>
  step('walkthrough', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...', T);
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Set up a Contact Pro tenant' })
      .first()
      .waitFor({ timeout: T });
    await page.locator('.quick-input-widget input').fill('Set up a Contact Pro tenant');
    await page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Set up a Contact Pro tenant' })
      .first()
      .waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    for (const title of [
      'Create the configuration file',
      'Fill in the tenant and the apps',
      'Fix the problems',
      'Follow the setup guide',
      'Verify a webhook signature',
    ]) {
      await page.locator('.getting-started-step', { hasText: title }).first().waitFor({ timeout: T });
    }
    await shot('walkthrough');
  }));
