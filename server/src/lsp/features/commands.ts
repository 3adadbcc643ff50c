// workspace/executeCommand: the server-side commands (their ids and types: protocol/commands.ts). The VS Code
// client registers them automatically (vscode-languageclient), and its own UI commands (setup guide, signature
// check) call these. The setup guide reads the parse, so it is computed in the analysis worker; the others are
// cheap and stay here.
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { z } from 'zod';
import { SERVER_COMMAND_IDS, SERVER_COMMANDS, type ResultOf } from '../../protocol';
import { setupGuide, setupGuideMarkdown } from '../../service/setupGuide';
import { verifySignature, type SignatureInput } from '../../service/signature';
import type { Feature } from '../context';
import { describeProblem } from '../params';
import { answer } from '../analysis/host';

const { showDocumentation, setupGuide: setupGuideCommand, setupGuideSteps, verifyWebhookSignature } = SERVER_COMMANDS;
const SETUP_GUIDE_ANALYSIS = 'sinchcp/setupGuide';
const SETUP_GUIDE_STEPS_ANALYSIS = 'sinchcp/setupGuideSteps';

const executeCommandParams = z.looseObject({ command: z.string(), arguments: z.array(z.unknown()).optional() });

export const commandsFeature: Feature = {
  capabilities: {
    executeCommandProvider: { commands: [...SERVER_COMMAND_IDS] },
  },
  requests: [
    {
      method: SETUP_GUIDE_ANALYSIS,
      fallback: null,
      compute(context, params: { uri: string }): ResultOf<typeof setupGuideCommand> | ResponseError {
        const doc = context.parsed(params.uri);
        if (!doc) return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
        return setupGuideMarkdown(doc);
      },
    },
    {
      method: SETUP_GUIDE_STEPS_ANALYSIS,
      fallback: null,
      compute(context, params: { uri: string }): ResultOf<typeof setupGuideSteps> | ResponseError {
        const doc = context.parsed(params.uri);
        if (!doc) return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
        return setupGuide(doc);
      },
    },
  ],
  register(context) {
    context.onRequest('workspace/executeCommand', null, async (raw, token) => {
      const checked = executeCommandParams.safeParse(raw);
      if (!checked.success)
        return new ResponseError(
          ErrorCodes.InvalidParams,
          `workspace/executeCommand: ${describeProblem(checked.error)}`,
        );
      const params = checked.data;
      const [arg] = params.arguments ?? [];
      switch (params.command) {
        case showDocumentation.command:
          // The rule's page on this machine (a file: URI), opened in the editor; the VS Code client shows it rendered.
          // Not awaited (the command is done once asked); a client without showDocument answers an error, which
          // must be caught: an unhandled rejection would end the server's process.
          if (typeof arg === 'string') {
            context.connection.window
              .showDocument({ uri: arg })
              .catch((error: unknown) => context.log(`[showDocument] ${String(error)}`));
          }
          return null;
        case setupGuideCommand.command:
        case setupGuideSteps.command: {
          if (typeof arg !== 'string' || !context.documents.get(arg)) {
            return new ResponseError(ErrorCodes.InvalidParams, 'Open a sinchcp file to get its setup guide.');
          }
          const method =
            params.command === setupGuideCommand.command ? SETUP_GUIDE_ANALYSIS : SETUP_GUIDE_STEPS_ANALYSIS;
          return answer(await context.analyse(method, { uri: arg }, token), null);
        }
        case verifyWebhookSignature.command: {
          const input = arg as Partial<SignatureInput> | undefined;
          const text = (v: unknown) => (typeof v === 'string' ? v : '');
          const result: ResultOf<typeof verifyWebhookSignature> = verifySignature({
            secret: text(input?.secret),
            nonce: text(input?.nonce),
            timestamp: text(input?.timestamp),
            rawBody: text(input?.rawBody),
            signature: text(input?.signature),
          });
          return result;
        }
        default:
          return new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}`);
      }
    });
  },
};
