// The protocol thread's side of the analysis worker, and the bound on runaway work.
//
// Every analysis (a document's check, hover, completion, …) runs in one worker thread. The worker says when a
// computation starts; if it has not finished within its time limit, the watchdog terminates the worker (a
// synchronous loop cannot be interrupted any other way), answers that request with its fallback, logs which
// request it was (method, document URI, position or version; never text), starts a fresh worker, syncs the
// open documents to it and re-sends the requests that were waiting. A worker that dies (out of memory, an
// uncaught error) is replaced the same way. So one runaway costs at most its time limit, never the server.
import { Worker } from 'node:worker_threads';
import { LSPErrorCodes, ResponseError, type CancellationToken, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../service/settings';
import type { ClientInfo } from '../context';
import type { FromWorker, ToWorker } from './protocol';

export type AnalysisOutcome<R> =
  | { kind: 'done'; value: R }
  | { kind: 'error'; error: ResponseError<void> }
  | { kind: 'cancelled' }
  /** The watchdog stopped it (its time limit), or the worker died while computing it. */
  | { kind: 'cut-off'; reason: string };

/** Time limits (ms) for one computation; the environment variables exist for tests and for slow machines. */
export const REQUEST_TIME_LIMIT_MS = positiveInteger(process.env.SINCHCP_REQUEST_TIME_LIMIT_MS) ?? 3000;
export const CHECK_TIME_LIMIT_MS = positiveInteger(process.env.SINCHCP_CHECK_TIME_LIMIT_MS) ?? 10_000;

/** The methods that check whole files (slower by nature than an answer at a position). */
const CHECK_METHODS = new Set(['sinchcp/diagnostics', 'sinchcp/checkFile']);

/**
 * When the standby is started: this long after the current worker's first answer (its loading must not compete
 * with the first check of the file just opened, the one a user waits for), or after the longer delay when no
 * request comes.
 */
const STANDBY_DELAY_MS = 1000;
const STANDBY_IDLE_DELAY_MS = 5000;

/** Worker heap ceiling: a document that would exhaust memory kills the worker, not the server. */
const WORKER_HEAP_MB = 2048;

interface Pending {
  id: number;
  method: string;
  params: unknown;
  resolve(outcome: AnalysisOutcome<unknown>): void;
  started: boolean;
  /** Answered as cancelled; still timed while it runs, so a cancelled runaway is cut off too. */
  cancelled: boolean;
  timer?: NodeJS.Timeout;
}

export interface AnalysisHostOptions {
  /** The script the worker runs (the server bundle itself). */
  workerScript: string;
  /** The open documents, synced to the worker; without them, requests carry all they need (the workspace scan). */
  documents?: TextDocuments<TextDocument>;
  /** Keep a warm standby worker, for a fast restart after a cut-off (for the worker that answers requests). */
  standby: boolean;
  /** How the log names this worker. */
  label: string;
  /**
   * Start the worker with the first request rather than at once: a worker loading the bundle competes with the
   * one that checks the first open file (on a busy machine that delayed the first diagnostics by seconds).
   */
  startOnFirstRun?: boolean;
  /**
   * Stop the worker after this long without work, and start a fresh one for the next request (for the workspace
   * scan's worker: a stopped worker's heap returns to the system at once, a live one keeps what its largest
   * parse made it grow to). Not with `documents`: a sleeping worker has nothing synced.
   */
  idleStopMs?: number;
  config(): { settings: Settings; client: ClientInfo };
  log(message: string): void;
}

export class AnalysisHost {
  /** Undefined before the first request (startOnFirstRun) and while asleep (idleStopMs): the next request starts one. */
  private worker: Worker | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private standby: Worker | undefined;
  private standbyTimer: NodeJS.Timeout | undefined;
  /** In sending order (a Map iterates in insertion order): re-sent in that order after a restart. */
  private readonly pending = new Map<number, Pending>();
  /** Documents whose current text the worker has. */
  private readonly synced = new Set<string>();
  private nextId = 1;
  private disposed = false;
  /** Whether the current worker has answered a request yet (its standby waits for that). */
  private answered = false;

  constructor(private readonly options: AnalysisHostOptions) {
    options.documents?.onDidChangeContent((event) => this.synced.delete(event.document.uri));
    options.documents?.onDidClose((event) => {
      this.synced.delete(event.document.uri);
      this.post({ type: 'close', uri: event.document.uri });
    });
    if (!options.startOnFirstRun) this.start();
  }

  /** Runs `method` in the worker. Never rejects: the outcome says what happened. */
  run<R>(method: string, params: unknown, token?: CancellationToken): Promise<AnalysisOutcome<R>> {
    if (this.disposed) return Promise.resolve({ kind: 'cancelled' });
    clearTimeout(this.idleTimer);
    if (!this.worker) this.start();
    return new Promise((resolve) => {
      const pending: Pending = {
        id: this.nextId++,
        method,
        params,
        resolve: resolve as Pending['resolve'],
        started: false,
        cancelled: false,
      };
      this.pending.set(pending.id, pending);
      this.send(pending);
      if (token) {
        if (token.isCancellationRequested) this.cancel(pending);
        else token.onCancellationRequested(() => this.cancel(pending));
      }
    });
  }

  /** Whether a worker is up (false while asleep after idleStopMs without work). */
  get awake(): boolean {
    return this.worker !== undefined;
  }

  /** Sends the current settings and client capabilities (after a change). */
  configure(): void {
    if (!this.worker) return; // start() sends them
    const { settings, client } = this.options.config();
    this.post({ type: 'config', settings, client });
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      if (!pending.cancelled) pending.resolve({ kind: 'cancelled' });
    }
    this.pending.clear();
    clearTimeout(this.standbyTimer);
    clearTimeout(this.idleTimer);
    void this.worker?.terminate();
    void this.standby?.terminate();
  }

  /**
   * Makes a worker the current one: the warm standby when there is one (a fresh worker takes a few hundred
   * milliseconds to load the bundle, longer on a busy machine), then prepares the next standby.
   */
  private start(): void {
    const worker = this.standby ?? this.spawn();
    this.standby = undefined;
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.died(worker, `${error.name}: ${error.message}`));
    worker.on('exit', (code) => this.died(worker, `exit code ${code}`));
    this.worker = worker;
    this.configure();
    this.answered = false;
    this.scheduleStandby(STANDBY_IDLE_DELAY_MS);
  }

  /** Starts the standby after `delay` (re-scheduling replaces the timer), for a host that keeps one. */
  private scheduleStandby(delay: number): void {
    if (!this.options.standby) return;
    clearTimeout(this.standbyTimer);
    this.standbyTimer = setTimeout(() => {
      if (this.disposed || this.standby) return;
      const standby = this.spawn();
      const drop = () => {
        if (this.standby === standby) this.standby = undefined;
      };
      standby.on('error', drop);
      standby.on('exit', drop);
      this.standby = standby;
    }, delay);
    this.standbyTimer.unref();
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerScript, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // The worker's console must not reach the process's stdout, which carries the protocol.
      stdout: true,
      stderr: true,
    });
    const relay = (chunk: unknown) => this.options.log(`[${this.options.label}] ${String(chunk).trimEnd()}`);
    worker.stdout.on('data', relay);
    worker.stderr.on('data', relay);
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.type === 'log') {
      this.options.log(message.message);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'started') {
      pending.started = true;
      const limit = CHECK_METHODS.has(pending.method) ? CHECK_TIME_LIMIT_MS : REQUEST_TIME_LIMIT_MS;
      pending.timer = setTimeout(() => this.cutOff(pending, `it ran longer than ${limit} ms`), limit);
      return;
    }
    clearTimeout(pending.timer);
    this.pending.delete(pending.id);
    if (!this.answered) {
      this.answered = true;
      if (!this.standby) this.scheduleStandby(STANDBY_DELAY_MS);
    }
    this.sleepWhenIdle();
    if (pending.cancelled) return;
    if (!message.error) pending.resolve({ kind: 'done', value: message.result });
    else if (message.error.code === LSPErrorCodes.RequestCancelled) pending.resolve({ kind: 'cancelled' });
    else pending.resolve({ kind: 'error', error: new ResponseError(message.error.code, message.error.message) });
  }

  /** With idleStopMs: once nothing is pending, stops the worker after that long (a new request starts one). */
  private sleepWhenIdle(): void {
    const idleMs = this.options.idleStopMs;
    if (idleMs === undefined || this.pending.size) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const worker = this.worker;
      if (this.disposed || this.pending.size || !worker) return;
      worker.removeAllListeners('message');
      worker.removeAllListeners('error');
      worker.removeAllListeners('exit');
      void worker.terminate();
      this.worker = undefined;
      this.synced.clear();
    }, idleMs);
    this.idleTimer.unref();
  }

  private cancel(pending: Pending): void {
    if (pending.cancelled || !this.pending.has(pending.id)) return;
    pending.cancelled = true;
    pending.resolve({ kind: 'cancelled' });
    if (!pending.started) {
      this.pending.delete(pending.id);
      this.post({ type: 'cancel', id: pending.id });
    }
  }

  private cutOff(pending: Pending, why: string): void {
    this.pending.delete(pending.id);
    this.options.log(
      `[watchdog] cut off ${describeRequest(pending.method, pending.params)}: ${why}; restarting the ${this.options.label}`,
    );
    if (!pending.cancelled) pending.resolve({ kind: 'cut-off', reason: why });
    this.restart();
  }

  /** The worker stopped without being asked to: the request it was computing is lost, the others are re-sent. */
  private died(worker: Worker, reason: string): void {
    if (worker !== this.worker || this.disposed) return;
    const current = worker;
    const running = [...this.pending.values()].find((p) => p.started);
    if (running) {
      this.pending.delete(running.id);
      clearTimeout(running.timer);
      this.options.log(
        `[watchdog] the ${this.options.label} stopped (${reason}) while computing ${describeRequest(running.method, running.params)}; restarting it`,
      );
      if (!running.cancelled)
        running.resolve({ kind: 'cut-off', reason: `the ${this.options.label} stopped (${reason})` });
    } else {
      this.options.log(`[watchdog] the ${this.options.label} stopped (${reason}); restarting it`);
    }
    // Dying while idle may repeat (a worker that cannot start): restart after a pause rather than in a loop.
    current.removeAllListeners('exit');
    current.removeAllListeners('error');
    if (running) this.restart();
    else
      setTimeout(() => {
        if (!this.disposed) this.restart();
      }, 1000).unref();
  }

  private restart(): void {
    const old = this.worker;
    old?.removeAllListeners('message');
    old?.removeAllListeners('error');
    old?.removeAllListeners('exit');
    void old?.terminate();
    this.synced.clear();
    this.start();
    for (const pending of [...this.pending.values()]) {
      clearTimeout(pending.timer);
      pending.started = false;
      if (pending.cancelled) this.pending.delete(pending.id);
      else this.send(pending);
    }
  }

  private send(pending: Pending): void {
    const uri = documentUri(pending.params);
    if (uri !== undefined && !this.synced.has(uri)) {
      const document = this.options.documents?.get(uri);
      if (document) {
        this.post({
          type: 'sync',
          uri,
          languageId: document.languageId,
          version: document.version,
          text: document.getText(),
        });
        this.synced.add(uri);
      }
    }
    this.post({ type: 'request', id: pending.id, method: pending.method, params: pending.params });
  }

  private post(message: ToWorker): void {
    if (!this.disposed) this.worker?.postMessage(message);
  }
}

/** A cut-off request gets its harmless fallback (the watchdog has logged it); a cancelled one RequestCancelled. */
export function answer<R>(outcome: AnalysisOutcome<R>, fallback: R): R | ResponseError<void> {
  switch (outcome.kind) {
    case 'done':
      return outcome.value;
    case 'error':
      return outcome.error;
    case 'cancelled':
      return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    case 'cut-off':
      return fallback;
  }
}

function documentUri(params: unknown): string | undefined {
  const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | null | undefined;
  const uri = p?.textDocument?.uri ?? p?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/** "textDocument/hover file:///a.sinchcp.yaml at 3:7": where a request pointed, never what the document holds. */
export function describeRequest(method: string, params: unknown): string {
  const p = params as
    | {
        position?: { line?: unknown; character?: unknown };
        range?: { start?: { line?: unknown; character?: unknown } };
        version?: unknown;
      }
    | null
    | undefined;
  const at = p?.position ?? p?.range?.start;
  const parts = [method];
  const uri = documentUri(params);
  if (uri !== undefined) parts.push(uri);
  if (at && typeof at.line === 'number' && typeof at.character === 'number')
    parts.push(`at ${at.line}:${at.character}`);
  if (typeof p?.version === 'number') parts.push(`version ${p.version}`);
  return parts.join(' ');
}

function positiveInteger(value: string | undefined): number | undefined {
  const parsed = value && /^\d+$/.test(value) ? Number(value) : undefined;
  return parsed && parsed > 0 ? parsed : undefined;
}
