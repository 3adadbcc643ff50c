// The fuzz harness: drives the bundled server (dist/server.js --stdio) with mutated and hostile documents and
// asks it for everything at random positions (always including the first line, the last line and character 0),
// each request with a time limit. It counts what must never happen:
//   crash           the server process exited
//   worker-died     the analysis worker died (out of memory, uncaught error) and was restarted
//   cut-off         the watchdog cut off a runaway request or check (a hang, made visible instead of fatal)
//   internal-error  an InternalError (-32603) or unexpected error answer, an error line in the server's log,
//                   or output on its stderr
//   over-time-limit a request, or a document's diagnostics, not answered within the time limit
//   range-outside   a range in an answer or a publish that is not inside the document (or ends before it starts)
//   secret-shown    a planted secret (in any letter case) in a message, hover, completion item, symbol,
//                   code-action title, rename placeholder or log line
// The server runs with a watchdog limit below the harness's, so a hang is counted as a cut-off and the run goes on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lspClient';
import { prng } from '../bench/generate';
import { leakExcerpt, lineLengths, rangesOutside, secretsIn, shownText } from './checks';
import { loadCorpus, makeEdit, makeInput, secretsStillMarked, type FuzzInput, type Random } from './inputs';

export const FAILURE_KINDS = [
  'crash',
  'worker-died',
  'cut-off',
  'internal-error',
  'over-time-limit',
  'range-outside',
  'secret-shown',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Failure {
  kind: FailureKind;
  /** Which input (0-based) of the run. */
  input: number;
  method: string;
  position?: string;
  detail: string;
  operations: string[];
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** Per request and per publish (ms). */
  timeLimitMs?: number;
  /** Writes every input that failed, and a summary, into this folder. */
  saveDir?: string;
  onInput?(index: number): void;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  requests: number;
  /** Requests not sent because their input had already hung or timed out. */
  skipped: number;
  elapsedMs: number;
  counts: Record<FailureKind, number>;
  failures: Failure[];
}

const RENAME_TARGETS = [
  '01HZX3K7M2Q9V5B8N4T6W1R0CD',
  '01234567890123456789012345',
  '1000000000000000000000E100',
  'x',
  '',
  'a b: c',
];
const TRIGGERS = [undefined, undefined, ' ', '@', '[', '{'];

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const timeLimitMs = options.timeLimitMs ?? 2000;
  // The watchdog cuts off below the harness's limit: a hang is then a counted cut-off, not a stuck run.
  const watchdogMs = String(Math.max(200, Math.floor(timeLimitMs * 0.6)));
  const env = { SINCHCP_REQUEST_TIME_LIMIT_MS: watchdogMs, SINCHCP_CHECK_TIME_LIMIT_MS: watchdogMs };
  const random = prng(options.seed);
  const corpus = loadCorpus();
  const counts = Object.fromEntries(FAILURE_KINDS.map((kind) => [kind, 0])) as Record<FailureKind, number>;
  const failures: Failure[] = [];
  const started = performance.now();
  let requests = 0;
  let skipped = 0;
  let client = (await TestLspClient.start({ env })).client;
  let logsSeen = 0;
  let stderrSeen = 0;
  /** The operations of recent inputs: a watchdog line may arrive after its input was done. */
  const recentOperations = new Map<number, string[]>();

  for (let index = 0; index < options.runs; index++) {
    options.onInput?.(index);
    const input = makeInput(random, corpus);
    let failed = false;
    recentOperations.set(index, input.operations);
    recentOperations.delete(index - 10);
    const fail = (kind: FailureKind, method: string, detail: string, position?: string, of = index) => {
      counts[kind]++;
      if (of === index) failed = true;
      const operations = recentOperations.get(of) ?? input.operations;
      failures.push({ kind, input: of, method, detail, operations, ...(position ? { position } : {}) });
    };
    let unanswered = 0;
    // An input that has hung or timed out has shown its defect: probing on would cost a time limit per request
    // (each cut-off also drops the worker's parses), so the rest of its requests are skipped.
    const troubles = () =>
      unanswered + client.logs.slice(logsSeen).filter((line) => line.startsWith('[watchdog]')).length;

    /**
     * The planted secrets that outputs must not show: those the text still marks as secrets (see
     * secretsStillMarked; a text operation such as `binary` may have overwritten a password's key or value).
     */
    let secrets = secretsStillMarked(input, input.text);

    const call = async (method: string, params: Record<string, unknown>, lengths: number[], position?: string) => {
      if (client.exitCode !== null || troubles() >= 1) {
        skipped++;
        return undefined;
      }
      requests++;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeLimitMs);
      });
      try {
        const result = await Promise.race([client.request<unknown>(method, params), timeout]);
        if (result === 'timeout') {
          unanswered++;
          fail('over-time-limit', method, `no answer within ${timeLimitMs} ms`, position);
          return undefined;
        }
        for (const problem of rangesOutside(result, lengths)) fail('range-outside', method, problem, position);
        const shown = shownText(method, result);
        if (secretsIn(shown, secrets).length) fail('secret-shown', method, leakExcerpt(shown, secrets), position);
        return result;
      } catch (error) {
        if (error instanceof ResponseError) {
          // A rejected new name is the one error answer the server gives on purpose.
          const expected = method === 'textDocument/rename' && error.code === -32602;
          if (!expected)
            fail('internal-error', method, `error ${error.code}: ${error.message.slice(0, 200)}`, position);
          else if (secretsIn([error.message], secrets).length)
            fail('secret-shown', method, 'in the rename error message', position);
        } else if (client.exitCode === null) {
          fail('internal-error', method, String(error).slice(0, 200), position);
        }
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    };

    /** Waits for the publish of `version`, checking its ranges and text. */
    const published = async (uri: string, version: number, since: number, lengths: number[]): Promise<Diagnostic[]> => {
      try {
        const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === version, timeLimitMs, since);
        for (const problem of rangesOutside(diagnostics, lengths)) fail('range-outside', 'publishDiagnostics', problem);
        const shown = shownText('publishDiagnostics', diagnostics);
        if (secretsIn(shown, secrets).length) fail('secret-shown', 'publishDiagnostics', leakExcerpt(shown, secrets));
        return diagnostics;
      } catch {
        if (client.exitCode === null) {
          unanswered++;
          fail(
            'over-time-limit',
            'publishDiagnostics',
            `no diagnostics for version ${version} within ${timeLimitMs} ms`,
          );
        }
        return [];
      }
    };

    const probe = async (uri: string, text: string, diagnostics: Diagnostic[], random: Random) => {
      const lengths = lineLengths(text);
      const last = lengths.length - 1;
      const secretLine = input.secrets.length
        ? text.split(/\r\n|\r|\n/).findIndex((line) => line.includes(input.secrets[0]!))
        : -1;
      const line = Math.floor(random() * lengths.length);
      const positions = [
        { line: 0, character: 0 },
        { line: last, character: random() < 0.5 ? 0 : lengths[last]! },
        { line, character: Math.floor(random() * (lengths[line]! + 1)) },
      ];
      if (secretLine >= 0)
        positions.push({
          line: secretLine,
          character: text.split(/\r\n|\r|\n/)[secretLine]!.indexOf(input.secrets[0]!) + 2,
        });
      const textDocument = { uri };
      await call('textDocument/documentSymbol', { textDocument }, lengths);
      await call(
        'textDocument/codeAction',
        {
          textDocument,
          range: { start: { line: 0, character: 0 }, end: { line: last, character: lengths[last]! } },
          context: { diagnostics: [], only: ['source.fixAll.sinchcp'] },
        },
        lengths,
      );
      for (const position of positions) {
        const at = `${position.line}:${position.character}`;
        const trigger = TRIGGERS[Math.floor(random() * TRIGGERS.length)];
        await call('textDocument/hover', { textDocument, position }, lengths, at);
        await call(
          'textDocument/completion',
          {
            textDocument,
            position,
            context: trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 },
          },
          lengths,
          at,
        );
        await call('textDocument/definition', { textDocument, position }, lengths, at);
        await call(
          'textDocument/references',
          { textDocument, position, context: { includeDeclaration: random() < 0.5 } },
          lengths,
          at,
        );
        await call('textDocument/prepareRename', { textDocument, position }, lengths, at);
        await call(
          'textDocument/rename',
          {
            textDocument,
            position,
            newName: RENAME_TARGETS[Math.floor(random() * RENAME_TARGETS.length)],
          },
          lengths,
          at,
        );
        const near = diagnostics.filter((d) => Math.abs(d.range.start.line - position.line) <= 2).slice(0, 10);
        await call(
          'textDocument/codeAction',
          {
            textDocument,
            range: { start: position, end: position },
            context: { diagnostics: near },
          },
          lengths,
          at,
        );
      }
    };

    const uri = `file:///fuzz/input-${index}.sinchcp.yaml`;
    let document = TextDocument.create(uri, 'sinchcp', 1, input.text);
    let since = client.published.length;
    await client.open(uri, input.text, 1);
    let diagnostics = await published(uri, 1, since, lineLengths(input.text));
    await probe(uri, input.text, diagnostics, random);

    if (random() < 0.5 && client.exitCode === null) {
      const edit = makeEdit(random, document.getText(), input.secrets);
      const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
      document = TextDocument.update(document, [{ range, text: edit.newText }], 2);
      // The same after the edit (an edit that typed over a password's key or value leaves text that no longer
      // says it is one); logs and stderr are still searched for every planted secret.
      secrets = secretsStillMarked(input, document.getText());
      since = client.published.length;
      await client.change(uri, 2, [{ range, text: edit.newText }]);
      diagnostics = await published(uri, 2, since, lineLengths(document.getText()));
      await probe(uri, document.getText(), diagnostics, random);
    }
    if (client.exitCode === null) await client.close(uri);

    // The server's log and stderr since the last input: cut-offs, worker deaths, errors, secrets.
    const logs = client.logs.slice(logsSeen);
    logsSeen = client.logs.length;
    for (const line of logs) {
      const of = Number(/fuzz\/input-(\d+)\.sinchcp\.yaml/.exec(line)?.[1] ?? index);
      if (line.startsWith('[watchdog] cut off'))
        fail('cut-off', line.split(' ')[3] ?? '?', line.slice(0, 300), undefined, of);
      else if (line.startsWith('[watchdog]')) fail('worker-died', 'analysis worker', line.slice(0, 300), undefined, of);
      else fail('internal-error', 'log', line.split('\n').slice(0, 2).join(' ').slice(0, 300));
    }
    if (secretsIn(logs, input.secrets).length) fail('secret-shown', 'log', leakExcerpt(logs, input.secrets));
    const stderr = client.stderr.slice(stderrSeen);
    stderrSeen = client.stderr.length;
    if (stderr.trim()) fail('internal-error', 'stderr', stderr.slice(0, 300));
    if (secretsIn([stderr], input.secrets).length) fail('secret-shown', 'stderr', 'stderr shows a planted secret');
    client.published.length = 0;

    if (client.exitCode === null && unanswered > 0 && !(await answersWithin(client, 10_000))) {
      fail('over-time-limit', 'server', 'the server did not answer at all for 10 s');
      await client.stop();
      client = (await TestLspClient.start({ env })).client;
      logsSeen = 0;
      stderrSeen = 0;
    }
    if (client.exitCode !== null) {
      fail('crash', 'server', `the server exited with ${client.exitCode}`);
      await client.stop();
      client = (await TestLspClient.start({ env })).client;
      logsSeen = 0;
      stderrSeen = 0;
    }
    if (failed && options.saveDir) {
      mkdirSync(options.saveDir, { recursive: true });
      writeFileSync(join(options.saveDir, `input-${index}.sinchcp.yaml`), input.text);
      // The text after the edit step too (version 2), when there was one: a failure may be in either.
      if (document.version > 1)
        writeFileSync(join(options.saveDir, `input-${index}.edited.sinchcp.yaml`), document.getText());
    }
  }
  await client.stop();
  const report: FuzzReport = {
    seed: options.seed,
    runs: options.runs,
    requests,
    skipped,
    elapsedMs: performance.now() - started,
    counts,
    failures,
  };
  if (options.saveDir) {
    mkdirSync(options.saveDir, { recursive: true }); // a run without failures has not made it yet
    writeFileSync(join(options.saveDir, 'report.json'), JSON.stringify(report, null, 2));
  }
  return report;
}

/** Whether the server answers a trivial request within `ms` (after timeouts: slow, or stuck?). */
async function answersWithin(client: TestLspClient, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ping = client
    .request('textDocument/documentSymbol', { textDocument: { uri: 'file:///fuzz/not-open.sinchcp.yaml' } })
    .then(
      () => true,
      () => client.exitCode === null,
    );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One line per kind with its count, then the first failures of each kind (for a terminal or a test log). */
export function formatReport(report: FuzzReport, examplesPerKind = 3): string {
  const lines = [
    `fuzz: seed ${report.seed}, ${report.runs} inputs, ${report.requests} requests (${report.skipped} skipped after a hang), ${(report.elapsedMs / 1000).toFixed(1)} s`,
    ...FAILURE_KINDS.map((kind) => `  ${kind.padEnd(16)} ${report.counts[kind]}`),
  ];
  for (const kind of FAILURE_KINDS) {
    for (const f of report.failures.filter((x) => x.kind === kind).slice(0, examplesPerKind)) {
      lines.push(
        `  [${kind}] input ${f.input} ${f.method}${f.position ? ` at ${f.position}` : ''}: ${f.detail} (${f.operations.join('; ')})`,
      );
    }
  }
  return lines.join('\n');
}

export type { FuzzInput };
