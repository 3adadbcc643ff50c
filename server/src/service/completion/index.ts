export { complete } from './router';
export { cursorPlace } from './cursorPath';
export { sourceOf, type CompletionCandidate } from './types';
