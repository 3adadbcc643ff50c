// Running the live check for a document: read the project (through a short-lived cache), compare, and turn
// the findings into ordinary diagnostics (code = the live rule's name). A failure to read the project is
// one finding with one clear message, never a finding per app.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { SeveritySetting } from '../../rules/types';
import { firstSentenceFirst, quoteValues } from '../../rules/messageStyle';
import { literalSecrets, redactSecrets } from '../../service/redactSecrets';
import { SOURCE } from '../../service/diagnostics';
import type { ProjectSnapshot } from '../api';
import type { SinchClient } from '../client';
import { SinchError } from '../errors';
import { readProject } from '../snapshot';
import { liveCheck, projectAnchor, type LiveFinding } from './liveCheck';

/** Project snapshots kept for a short time, so a save or a second file does not ask Sinch again. */
export class SnapshotCache {
  private readonly entries = new Map<string, { at: number; snapshot: Promise<ProjectSnapshot> }>();
  constructor(
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(projectId: string, load: () => Promise<ProjectSnapshot>): Promise<ProjectSnapshot> {
    const entry = this.entries.get(projectId);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.snapshot;
    const snapshot = load();
    this.entries.set(projectId, { at: this.now(), snapshot });
    // A failure is not kept: the next check asks again.
    snapshot.catch(() => {
      if (this.entries.get(projectId)?.snapshot === snapshot) this.entries.delete(projectId);
    });
    return snapshot;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface LiveRunDeps {
  client: SinchClient;
  env: NodeJS.ProcessEnv;
  cache?: SnapshotCache;
}

export async function runLiveCheck(doc: ParsedDocument, deps: LiveRunDeps): Promise<LiveFinding[]> {
  const projectId = doc.model.conversationApi?.projectId?.text?.trim();
  if (!projectId) {
    return [
      {
        rule: 'live-project',
        severity: 'info',
        span: projectAnchor(doc),
        message:
          'No conversationApi.projectId: there is no Sinch project to compare this file with (Sinch dashboard: Conversation API > Apps shows the project ID).',
      },
    ];
  }
  try {
    const load = () => readProject(deps.client, projectId);
    const snapshot = await (deps.cache ? deps.cache.get(projectId, load) : load());
    return liveCheck(doc, snapshot, deps.env);
  } catch (error) {
    if (!(error instanceof SinchError)) throw error;
    return [
      { rule: 'live-connection', severity: 'error', span: projectAnchor(doc), message: `Live check: ${error.message}` },
    ];
  }
}

const LSP_SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** Live findings as diagnostics; `rules` may change a live rule's severity or turn it off. */
export function liveDiagnostics(
  doc: ParsedDocument,
  findings: readonly LiveFinding[],
  rules: Record<string, SeveritySetting> = {},
): Diagnostic[] {
  const literals = literalSecrets(doc);
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const setting = rules[f.rule];
    if (setting === 'off') continue;
    const start = Math.max(0, Math.min(f.span.start, doc.text.length));
    const end = Math.max(start, Math.min(f.span.end, doc.text.length));
    out.push({
      range: { start: doc.textDocument.positionAt(start), end: doc.textDocument.positionAt(end) },
      severity: LSP_SEVERITY[setting ?? f.severity],
      source: SOURCE,
      code: f.rule,
      // Quoted and split like the file's own rules' messages (messageStyle.ts): the Problems view shows the first line.
      message: redactSecrets(firstSentenceFirst(quoteValues(f.message)), literals),
    });
  }
  return out;
}

/** Whether a diagnostic is a live finding that should fail a CI run (an error or a warning). */
export function isFailingLiveDiagnostic(d: Diagnostic): boolean {
  return (
    typeof d.code === 'string' &&
    d.code.startsWith('live-') &&
    d.severity !== DiagnosticSeverity.Information &&
    d.severity !== DiagnosticSeverity.Hint
  );
}
