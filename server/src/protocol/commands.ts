// The commands the server executes (workspace/executeCommand), with their arguments and results. The VS Code
// client registers them automatically (vscode-languageclient) and its views call them (client/src/
// setupGuideView.ts, signatureView.ts). Type-only imports of the services that compute the results.
import type { SetupGuide } from '../service/setupGuide';
import type { SignatureInput, SignatureResult } from '../service/signature';
import { command } from './spec';

export const SERVER_COMMANDS = {
  /** Opens a rule's documentation page (the "Show documentation" code action). */
  showDocumentation: command<[url: string], null>('sinchcp.showDocumentation'),
  /** The setup guide of an open file, as Markdown (for any editor). */
  setupGuide: command<[uri: string], string | null>('sinchcp.server.setupGuide'),
  /** The same guide as steps with copyable values (the VS Code view). */
  setupGuideSteps: command<[uri: string], SetupGuide | null>('sinchcp.server.setupGuideSteps'),
  /** Checks a webhook signature the way Contact Pro does; the secret never leaves the server process. */
  verifyWebhookSignature: command<[input: SignatureInput], SignatureResult>('sinchcp.server.verifyWebhookSignature'),
} as const;

export const SERVER_COMMAND_IDS: readonly string[] = Object.values(SERVER_COMMANDS).map((spec) => spec.command);
