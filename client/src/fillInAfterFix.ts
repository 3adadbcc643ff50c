// A quick fix that inserts a field to fill in (e.g. "Insert an empty smsSenderId") leaves VS Code's cursor where
// it was, so the next keystrokes land in the wrong value. LSP 3.17 code actions cannot carry a snippet, so the
// client adds a command to such actions that puts the cursor between the inserted quotes once the edit is applied.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { emptyValuePosition } from './insertedValue';

export const PLACE_CURSOR_COMMAND = 'sinchcp.placeCursorAfterFix';

export function registerPlaceCursorCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(PLACE_CURSOR_COMMAND, (uri: string, line: number, character: number) => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!editor) return;
      const position = editor.document.validatePosition(new vscode.Position(line, character));
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position));
    }),
  );
}

/** Adds the cursor command to quick fixes whose one edit inserts an empty value. */
export const placeCursorMiddleware: Pick<Middleware, 'provideCodeActions'> = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    for (const action of actions ?? []) {
      if (!(action instanceof vscode.CodeAction) || action.command || !action.edit) continue;
      const edits = action.edit.get(document.uri);
      if (edits.length !== 1 || action.edit.size !== 1) continue;
      const [edit] = edits as [vscode.TextEdit];
      const at = emptyValuePosition(
        { line: edit.range.start.line, character: edit.range.start.character },
        edit.newText,
      );
      if (!at) continue;
      action.command = {
        title: 'Fill in the value',
        command: PLACE_CURSOR_COMMAND,
        arguments: [document.uri.toString(), at.line, at.character],
      };
    }
    return actions;
  },
};
