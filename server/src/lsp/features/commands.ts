// workspace/executeCommand: the server-side commands. The VS Code client registers them automatically
// (vscode-languageclient), and its own UI commands (setup guide, signature check) call these.
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { SHOW_DOCUMENTATION_COMMAND } from '../../service/codeActions';
import { setupGuide, setupGuideMarkdown } from '../../service/setupGuide';
import { verifySignature, type SignatureInput } from '../../service/signature';
import type { Feature } from '../context';
import { guarded } from '../guard';

export const SETUP_GUIDE_COMMAND = 'sinchcp.server.setupGuide';
export const VERIFY_SIGNATURE_COMMAND = 'sinchcp.server.verifyWebhookSignature';
/** The setup guide as steps with copyable values (the VS Code view); SETUP_GUIDE_COMMAND gives it as Markdown. */
export const SETUP_GUIDE_STEPS_COMMAND = 'sinchcp.server.setupGuideSteps';

export const commandsFeature: Feature = {
  capabilities: {
    executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, SETUP_GUIDE_COMMAND, SETUP_GUIDE_STEPS_COMMAND, VERIFY_SIGNATURE_COMMAND] },
  },
  register(context) {
    context.connection.onExecuteCommand(guarded('executeCommand', context.log, null, (params) => {
      const [arg] = params.arguments ?? [];
      switch (params.command) {
        case SHOW_DOCUMENTATION_COMMAND:
          if (typeof arg === 'string') void context.connection.window.showDocument({ uri: arg, external: true });
          return null;
        case SETUP_GUIDE_COMMAND:
        case SETUP_GUIDE_STEPS_COMMAND: {
          const doc = typeof arg === 'string' ? context.parsed(arg) : undefined;
          if (!doc) return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
          return params.command === SETUP_GUIDE_COMMAND ? setupGuideMarkdown(doc) : setupGuide(doc);
        }
        case VERIFY_SIGNATURE_COMMAND: {
          const input = arg as Partial<SignatureInput> | undefined;
          const text = (v: unknown) => (typeof v === 'string' ? v : '');
          return verifySignature({
            secret: text(input?.secret), nonce: text(input?.nonce), timestamp: text(input?.timestamp),
            rawBody: text(input?.rawBody), signature: text(input?.signature),
          });
        }
        default:
          return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
      }
    }));
  },
};
