// The client ↔ server contract in one place: the custom requests, the server commands, their types, the version.
export * from './spec';
export * from './sinch';
export * from './commands';
export { VERSION } from './version';
