// UI suite: Playwright + Debian's chromium drive the real VS Code workbench (VS Code server from the
// code-server package, the .vsix installed) the way an administrator would: open the file, see the squiggle
// and the Problems entry for a lowercase app ID, hover it, fix it with Ctrl+. and save, then type a queue
// address with the WhatsApp snippet. The rule's code in the Problems view and the hover, and "Show
// documentation", open the rule's page shipped with the extension as a rendered Markdown preview.
// Env (from run.sh): CS_URL, WORKSPACE (a fresh copy of test/e2e/workspace), ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import {
  editorText,
  gotoLineColumn,
  hoverUntil,
  quickOpen,
  snapshot,
  step as stepIn,
  waitForFile,
  webviewFrame,
} from './ui-helpers.mjs';

const { CS_URL, WORKSPACE, ARTIFACTS = '/tmp' } = process.env;
const FILE = 'examples.sinchcp.yaml';
const LOWER = '01hzx3k7m2q9v5b8n4t6w1r0cd';
const UPPER = '01HZX3K7M2Q9V5B8N4T6W1R0CD';
const T = 60_000; // the first server start on a 2-core machine takes a few seconds

let browser, page;
const step = (name, fn) => stepIn(page, ARTIFACTS, name, fn);
const fileLines = () => fs.readFileSync(path.join(WORKSPACE, FILE), 'utf8').split('\n');
// Where the lowercase app ID is (1-based line and column, as in the editor's status bar).
const lowerAt = () => {
  const i = fileLines().findIndex((l) => l.includes(LOWER));
  return [i + 1, fileLines()[i].indexOf(LOWER) + 1];
};

before(async () => {
  assert.ok(CS_URL && WORKSPACE, 'CS_URL and WORKSPACE must be set (run test/e2e/run.sh)');
  browser = await launchBrowser();
  page = browser.page;
});

after(async () => {
  await browser?.close();
});

test('the workbench opens the workspace', () =>
  step('load', async () => {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: T });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).waitFor({ timeout: T });
  }));

test('the lowercase app ID gets a squiggle and a Problems entry', () =>
  step('diagnostic', async () => {
    const opened = Date.now();
    await quickOpen(page, FILE, T);
    const [line, column] = lowerAt();
    await gotoLineColumn(page, line, column, T); // the squiggle is drawn only once its line is on screen
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: T });
    console.log(`[metric] UI: Ctrl+P open until the squiggle: ${Date.now() - opened} ms`);
    // The language mode in the status bar comes from the contribution.
    await page.locator('.statusbar-item', { hasText: 'Sinch Contact Pro config' }).first().waitFor({ timeout: T });

    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'app-id-case' }).first();
    await row.waitFor({ timeout: T });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    console.log(`Problems row: ${text}`);
    assert.match(text, /sinchcp/);
    assert.match(text, new RegExp(`\\[Ln ${line}, Col`), 'the row points at the address line');
    // The row's first line is the message's short first line (what is wrong), whole, then the source, the rule
    // and the position; the explanation comes after, on the lines below.
    const [first, rest] = text.split(` sinchcp app-id-case [Ln ${line}, Col ${column}] `);
    assert.match(first, new RegExp(`^App ID '${LOWER}' in the queue address has lowercase letters\\.$`));
    assert.ok(first.length <= 110, `a short first line (${first.length} characters)`);
    assert.match(rest ?? '', /^Enter it in capitals/, 'the rest of the message after the first line');
    assert.doesNotMatch(text, /`/, 'no backticks');
  }));

/** Waits for the Markdown preview of a rule's page and checks what it renders; then closes it. */
async function rulePagePreview(rule, shotName) {
  const tab = page.locator('.tabs-container .tab', { hasText: `Preview ${rule}.md` }).first();
  await tab.waitFor({ timeout: T });
  const heading = webviewFrame(page).locator('h1', { hasText: rule }).first();
  await heading.waitFor({ timeout: T });
  // Rendered, not source: the page's sections are headings and its examples code blocks.
  await webviewFrame(page).locator('h2', { hasText: 'Wrong' }).first().waitFor({ timeout: T });
  assert.ok((await webviewFrame(page).locator('pre code').count()) > 0, 'the examples are code blocks');
  await snapshot(page, ARTIFACTS, shotName);
  await tab.hover();
  await tab.locator('.codicon-close').click();
  await tab.waitFor({ state: 'detached', timeout: T });
}

test("the rule's code in the Problems view opens its page, rendered, from the extension", () =>
  step('docs-problems', async () => {
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'app-id-case' }).first();
    await row.waitFor({ timeout: T });
    const link = row.locator('a', { hasText: 'app-id-case' }).first();
    console.log(`Problems code link: ${(await link.getAttribute('href')) ?? (await link.getAttribute('title'))}`);
    await link.click();
    await rulePagePreview('app-id-case', 'docs-from-problems');
    const [line, column] = lowerAt();
    await gotoLineColumn(page, line, column, T); // back in the editor, for the next tests
  }));

test("the rule's code in the hover opens its page too", () =>
  step('docs-hover', async () => {
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'app-id-case' }).first();
    await hoverUntil(page, '.monaco-editor .squiggly-error', hover, T);
    await hover.locator('a', { hasText: 'app-id-case' }).first().click();
    await rulePagePreview('app-id-case', 'docs-from-hover');
  }));

test('Ctrl+. "Show documentation for \'app-id-case\'" opens the page', () =>
  step('docs-action', async () => {
    const [line, column] = lowerAt();
    await gotoLineColumn(page, line, column + 2, T);
    await page.keyboard.press('Control+.');
    const widget = page.locator('.action-widget');
    await widget.waitFor({ timeout: T });
    const show = widget.locator('.monaco-list-row', { hasText: "Show documentation for 'app-id-case'" }).first();
    await show.waitFor({ timeout: T });
    for (let i = 0; i < 20 && !(await show.evaluate((el) => el.classList.contains('focused'))); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await rulePagePreview('app-id-case', 'docs-from-action');
  }));

test('hovering the squiggle shows the problem and its rule', () =>
  step('hover', async () => {
    // The squiggle is drawn under the text layer: move the real mouse to its centre (locator.hover() refuses).
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'app-id-case' }).first();
    await hoverUntil(page, '.monaco-editor .squiggly-error', hover, T);
    console.log(`Hover: ${(await hover.innerText()).replace(/\s+/g, ' ').trim()}`);
    await page.keyboard.press('Escape');
  }));

test('Ctrl+. "Uppercase app ID" fixes the address, and Ctrl+S saves it', () =>
  step('quickfix', async () => {
    const [line, column] = lowerAt();
    await gotoLineColumn(page, line, column + 2, T);
    await page.keyboard.press('Control+.');
    // The action widget opens with the first action focused; move to the fix (clicks are swallowed by the
    // context view's pointer block, so the keyboard chooses).
    const widget = page.locator('.action-widget');
    await widget.waitFor({ timeout: T });
    const fix = widget.locator('.monaco-list-row', { hasText: 'Uppercase app ID' }).first();
    await fix.waitFor({ timeout: T });
    for (let i = 0; i < 20 && !(await fix.evaluate((el) => el.classList.contains('focused'))); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (upper) => {
        const t =
          document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent ?? '';
        return t.includes(`${upper}@whatsapp`);
      },
      UPPER,
      { timeout: T },
    );
    assert.ok(!(await editorText(page)).includes(LOWER));
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: T });

    await page.keyboard.press('Control+S');
    await waitForFile(
      path.join(WORKSPACE, FILE),
      (text) => text.includes(`${UPPER}@whatsapp.sinchconversation.com`),
      T,
    );
    assert.ok(!fileLines().join('\n').includes(LOWER), 'the saved file has no lowercase app ID');
  }));

test('typing a queue address with the WhatsApp snippet', () =>
  step('snippet', async () => {
    // A new address under the "Support chat" queue, right after its Sinch Chat address.
    const line = fileLines().findIndex((l) => l.includes('@nativechannel.sinchconversation.com')) + 1;
    await gotoLineColumn(page, line, 1, T);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter'); // the new line continues the address item, under its first key ...
    await page.keyboard.press('Backspace'); // ... one step back: a new item of the list
    await page.keyboard.type('- ');
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'WhatsApp' }).first();
    await item.waitFor({ timeout: T });
    await page.keyboard.type('WhatsApp');
    await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'WhatsApp' }).waitFor({ timeout: T });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // leave the snippet's placeholders (the app ID choice)
    await page.keyboard.press('Escape');
    // Monaco renders only the lines on screen, so check the saved file instead of the rendered text.
    await page.keyboard.press('Control+S');
    const file = path.join(WORKSPACE, FILE);
    await waitForFile(file, (t) => t.split('\n').filter((l) => l.includes('@whatsapp.')).length === 2, T);
    const added = fileLines()[line]; // 0-based: the line after the Sinch Chat address
    console.log(`Snippet wrote: ${JSON.stringify(added)}`);
    assert.match(
      added,
      /^      - address: [0-7][0-9A-HJKMNP-TV-Z]{25}@whatsapp\.sinchconversation\.com$/,
      "one of the file's app IDs, in capitals",
    );
  }));
