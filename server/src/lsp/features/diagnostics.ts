// Pushes diagnostics after open and after each change. The check runs in the analysis worker, scheduled on the
// next turn of the event loop (so a burst of changes in one tick is checked once), without any delay: an edit
// re-parses only what it touched (parse/incremental.ts), and while a check runs, the checks of versions typed
// meanwhile are skipped by the worker (a newer text of the document is waiting), so only the newest is computed.
// Results for a version that is no longer current are dropped. A check the watchdog cuts off publishes one
// diagnostic that says so, instead of leaving the last version's problems.
import { DiagnosticSeverity, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { diagnose, SOURCE } from '../../service/diagnostics';
import type { AnalysisRequest, DiagnosticsScheduler, Feature, ServerContext } from '../context';

export const DIAGNOSTICS_ANALYSIS = 'sinchcp/diagnostics';

/** The check of an open document at `version`; null when the worker already holds a newer version. */
const checkOpenDocument: AnalysisRequest<{ uri: string; version: number }, Diagnostic[] | null> = {
  method: DIAGNOSTICS_ANALYSIS,
  fallback: null,
  skipWhenSuperseded: true,
  compute(context, { uri, version }) {
    if (context.document(uri)?.version !== version) return null;
    const parsed = context.parsed(uri)!;
    return diagnose(parsed, context.settings(), (rule, error) =>
      context.log(`[rule ${rule}] ${error instanceof Error ? error.stack : String(error)}`),
    );
  },
  // The parse itself failed (the stack is in the log): say so in the file rather than publish nothing.
  whenFailed: () => [checkFailedDiagnostic()],
};

export const diagnosticsFeature: Feature = {
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
  },
  requests: [checkOpenDocument],
  register(context) {
    context.documents.onDidOpen((e) => context.diagnostics.schedule(e.document.uri));
    context.documents.onDidChangeContent((e) => context.diagnostics.schedule(e.document.uri));
    context.onRevalidateAll(() => context.documents.all().forEach((d) => context.diagnostics.schedule(d.uri)));
  },
};

/** What a file whose check was cut off shows (at its start), so the user knows why its problems are missing. */
export function checkStoppedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    message: `sinchcp stopped checking this file because ${reason}; its problems are not shown. Edit the file to check it again.`,
  };
}

export function checkFailedDiagnostic(): Diagnostic {
  return checkStoppedDiagnostic('of an internal error (logged in the Sinch Contact Pro output)');
}

export function createDiagnosticsScheduler(context: Omit<ServerContext, 'diagnostics'>): DiagnosticsScheduler {
  const pending = new Map<string, NodeJS.Immediate>();
  let running = 0;
  let waiters: (() => void)[] = [];
  const wakeIfSettled = () => {
    if (pending.size || running) return;
    const wake = waiters;
    waiters = [];
    wake.forEach((resolve) => resolve());
  };

  const validate = async (uri: string) => {
    pending.delete(uri);
    const document = context.documents.get(uri);
    if (!document) return;
    const version = document.version;
    if (!context.settings().validate.enable) {
      // Validation off: clear, without parsing (hover and completion still parse on demand).
      void context.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    running++;
    const outcome = await context.analyse<Diagnostic[] | null>(DIAGNOSTICS_ANALYSIS, { uri, version }).finally(() => {
      running--;
    });
    // The user may have typed while we checked: only the current version's diagnostics are sent.
    if (context.documents.get(uri)?.version !== version) return;
    if (outcome.kind === 'done' && outcome.value) {
      void context.connection.sendDiagnostics({ uri, version, diagnostics: outcome.value });
    } else if (outcome.kind === 'cut-off') {
      void context.connection.sendDiagnostics({ uri, version, diagnostics: [checkStoppedDiagnostic(outcome.reason)] });
    }
  };

  return {
    schedule(uri) {
      if (pending.has(uri)) return;
      const run = () => {
        void validate(uri)
          .catch((error: unknown) =>
            context.log(`[diagnostics] ${error instanceof Error ? error.stack : String(error)}`),
          )
          .finally(wakeIfSettled);
      };
      pending.set(uri, setImmediate(run));
    },
    cancel(uri) {
      const handle = pending.get(uri);
      if (handle) clearImmediate(handle);
      pending.delete(uri);
      wakeIfSettled();
    },
    settled(maxWaitMs) {
      if (!pending.size && !running) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, maxWaitMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
