// Pushes diagnostics after open and after each change. Validation runs on the next turn of the event loop
// (so a burst of changes in one tick is validated once), with a delay only for documents whose last check
// was slow while changes come in faster than it takes; results for a version that is no longer current are
// dropped.
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import { diagnose } from '../../service/diagnostics';
import type { DiagnosticsScheduler, Feature, ServerContext } from '../context';
import { guarded } from '../guard';

/**
 * A check that took longer than this delays the next one of the same document by twice its duration, when
 * the change comes sooner after the last check than that check took (the user is typing faster than we
 * check). A change after a pause is checked at once: its latency is the check's, not the check's plus a delay.
 */
const SLOW_CHECK_MS = 20;
const MAX_DELAY_MS = 250;

export const diagnosticsFeature: Feature = {
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
  },
  register(context) {
    context.documents.onDidOpen((e) => context.diagnostics.schedule(e.document.uri));
    context.documents.onDidChangeContent((e) => context.diagnostics.schedule(e.document.uri));
    context.onRevalidateAll(() => context.documents.all().forEach((d) => context.diagnostics.schedule(d.uri)));
  },
};

export function createDiagnosticsScheduler(context: Omit<ServerContext, 'diagnostics'>): DiagnosticsScheduler {
  const pending = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();
  const lastDuration = new Map<string, number>();
  const lastFinished = new Map<string, number>();

  const validate = guarded('diagnostics', context.log, undefined, (uri: string) => {
    pending.delete(uri);
    const document = context.documents.get(uri);
    if (!document) return;
    if (!context.settings().validate.enable) {
      // Validation off: clear, without parsing (hover and completion still parse on demand).
      void context.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const started = performance.now();
    const parsed = context.cache.get(document);
    const diagnostics = diagnose(parsed, context.settings(), (rule, error) =>
      context.log(`[rule ${rule}] ${error instanceof Error ? error.stack : String(error)}`));
    const finished = performance.now();
    lastDuration.set(uri, finished - started);
    lastFinished.set(uri, finished);
    // The user may have typed while we checked: only the current version's diagnostics are sent.
    if (context.documents.get(uri)?.version !== parsed.version) return;
    void context.connection.sendDiagnostics({ uri, version: parsed.version, diagnostics });
  });

  return {
    schedule(uri) {
      if (pending.has(uri)) return;
      const duration = lastDuration.get(uri) ?? 0;
      const idle = performance.now() - (lastFinished.get(uri) ?? -Infinity);
      const handle = duration > SLOW_CHECK_MS && idle < duration
        ? setTimeout(() => validate(uri), Math.min(MAX_DELAY_MS, 2 * duration))
        : setImmediate(() => validate(uri));
      pending.set(uri, handle);
    },
    cancel(uri) {
      const handle = pending.get(uri);
      if (handle) {
        clearTimeout(handle as NodeJS.Timeout);
        clearImmediate(handle as NodeJS.Immediate);
      }
      pending.delete(uri);
      lastDuration.delete(uri);
      lastFinished.delete(uri);
    },
  };
}
