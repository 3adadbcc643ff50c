// VS Code picks a language by file extension before it looks at `firstLine`, so a `*.yaml` file that starts
// with `# sinchcp…` (a config file: docs/format.md#which-files-are-config-files) would stay YAML. This
// switches such documents to sinchcp when they open, and when their first line is edited into that form.
import * as vscode from 'vscode';

/** The same test as `contributes.languages[sinchcp].firstLine` in package.json. */
export const SINCHCP_FIRST_LINE = /^#\s*sinchcp/;

export function isSinchcpYaml(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'yaml' && doc.lineCount > 0 && SINCHCP_FIRST_LINE.test(doc.lineAt(0).text);
}

export function adoptSinchcpYamlDocuments(context: vscode.ExtensionContext): void {
  const adopt = (doc: vscode.TextDocument) => {
    // Refused when the document closed in the meantime: then there is nothing left to switch.
    if (isSinchcpYaml(doc)) vscode.languages.setTextDocumentLanguage(doc, 'sinchcp').then(undefined, () => undefined);
  };
  vscode.workspace.textDocuments.forEach(adopt);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(adopt),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.some((c) => c.range.start.line === 0)) adopt(e.document);
    }),
  );
}
