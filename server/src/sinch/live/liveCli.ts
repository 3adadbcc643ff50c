// `sinchcp-lint --live`: reads each project the files name once (before the ordinary run), then hands the run a lookup that adds the live findings to each file's diagnostics. The
// comparison itself is pure and synchronous, so it also holds for the text after `--fix`.
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseText, type ParsedDocument } from '../../parse/parsedDocument';
import { gatherInputs } from '../../cli/inputs';
import { readConfigTextSync } from '../../service/configFiles';
import type { ProjectSnapshot } from '../api';
import { SinchClient } from '../client';
import { credentialsFromEnv } from '../credentials';
import { SinchError } from '../errors';
import { hostsFromEnv } from '../hosts';
import { readProject } from '../snapshot';
import { liveCheck, projectAnchor, type LiveFinding } from './liveCheck';
import { liveDiagnostics } from './liveRun';

export type LiveLookup = (file: string, doc: ParsedDocument) => Diagnostic[];

export interface LiveCliIo {
  stderr(text: string): void;
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads the projects, then calls `run` with the lookup. Without credentials: one line on stderr, exit 2.
 * Files that cannot be read are left to the ordinary run, which reports them.
 */
export async function withLiveCheck(
  paths: readonly string[],
  io: LiveCliIo,
  run: (live: LiveLookup) => Promise<number>,
): Promise<number> {
  const env = io.env ?? process.env;
  const found = credentialsFromEnv(env);
  if (!found.ok) {
    io.stderr(`sinchcp-lint: --live needs ${found.reason.replace(/^no Sinch access key: /, '')}\n`);
    return 2;
  }
  const client = new SinchClient({ ...found.credentials, ...hostsFromEnv(env) });
  const projects = new Map<string, ProjectSnapshot | SinchError>();
  for (const projectId of projectIds(paths)) {
    try {
      projects.set(projectId, await readProject(client, projectId));
    } catch (error) {
      if (!(error instanceof SinchError)) throw error;
      projects.set(projectId, error);
    }
  }
  return run((_file, doc) => liveDiagnostics(doc, findingsFor(doc, projects, env)));
}

function findingsFor(
  doc: ParsedDocument,
  projects: Map<string, ProjectSnapshot | SinchError>,
  env: NodeJS.ProcessEnv,
): LiveFinding[] {
  const projectId = doc.model.conversationApi?.projectId?.text?.trim();
  const result = projectId ? projects.get(projectId) : undefined;
  if (!projectId || !result) {
    return [
      {
        rule: 'live-project',
        severity: 'info',
        span: projectAnchor(doc),
        message: 'No conversationApi.projectId: there is no Sinch project to compare this file with.',
      },
    ];
  }
  if (result instanceof SinchError) {
    return [
      {
        rule: 'live-connection',
        severity: 'error',
        span: projectAnchor(doc),
        message: `Live check: ${result.message}`,
      },
    ];
  }
  return liveCheck(doc, result, env);
}

/** The project IDs the files name, each once. */
function projectIds(paths: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const file of gatherInputs(paths).files) {
    const read = readConfigTextSync(file); // regular files only, bounded: what the ordinary run reads
    if (!read.ok) continue; // the ordinary run reports it
    const id = parseText(read.text).model.conversationApi?.projectId?.text?.trim();
    if (id) ids.add(id);
  }
  return ids;
}
