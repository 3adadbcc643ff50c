// The client ↔ server contract in one place: the custom requests (sinch.ts, spec.ts), the server commands
// (commands.ts), their types, the version. This index names what the two sides import from the contract as a
// whole; the parts' other types are imported from their own files.
export { SERVER_COMMAND_IDS, SERVER_COMMANDS } from './commands';
export { SINCH_REQUESTS } from './sinch';
export type { ResultOf } from './spec';
export { VERSION } from './version';
