// "Show Setup Guide for This File": one read-only view per file (a webview, so closing it never asks to save),
// kept up to date as the file changes. It starts with the file's open errors, each linked to its line; every value
// has a copy button; each step can be ticked off, remembered per file in the workspace state.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../server/src/protocol/commands';
import type { GuideLine, GuidePart, SetupGuide } from '../../server/src/service/setupGuide';
import { executeServerCommand } from './protocolClient';
import { escapeHtml, newNonce, page } from './webviewHtml';

type FromView =
  | { type: 'copy'; value: string }
  | { type: 'reveal'; line: number; character: number }
  | { type: 'tick'; id: string; done: boolean };

const views = new Map<string, vscode.WebviewPanel>();
const doneKey = (uri: string) => `sinchcp.setupGuide.done:${uri}`;

export async function showSetupGuide(
  context: vscode.ExtensionContext,
  client: () => Promise<LanguageClient>,
  document: vscode.TextDocument,
): Promise<void> {
  const uri = document.uri.toString();
  const existing = views.get(uri);
  if (existing) {
    existing.reveal();
    return;
  }
  const name = document.uri.path.split('/').pop() ?? uri;
  const panel = vscode.window.createWebviewPanel(
    'sinchcp.setupGuide',
    `Setup guide: ${name}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [] },
  );
  views.set(uri, panel);

  let timer: NodeJS.Timeout | undefined;
  const render = async () => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (!open) return;
    try {
      const guide = await executeServerCommand(await client(), SERVER_COMMANDS.setupGuideSteps, uri);
      if (!guide) throw new Error('the language server gave no guide (see the output channel "Sinch Contact Pro")');
      const done = new Set(context.workspaceState.get<string[]>(doneKey(uri), []));
      panel.webview.html = guideHtml(panel.webview, name, guide, errorsOf(open.uri), done);
    } catch (error) {
      panel.webview.html = page(
        panel.webview,
        newNonce(),
        'Setup guide',
        `<p>The setup guide could not be built: ${escapeHtml(String(error))}</p>`,
        '',
      );
    }
  };
  // Re-rendered a moment after the last change (typing) and whenever the file's diagnostics change.
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void render(), 300);
  };
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri) later();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri)) later();
    }),
    panel.webview.onDidReceiveMessage(async (message: FromView) => {
      if (message.type === 'copy') {
        await vscode.env.clipboard.writeText(message.value);
        void vscode.window.setStatusBarMessage(
          `Copied ${message.value.length > 40 ? `${message.value.slice(0, 39)}…` : message.value}`,
          2000,
        );
      } else if (message.type === 'reveal') {
        const position = new vscode.Position(message.line, message.character);
        await vscode.window.showTextDocument(document.uri, {
          selection: new vscode.Range(position, position),
          viewColumn: vscode.ViewColumn.One,
        });
      } else if (message.type === 'tick') {
        const done = new Set(context.workspaceState.get<string[]>(doneKey(uri), []));
        if (message.done) done.add(message.id);
        else done.delete(message.id);
        await context.workspaceState.update(doneKey(uri), [...done]);
      }
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    views.delete(uri);
    subscriptions.forEach((s) => {
      s.dispose();
    });
  });
  await render();
}

function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
    .sort((a, b) => a.range.start.line - b.range.start.line);
}

function partHtml(part: GuidePart): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('note' in part) return `<em>(${escapeHtml(part.note)})</em>`;
  const v = escapeHtml(part.value);
  return `<span class="value">${v}</span><button class="copy" data-copy="${v}" title="Copy ${v}">Copy</button>`;
}

function linesHtml(lines: GuideLine[]): string {
  let html = '';
  let depth = -1;
  for (const line of lines) {
    while (depth < line.depth) {
      html += '<ul>';
      depth++;
    }
    while (depth > line.depth) {
      html += '</ul>';
      depth--;
    }
    html += `<li>${line.parts.map(partHtml).join('')}</li>`;
  }
  while (depth-- >= 0) html += '</ul>';
  return html;
}

function guideHtml(
  webview: vscode.Webview,
  name: string,
  guide: SetupGuide,
  errors: vscode.Diagnostic[],
  done: Set<string>,
): string {
  const problems = errors.length
    ? `<section class="problems"><h3>${errors.length} error${errors.length === 1 ? '' : 's'} to fix first</h3><ul>${errors
        .map(
          (d) =>
            `<li><a href="#" data-line="${d.range.start.line}" data-character="${d.range.start.character}">Line ${d.range.start.line + 1}</a>: ${escapeHtml(d.message.split('\n')[0]!)}</li>`,
        )
        .join('')}</ul></section>`
    : '<p>No errors in this file.</p>';
  const steps = guide.steps
    .map((step, index) => {
      const id = escapeHtml(step.id);
      const checked = done.has(step.id);
      return `<li class="${checked ? 'done' : ''}"><label class="title"><input type="checkbox" data-step="${id}"${checked ? ' checked' : ''}> ${index + 1}. ${escapeHtml(step.title)}</label>${linesHtml(step.lines)}</li>`;
    })
    .join('');
  const body = `<h2>Setup guide${guide.tenant ? ` for tenant <span class="value">${escapeHtml(guide.tenant)}</span>` : ''}</h2>
<p>From <strong>${escapeHtml(name)}</strong>; it follows the file as you edit. Tick off each step when done.</p>
${problems}
<ol class="steps">${steps}</ol>`;
  const script = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const t = event.target;
  if (t.dataset && t.dataset.copy !== undefined) { vscode.postMessage({ type: 'copy', value: t.dataset.copy }); t.textContent = 'Copied'; }
  if (t.dataset && t.dataset.line !== undefined) { event.preventDefault(); vscode.postMessage({ type: 'reveal', line: Number(t.dataset.line), character: Number(t.dataset.character) }); }
});
document.addEventListener('change', (event) => {
  const t = event.target;
  if (t.dataset && t.dataset.step !== undefined) {
    t.closest('li').classList.toggle('done', t.checked);
    vscode.postMessage({ type: 'tick', id: t.dataset.step, done: t.checked });
  }
});`;
  return page(webview, newNonce(), 'Setup guide', body, script);
}
