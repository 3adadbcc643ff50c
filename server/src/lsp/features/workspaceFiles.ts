// Problems for every config file in the workspace, not only open ones: the workspace folders are scanned after
// start-up and on settings changes; files created, changed or deleted on disk are re-checked from the client's
// file events; a file closed in the editor goes back to its on-disk content.
//
// The scan runs in the background, one file at a time: each file is read asynchronously and checked in the
// background analysis worker (not the one that answers requests, so no request ever waits behind a file), the
// next sent only when the last is answered. Open documents are checked first (their checks are scheduled
// before the scan reads its first file). A settings change cancels a running scan and starts it again; a scan that takes longer
// than a second shows LSP work-done progress.
import { basename } from 'node:path';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parse } from '../../parse/parsedDocument';
import { diagnose, SOURCE } from '../../service/diagnostics';
import {
  formatBytes,
  isConfigFileName,
  MAX_CONFIG_FILE_BYTES,
  readConfigText,
  searchConfigFilesAsync,
} from '../../service/configFiles';
import type { AnalysisRequest, Feature, ServerContext } from '../context';
import { checkFailedDiagnostic, checkStoppedDiagnostic } from './diagnostics';

/** Larger files are checked only when opened in the editor. */
/** A scan still running after this long shows progress (the environment variable exists for tests). */
const PROGRESS_AFTER_MS = nonNegativeInteger(process.env.SINCHCP_SCAN_PROGRESS_AFTER_MS) ?? 1000;
/** How long the scan waits for the open documents' checks before it starts anyway. */
const OPEN_DOCUMENTS_WAIT_MS = 2000;
/** The same first-line test as configFiles.isConfigFile, on text already read (its read is synchronous). */
const FIRST_LINE_MARK = /^#\s*sinchcp/;
const YAML_NAME = /\.ya?ml$/i;

const CHECK_FILE_ANALYSIS = 'sinchcp/checkFile';

const checkFile: AnalysisRequest<{ uri: string; text: string }, Diagnostic[]> = {
  method: CHECK_FILE_ANALYSIS,
  fallback: [],
  compute: (context, { uri, text }) =>
    diagnose(parse(TextDocument.create(uri, 'sinchcp', 0, text)), context.settings()),
  whenFailed: () => [checkFailedDiagnostic()],
};

/** A scan in progress; `cancelled` is set when a newer one replaces it. */
interface ScanRun {
  cancelled: boolean;
}

export const workspaceFilesFeature: Feature = {
  capabilities: {},
  requests: [checkFile],
  register(context) {
    const known = new Set<string>();
    let currentScan: ScanRun | undefined;

    const checkFromDisk = async (uri: string, run?: ScanRun) => {
      if (context.documents.get(uri)) return; // the open editor's content wins
      const diagnostics = await diagnoseFile(context, uri);
      // Opened, or superseded by a newer scan, while we read and checked: that one publishes.
      if (run?.cancelled || context.documents.get(uri)) return;
      if (diagnostics === undefined) {
        // Not (or no longer) a config file: clear what we published for it, and stay quiet about other YAML.
        if (known.delete(uri)) void context.connection.sendDiagnostics({ uri, diagnostics: [] });
      } else {
        known.add(uri);
        void context.connection.sendDiagnostics({ uri, diagnostics });
      }
    };
    const logged = (what: string) => (error: unknown) =>
      context.log(`[${what}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

    const scan = async (run: ScanRun) => {
      // Open documents first: their checks (scheduled in this same turn) are published before any file's.
      await new Promise((resolve) => setImmediate(resolve));
      await context.diagnostics.settled(OPEN_DOCUMENTS_WAIT_MS);
      const started = performance.now();
      const uris: string[] = [];
      for (const folder of context.client().workspaceFolders) {
        if (run.cancelled) return;
        // Async and stoppable: a large workspace never holds the protocol thread, and a new scan ends this one.
        const found = await searchConfigFilesAsync(URI.parse(folder).fsPath, {
          maxEntries: 20000,
          shouldStop: () => run.cancelled,
        });
        for (const path of found.files) uris.push(URI.file(path).toString());
      }
      let progress: Awaited<ReturnType<typeof context.connection.window.createWorkDoneProgress>> | undefined;
      let reportedPercent = -1;
      try {
        for (const [index, uri] of uris.entries()) {
          if (run.cancelled) return;
          if (!progress && context.client().workDoneProgress && performance.now() - started >= PROGRESS_AFTER_MS) {
            progress = await context.connection.window.createWorkDoneProgress();
            progress.begin('sinchcp: checking workspace files', percent(index, uris.length), `${index}/${uris.length}`);
            reportedPercent = percent(index, uris.length);
          }
          await checkFromDisk(uri, run);
          if (progress && percent(index + 1, uris.length) !== reportedPercent) {
            reportedPercent = percent(index + 1, uris.length);
            progress.report(reportedPercent, `${index + 1}/${uris.length}`);
          }
        }
      } finally {
        progress?.done();
      }
    };

    context.onRevalidateAll(() => {
      if (currentScan) currentScan.cancelled = true;
      const run: ScanRun = { cancelled: false };
      currentScan = run;
      scan(run)
        .catch(logged('workspace scan'))
        .finally(() => {
          if (currentScan === run) currentScan = undefined;
        });
    });

    context.connection.onDidChangeWatchedFiles((params) => {
      for (const change of params?.changes ?? []) {
        if (typeof change?.uri !== 'string') continue;
        if (change.type === FileChangeType.Deleted) {
          if (known.delete(change.uri) && !context.documents.get(change.uri)) {
            void context.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
          }
        } else {
          checkFromDisk(change.uri).catch(logged('didChangeWatchedFiles'));
        }
      }
    });

    context.documents.onDidClose((event) => {
      const uri = event.document.uri;
      context.diagnostics.cancel(uri);
      // A workspace file keeps its on-disk problems; anything else (untitled, outside the workspace) is cleared.
      if (known.has(uri) || isInWorkspace(context, uri)) checkFromDisk(uri).catch(logged('didClose'));
      else void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  },
};

function percent(done: number, total: number): number {
  return total ? Math.floor((100 * done) / total) : 100;
}

function isInWorkspace(context: ServerContext, uri: string): boolean {
  return context
    .client()
    .workspaceFolders.some((folder) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
}

/** The diagnostics of a config file on disk, or undefined when it is gone, unreadable or not a config file. */
async function diagnoseFile(context: ServerContext, uri: string): Promise<Diagnostic[] | undefined> {
  const parsedUri = URI.parse(uri);
  if (parsedUri.scheme !== 'file') return undefined;
  const path = parsedUri.fsPath;
  const named = isConfigFileName(basename(path));
  if (!named && !YAML_NAME.test(path)) return undefined;
  const read = await readConfigText(path); // regular files only, never blocking, at most MAX_CONFIG_FILE_BYTES
  if (!read.ok && read.reason !== 'too-large') return undefined;
  if (!read.ok) {
    if (!named) return undefined;
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: `This file is larger than ${formatBytes(MAX_CONFIG_FILE_BYTES)}: sinchcp checks it only while it is open in the editor.`,
      },
    ];
  }
  if (!named && !FIRST_LINE_MARK.test(read.text)) return undefined;
  const outcome = await context.analyseInBackground<Diagnostic[]>(CHECK_FILE_ANALYSIS, { uri, text: read.text });
  if (outcome.kind === 'done') return outcome.value;
  if (outcome.kind === 'cut-off') return [checkStoppedDiagnostic(outcome.reason)];
  return undefined;
}

function nonNegativeInteger(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}
