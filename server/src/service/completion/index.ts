export { complete } from './router';
export { cursorPlace, type CursorPlace } from './cursorPath';
export type { CompletionCandidate, CompletionOptions } from './types';
