#!/usr/bin/env node
// The sinchcp language server. Runs standalone for any LSP client (`node dist/server.js --stdio`) or under
// the VS Code client over IPC (`--node-ipc`); the transport is chosen from the command line. The same bundle
// is the analysis worker (analysis/host.ts starts it as a worker thread of this file).
import { isMainThread, parentPort } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runAnalysisWorker } from './analysis/worker';
import { features } from './features';
import { startServer } from './server';

if (isMainThread) startServer(createConnection(ProposedFeatures.all), __filename);
else runAnalysisWorker(parentPort!, features);
