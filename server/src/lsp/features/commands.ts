// workspace/executeCommand: the server-side commands. The VS Code client registers them automatically
// (vscode-languageclient), and its own UI commands (setup guide, signature check) call these. The setup guide
// reads the parse, so it is computed in the analysis worker; the others are cheap and stay here.
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { z } from 'zod';
import { SHOW_DOCUMENTATION_COMMAND } from '../../service/codeActions';
import { setupGuide, setupGuideMarkdown } from '../../service/setupGuide';
import { verifySignature, type SignatureInput } from '../../service/signature';
import type { Feature } from '../context';
import { describeProblem } from '../params';
import { answer } from '../analysis/host';

export const SETUP_GUIDE_COMMAND = 'sinchcp.server.setupGuide';
export const VERIFY_SIGNATURE_COMMAND = 'sinchcp.server.verifyWebhookSignature';
/** The setup guide as steps with copyable values (the VS Code view); SETUP_GUIDE_COMMAND gives it as Markdown. */
export const SETUP_GUIDE_STEPS_COMMAND = 'sinchcp.server.setupGuideSteps';
const SETUP_GUIDE_ANALYSIS = 'sinchcp/setupGuide';
const SETUP_GUIDE_STEPS_ANALYSIS = 'sinchcp/setupGuideSteps';

const executeCommandParams = z.looseObject({ command: z.string(), arguments: z.array(z.unknown()).optional() });

export const commandsFeature: Feature = {
  capabilities: {
    executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, SETUP_GUIDE_COMMAND, SETUP_GUIDE_STEPS_COMMAND, VERIFY_SIGNATURE_COMMAND] },
  },
  requests: [{
    method: SETUP_GUIDE_ANALYSIS,
    fallback: null,
    compute(context, params: { uri: string }) {
      const doc = context.parsed(params.uri);
      if (!doc) return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
      return setupGuideMarkdown(doc);
    },
  }, {
    method: SETUP_GUIDE_STEPS_ANALYSIS,
    fallback: null,
    compute(context, params: { uri: string }) {
      const doc = context.parsed(params.uri);
      if (!doc) return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
      return setupGuide(doc);
    },
  }],
  register(context) {
    context.onRequest('workspace/executeCommand', null, async (raw, token) => {
      const checked = executeCommandParams.safeParse(raw);
      if (!checked.success) return new ResponseError(ErrorCodes.InvalidParams, `workspace/executeCommand: ${describeProblem(checked.error)}`);
      const params = checked.data;
      const [arg] = params.arguments ?? [];
      switch (params.command) {
        case SHOW_DOCUMENTATION_COMMAND:
          // Not awaited (the command is done once asked); a client without showDocument answers an error, which
          // must be caught: an unhandled rejection would end the server's process.
          if (typeof arg === 'string') {
            context.connection.window.showDocument({ uri: arg, external: true }).catch((error: unknown) => context.log(`[showDocument] ${String(error)}`));
          }
          return null;
        case SETUP_GUIDE_COMMAND:
        case SETUP_GUIDE_STEPS_COMMAND: {
          if (typeof arg !== 'string' || !context.documents.get(arg)) {
            return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
          }
          const method = params.command === SETUP_GUIDE_COMMAND ? SETUP_GUIDE_ANALYSIS : SETUP_GUIDE_STEPS_ANALYSIS;
          return answer(await context.analyse(method, { uri: arg }, token), null);
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
    });
  },
};
