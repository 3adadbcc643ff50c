// The server's features, each declaring the capabilities it serves.
import type { Feature } from '../context';
import { diagnosticsFeature } from './diagnostics';
import { workspaceFilesFeature } from './workspaceFiles';
import { codeActionsFeature } from './codeActions';
import { commandsFeature } from './commands';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import { symbolsFeature } from './symbols';
import { navigationFeature } from './navigation';
import { sinchConnectionFeature } from './sinchConnection';
import { formattingFeature } from './formatting';

export const features: readonly Feature[] = [
  diagnosticsFeature,
  workspaceFilesFeature,
  codeActionsFeature,
  commandsFeature,
  completionFeature,
  hoverFeature,
  symbolsFeature,
  navigationFeature,
  formattingFeature,
  sinchConnectionFeature,
];
