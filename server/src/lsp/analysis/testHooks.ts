// A test-only way to make one request run away, for the watchdog's tests. Inert unless the server was started
// with the environment variable SINCHCP_TEST_HOOKS=1 (nothing in VS Code or the CLI sets it): then a document
// holding the comment line `# sinchcp-test-runaway: <method>` makes <method> spin forever on that document
// (e.g. `textDocument/hover`, or `sinchcp/diagnostics` for its check), as a defect in a rule or the parser would;
// `# sinchcp-test-throw: <method>` makes it throw instead, and `# sinchcp-test-exit: <method>` ends the worker
// thread (as running out of memory would).
import type { AnalysisContext } from '../context';

const MARKER = /^# sinchcp-test-(runaway|throw|exit): (\S+)$/gm;

export const testHooksEnabled = (): boolean => process.env.SINCHCP_TEST_HOOKS === '1';

export function applyTestHooks(context: AnalysisContext, method: string, params: unknown): void {
  const uri = params as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined;
  const target = uri?.textDocument?.uri ?? uri?.uri;
  if (typeof target !== 'string') return;
  // An open document's text, or the text a workspace file's check carries.
  const carried = (params as { text?: unknown }).text;
  const text = context.document(target)?.getText() ?? (typeof carried === 'string' ? carried : '');
  for (const [, kind, hooked] of text.matchAll(MARKER)) {
    if (hooked !== method) continue;
    if (kind === 'throw') throw new Error(`test hook: ${method} throws`);
    if (kind === 'exit') process.exit(70); // in a worker thread, this ends the thread only
    // Said before spinning (a worker's messages leave even while it spins): a test can wait for the runaway to be
    // running instead of guessing how long the worker takes to reach it.
    context.log(`[test hook] ${method} runs away`);
    for (;;) {
      // spins until the watchdog terminates this worker
    }
  }
}
