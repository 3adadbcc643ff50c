// The shapes of the request params the server relies on, checked before a request is served: a client that
// sends no position or a negative line gets InvalidParams with what is wrong, not a stack trace in the log.
// Only what the handlers read is checked; everything else the protocol allows passes through.
import { z } from 'zod';

const uinteger = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

export const position = z.looseObject({ line: uinteger, character: uinteger });
export const range = z.looseObject({ start: position, end: position });
const textDocument = z.looseObject({ uri: z.string() });

export const textDocumentParams = z.looseObject({ textDocument });
export const positionParams = z.looseObject({ textDocument, position });

export const completionParams = z.looseObject({
  textDocument,
  position,
  context: z.looseObject({ triggerCharacter: z.string().optional() }).optional(),
});

export const referenceParams = z.looseObject({
  textDocument,
  position,
  context: z.looseObject({ includeDeclaration: z.boolean() }),
});

export const renameParams = z.looseObject({ textDocument, position, newName: z.string() });

export const codeActionParams = z.looseObject({
  textDocument,
  range,
  context: z.looseObject({
    diagnostics: z.array(z.looseObject({ range, code: z.unknown().optional(), source: z.string().optional() })),
    only: z.array(z.string()).optional(),
  }),
});

/** "position.line: Too small…" for the first problem: enough for a client author, never the document. */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed params';
  const path = issue.path.map(String).join('.') || 'params';
  return `${path}: ${issue.message}`;
}
