// Small Playwright helpers for the VS Code workbench.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs a UI step; on failure keeps a screenshot in `artifacts` (path printed), prints the notifications the
 * workbench showed (a failed command usually says why there, and toasts hide before a screenshot), and rethrows.
 */
export async function step(page, artifacts, name, fn) {
  try {
    await fn();
  } catch (e) {
    const file = path.join(artifacts, `ui-fail-${name}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    console.error(`screenshot: ${file}`);
    const notifications = await notificationTexts(page).catch(() => []);
    for (const text of notifications) console.error(`notification: ${text}`);
    throw e;
  }
}

/** The texts of the notifications in the notification centre (opened, read, closed again). */
async function notificationTexts(page) {
  await page.keyboard.press('Escape');
  await page.locator('.statusbar-item[id$="notifications.status"]').first().click({ timeout: 2000 });
  const rows = page.locator('.notifications-center .notification-list-item-message');
  await rows
    .first()
    .waitFor({ timeout: 2000 })
    .catch(() => {});
  const texts = await rows.allInnerTexts();
  await page.keyboard.press('Escape');
  return texts;
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user does, and waits for its tab. */
export async function quickOpen(page, name, timeout) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(name);
  // The focused row, not any row: while the file search updates the list, Enter would open the row focused before.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout });
}

/** Puts the cursor at a 1-based line and column with Quick Open's ":line:column" (Ctrl+G is taken by the browser). */
export async function gotoLineColumn(page, line, column, timeout) {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor({ timeout });
}

/** The active editor's text as rendered: lines sorted by position, Monaco's U+00A0 back to spaces. */
export function editorText(page) {
  return page.evaluate(() => {
    const lines = [
      ...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line'),
    ];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
  });
}

/** Polls a file on disk until `ok(text)` holds. */
/**
 * Waits until the file holds what `ok` expects and returns that text. The same text must be read twice in a
 * row: VS Code writes a saved file by truncating it first, so a read between a truncation and its write sees an
 * empty or partial file, and a test that reads the file again right after a single matching read can see one.
 */
export async function waitForFile(file, ok, timeout) {
  const end = Date.now() + timeout;
  let previous;
  for (;;) {
    const text = fs.readFileSync(file, 'utf8');
    if (ok(text) && text === previous) return text;
    previous = ok(text) ? text : undefined;
    if (Date.now() > end) throw new Error(`${file} did not reach the expected content within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Moves the real mouse over the first visible element matching `selector` until `hoverSelector` appears.
 * Decorations are re-rendered whenever the editor relays out (a panel opening, a re-validation), so the
 * element measured a moment ago may be gone: measure again and retry until the timeout.
 */
export async function hoverUntil(page, selector, hoverLocator, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const box = await page
      .locator(selector)
      .first()
      .boundingBox()
      .catch(() => null);
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      try {
        await hoverLocator.waitFor({ timeout: Math.min(3000, Math.max(1, deadline - Date.now())) });
        return;
      } catch {
        // Not shown yet (the mouse landed while the editor was redrawing): move away and try again.
        await page.mouse.move(0, 0);
      }
    }
    if (Date.now() > deadline) throw new Error(`no hover over ${selector} within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** Runs a command from the Command Palette (F1), by its title, as a user does. */
export async function runCommand(page, title, timeout) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** The document of the visible webview (VS Code nests it: the host iframe, then its active frame). */
export function webviewFrame(page) {
  return page
    .locator('iframe.webview.ready')
    .filter({ visible: true })
    .first()
    .contentFrame()
    .locator('#active-frame')
    .contentFrame();
}

/** Keeps a screenshot of the workbench in `artifacts` (before/after pictures of a UI test). */
export async function snapshot(page, artifacts, name) {
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}
