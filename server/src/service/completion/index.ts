export { complete } from './router';
export { cursorPlace, type CursorPlace } from './cursorPath';
export { sourceOf, type CompletionCandidate, type CompletionOptions, type CompletionSource } from './types';
