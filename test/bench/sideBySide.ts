// The side-by-side part of `npm run bench`: our server (dist/server.js) and Red Hat's yaml-language-server
// validating the same generated files with the project's own JSON Schema (dist/sinchcp.schema.json), in the
// same run, each file alone in its own temporary workspace folder, both driven as black boxes over stdio by
// the same client code (stdioServer.ts). yaml-language-server runs with its 200 ms validation delay removed
// (yamlLsNoDebounce.cjs), its best case.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StdioServer, type ServerCommand } from './stdioServer';
import type { GeneratedFile } from './generate';

const ROOT = join(__dirname, '..', '..');
/** Time between a diagnostics push and the next keystroke: a typist's ~7 characters a second. */
export const TYPING_PAUSE_MS = 150;
/** What the bench types, one character per edit, at the end of an app's `name:` value. */
const TYPED = 'Priority customers of the northern region';

export interface PeerServer {
  name: string;
  languageId: string;
  /** Checks the workspace's files from disk at start-up (ours does; yaml-language-server does not). */
  checksWorkspaceAtStart: boolean;
  command: (fileGlob: string) => ServerCommand;
}

export const SINCHCP: PeerServer = {
  name: 'sinchcp',
  languageId: 'sinchcp',
  checksWorkspaceAtStart: true,
  command: () => ({
    argv: [process.execPath, join(ROOT, 'dist', 'server.js'), '--stdio'],
    configuration: (section) => (section === 'sinchcp' ? {} : null),
  }),
};

export const YAML_LS: PeerServer = {
  name: 'yaml-ls',
  languageId: 'yaml',
  checksWorkspaceAtStart: false,
  command: (fileGlob) => ({
    argv: [
      process.execPath,
      '--require',
      join(__dirname, 'yamlLsNoDebounce.cjs'),
      require.resolve('yaml-language-server/bin/yaml-language-server'),
      '--stdio',
    ],
    configuration: (section) => {
      if (section === 'yaml') {
        return {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemas: { [pathToFileURL(join(ROOT, 'dist', 'sinchcp.schema.json')).toString()]: [fileGlob] },
          // Offline, and only our schema: no catalog download, no Kubernetes detection.
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
        };
      }
      if (section === 'editor') return { tabSize: 2, insertSpaces: true };
      return section === 'http' || section === '[yaml]' ? {} : null;
    },
  }),
};

export interface Plan {
  /** Fresh servers, one cold open each (the first of them is also measured for edits and requests). */
  openRuns: number;
  editRuns: number;
  probeRepeats: number;
  /** A server that has not pushed diagnostics for an open or an edit by then is reported as "did not finish". */
  timeoutMs: number;
  /** Edits stop early (after at least 3) once this much time is spent on them. */
  editBudgetMs: number;
  /** Completion and hover each stop early (after at least 2 requests) once this much time is spent on them. */
  probeBudgetMs: number;
}

export interface PeerResult {
  open: number[];
  /** Diagnostics in the first push after open (shows the schema was applied). */
  openDiagnostics?: number;
  edit: number[];
  completion: number[];
  hover: number[];
  peakRssKb?: number;
  /** Why a measurement is missing or partial. */
  notes: string[];
}

/** An "after open" text that differs from the file on disk, so no cache keyed on the text can answer it. */
const openedText = (file: GeneratedFile, run: number) => `${file.text}# opened in bench run ${run}\n`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measurePeer(peer: PeerServer, file: GeneratedFile, plan: Plan): Promise<PeerResult> {
  const result: PeerResult = { open: [], edit: [], completion: [], hover: [], notes: [] };
  const folder = mkdtempSync(join(tmpdir(), `sinchcp-bench-${peer.name}-`));
  const path = join(folder, 'tenant.sinchcp.yaml');
  writeFileSync(path, file.text);
  const uri = pathToFileURL(path).toString();
  const workspace = { uri: pathToFileURL(folder).toString(), name: 'bench' };
  const command = peer.command('*.sinchcp.yaml');
  let kept: StdioServer | undefined;
  try {
    for (let run = 0; run < plan.openRuns; run++) {
      const server = await StdioServer.start(command, workspace);
      // Ready: the configuration is answered, and whatever the server does on its own at start-up (ours checks
      // the workspace's config files from disk) is over, so that it is not charged to the open.
      await server.until(() => server.configurationRequests > 0, 30_000);
      if (peer.checksWorkspaceAtStart)
        await server.until(
          () => server.published.some((p) => p.uri === uri),
          Math.min(6_000, 1_000 + file.lineCount / 10),
        );
      await sleep(200);
      const since = server.published.length;
      const started = performance.now();
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: peer.languageId, version: 1, text: openedText(file, run) },
      });
      const pushed = await server.diagnosticsFor(uri, 1, since, plan.timeoutMs);
      if (!pushed) {
        result.notes.push(`open did not finish within ${plan.timeoutMs / 1000} s`);
        await server.stop();
        break;
      }
      result.open.push(performance.now() - started);
      result.openDiagnostics = pushed.diagnostics.length;
      if (run === 0) kept = server;
      else await server.stop();
    }
    if (kept) await editsAndRequests(kept, file, uri, plan, result);
    if (kept) result.peakRssKb = kept.peakRssKb();
    if (kept?.stderr.trim())
      result.notes.push(`stderr: ${kept.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 200)}`);
  } finally {
    await kept?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  return result;
}

async function editsAndRequests(
  server: StdioServer,
  file: GeneratedFile,
  uri: string,
  plan: Plan,
  result: PeerResult,
): Promise<void> {
  // Type at the end of the `name:` line that follows the generator's edit site (an app in the middle of the
  // file): every edit gives a text never seen before, so the cost is that of a real keystroke.
  const line = file.editSite.line + 1;
  let character = openedText(file, 0).split('\n')[line]!.length;
  let version = 1;
  const editsStarted = performance.now();
  for (let i = 0; i < plan.editRuns; i++) {
    if (i >= 3 && performance.now() - editsStarted > plan.editBudgetMs) {
      result.notes.push(`edits stopped after ${i} (time budget ${plan.editBudgetMs / 1000} s)`);
      break;
    }
    await sleep(TYPING_PAUSE_MS);
    version++;
    const since = server.published.length;
    const started = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        { range: { start: { line, character }, end: { line, character } }, text: TYPED[i % TYPED.length]! },
      ],
    });
    character++;
    if (!(await server.diagnosticsFor(uri, version, since, plan.timeoutMs))) {
      result.notes.push(`edit ${i + 1} did not finish within ${plan.timeoutMs / 1000} s`);
      return;
    }
    result.edit.push(performance.now() - started);
  }
  for (const [method, samples] of [
    ['textDocument/completion', result.completion],
    ['textDocument/hover', result.hover],
  ] as const) {
    const probesStarted = performance.now();
    try {
      for (let r = 0; r < plan.probeRepeats; r++) {
        for (const probe of file.probes) {
          if (samples.length >= 2 && performance.now() - probesStarted > plan.probeBudgetMs) break;
          const started = performance.now();
          await server.connection.sendRequest(method, {
            textDocument: { uri },
            position: { line: probe.line, character: probe.character },
          });
          samples.push(performance.now() - started);
        }
      }
    } catch (error) {
      result.notes.push(`${method}: ${String((error as Error).message ?? error).slice(0, 80)}`);
    }
    const wanted = plan.probeRepeats * file.probes.length;
    if (samples.length < wanted)
      result.notes.push(
        `${method}: ${samples.length} of ${wanted} requests (time budget ${plan.probeBudgetMs / 1000} s)`,
      );
  }
}

// ---- the table ----------------------------------------------------------------------------------------------

export interface SideBySideSize {
  lines: number;
  plan: Plan;
}

export const SIDE_BY_SIDE_SIZES: SideBySideSize[] = [
  {
    lines: 2_000,
    plan: { openRuns: 3, editRuns: 30, probeRepeats: 5, timeoutMs: 30_000, editBudgetMs: 12_000, probeBudgetMs: 5_000 },
  },
  {
    lines: 20_000,
    plan: { openRuns: 3, editRuns: 12, probeRepeats: 2, timeoutMs: 60_000, editBudgetMs: 20_000, probeBudgetMs: 8_000 },
  },
  // yaml-language-server is given a bounded time here: it is reported as "did not finish" past the timeout.
  {
    lines: 100_000,
    plan: { openRuns: 1, editRuns: 5, probeRepeats: 1, timeoutMs: 45_000, editBudgetMs: 25_000, probeBudgetMs: 8_000 },
  },
];

function quantile(samples: number[], q: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const ms = (n: number | undefined) =>
  n === undefined ? 'n/a' : n < 10 ? `${n.toFixed(2)} ms` : `${Math.round(n).toLocaleString('en-US')} ms`;
const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MB`);
function ratio(ours: number | undefined, theirs: number | undefined): string {
  if (ours === undefined || theirs === undefined || theirs === 0) return '—';
  const r = ours / theirs;
  return `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×${r > 1 ? ' (worse)' : ''}`;
}

/** Runs both servers on every size (ours first, then yaml-ls, size by size) and returns the markdown table. */
export async function sideBySideReport(
  sizes: SideBySideSize[],
  generateFile: (lines: number) => GeneratedFile,
  bareParseP50: (file: GeneratedFile) => number,
): Promise<string> {
  const rows: string[] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    const file = generateFile(size.lines);
    const label = file.lineCount.toLocaleString('en-US');
    const results: Record<string, PeerResult> = {};
    for (const peer of [SINCHCP, YAML_LS]) {
      process.stderr.write(`bench: ${peer.name} on ${label} lines…\n`);
      results[peer.name] = await measurePeer(peer, file, size.plan);
    }
    const ours = results[SINCHCP.name]!;
    const theirs = results[YAML_LS.name]!;
    const row = (what: string, a: number | undefined, b: number | undefined, format = ms) =>
      rows.push(`| ${label} lines: ${what} | ${format(a)} | ${format(b)} | ${ratio(a, b)} |`);
    row(
      `edit → diagnostics p50 (n=${ours.edit.length}/${theirs.edit.length})`,
      quantile(ours.edit, 0.5),
      quantile(theirs.edit, 0.5),
    );
    row('edit → diagnostics p95', quantile(ours.edit, 0.95), quantile(theirs.edit, 0.95));
    row(
      `open → diagnostics p50 (n=${ours.open.length}/${theirs.open.length})`,
      quantile(ours.open, 0.5),
      quantile(theirs.open, 0.5),
    );
    row('completion p50', quantile(ours.completion, 0.5), quantile(theirs.completion, 0.5));
    row('hover p50', quantile(ours.hover, 0.5), quantile(theirs.hover, 0.5));
    row('peak RSS (VmHWM)', ours.peakRssKb, theirs.peakRssKb, mb);
    rows.push(
      `| ${label} lines: diagnostics after open | ${ours.openDiagnostics ?? 'n/a'} | ${theirs.openDiagnostics ?? 'n/a'} | |`,
    );
    rows.push(
      `| ${label} lines: bare \`yaml\` parse p50 in-process (floor of a full re-parse) | ${ms(bareParseP50(file))} | | |`,
    );
    for (const [name, result] of Object.entries(results))
      for (const note of result.notes) notes.push(`- ${name}, ${label} lines: ${note}`);
  }
  return [
    '| | sinchcp | yaml-ls (no debounce) | ratio sinchcp ÷ yaml-ls |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Both servers over stdio on the same generated file, alone in its own temporary workspace folder; yaml-language-server ` +
      `validates it with dist/sinchcp.schema.json, its 200 ms validation delay patched to 0. Edit: one character typed ${TYPING_PAUSE_MS} ms ` +
      "after the previous edit's diagnostics arrived, until the next push. Open: a fresh server per run, its start-up work " +
      'finished, then didOpen of a text that differs from the disk copy by one comment line. Completion / hover: 4 positions near the ' +
      'end of the file. Peak RSS: VmHWM of the server process (all its threads) plus any child processes, after edits and requests.',
    ...(notes.length ? ['', ...notes] : []),
  ].join('\n');
}
