// Problems for every config file in the workspace, not only open ones (PRODUCT.md): the workspace folders are
// scanned after start-up and on settings changes; files created, changed or deleted on disk are re-checked
// from the client's file events; a file closed in the editor goes back to its on-disk content.
import { readFileSync, statSync } from 'node:fs';
import { FileChangeType } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parse } from '../../parse/parsedDocument';
import { diagnose } from '../../service/diagnostics';
import { findConfigFiles, isConfigFile } from '../../service/configFiles';
import type { Feature, ServerContext } from '../context';
import { guarded } from '../guard';

/** Larger files are checked only when opened in the editor. */
const MAX_UNOPENED_FILE_BYTES = 2 * 1024 * 1024;

export const workspaceFilesFeature: Feature = {
  capabilities: {},
  register(context) {
    const known = new Set<string>();

    const checkFromDisk = (uri: string) => {
      if (context.documents.get(uri)) return; // the open editor's content wins
      const diagnostics = diagnoseFile(context, uri);
      if (diagnostics === undefined) {
        // Not (or no longer) a config file: clear what we published for it, and stay quiet about other YAML.
        if (known.delete(uri)) void context.connection.sendDiagnostics({ uri, diagnostics: [] });
      } else {
        known.add(uri);
        void context.connection.sendDiagnostics({ uri, diagnostics });
      }
    };

    context.onRevalidateAll(guarded('workspace scan', context.log, undefined, () => {
      for (const folder of context.client().workspaceFolders) {
        for (const path of findConfigFiles(URI.parse(folder).fsPath, { maxEntries: 20000 })) {
          checkFromDisk(URI.file(path).toString());
        }
      }
    }));

    context.connection.onDidChangeWatchedFiles(guarded('didChangeWatchedFiles', context.log, undefined, (params) => {
      for (const change of params.changes) {
        if (change.type === FileChangeType.Deleted) {
          if (known.delete(change.uri) && !context.documents.get(change.uri)) {
            void context.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
          }
        } else {
          checkFromDisk(change.uri);
        }
      }
    }));

    context.documents.onDidClose(guarded('didClose', context.log, undefined, (event) => {
      const uri = event.document.uri;
      context.diagnostics.cancel(uri);
      context.cache.delete(uri);
      // A workspace file keeps its on-disk problems; anything else (untitled, outside the workspace) is cleared.
      if (known.has(uri) || isInWorkspace(context, uri)) checkFromDisk(uri);
      else void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    }));
  },
};

function isInWorkspace(context: ServerContext, uri: string): boolean {
  return context.client().workspaceFolders.some((folder) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
}

/** The diagnostics of a config file on disk, or undefined when it is gone, too large or not a config file. */
function diagnoseFile(context: ServerContext, uri: string) {
  const parsedUri = URI.parse(uri);
  if (parsedUri.scheme !== 'file') return undefined;
  const path = parsedUri.fsPath;
  try {
    if (statSync(path).size > MAX_UNOPENED_FILE_BYTES || !isConfigFile(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    return diagnose(parse(TextDocument.create(uri, 'sinchcp', 0, text)), context.settings());
  } catch {
    return undefined;
  }
}
