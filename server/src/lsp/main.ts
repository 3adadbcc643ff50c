#!/usr/bin/env node
// The sinchcp language server. Runs standalone for any LSP client (`node dist/server.js --stdio`) or under
// the VS Code client over IPC (`--node-ipc`); the transport is chosen from the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
