// The messages between the protocol thread and the analysis worker (structured-cloned, so plain data only).
import type { ClientInfo } from '../context';
import type { Settings } from '../../service/settings';

export type ToWorker =
  | { type: 'config'; settings: Settings; client: ClientInfo }
  | { type: 'sync'; uri: string; languageId: string; version: number; text: string }
  | { type: 'close'; uri: string }
  | { type: 'request'; id: number; method: string; params: unknown }
  | { type: 'cancel'; id: number };

/** A ResponseError crosses the thread boundary as its code and message. */
export interface WireError {
  code: number;
  message: string;
}

export type FromWorker =
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; result?: unknown; error?: WireError }
  | { type: 'log'; message: string };
