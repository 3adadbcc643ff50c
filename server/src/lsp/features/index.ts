// The server's features, each declaring the capabilities it serves.
import type { Feature } from '../context';
import { diagnosticsFeature } from './diagnostics';
import { workspaceFilesFeature } from './workspaceFiles';
import { codeActionsFeature } from './codeActions';

export const features: readonly Feature[] = [diagnosticsFeature, workspaceFilesFeature, codeActionsFeature];
