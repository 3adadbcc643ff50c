// App-ID navigation: go to definition, find references, rename (with prepareRename), over the pure services
// in ../../service/navigation. A rejected new ID answers a ResponseError with the reason.
import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { Span } from '../../util/span';
import { definitionAt } from '../../service/navigation/definition';
import { referencesAt } from '../../service/navigation/references';
import { prepareRenameAt, renameAt } from '../../service/navigation/rename';
import type { Feature } from '../context';
import { positionParams, referenceParams, renameParams } from '../params';
import { openOnOverlongLine } from './longLines';

export const navigationFeature: Feature = {
  capabilities: {
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
  },
  requests: [
    {
      method: 'textDocument/definition',
      params: positionParams,
      fallback: null,
      compute(context, params: DefinitionParams): Location | null {
        if (openOnOverlongLine(context, params)) return null;
        const doc = context.parsed(params.textDocument.uri);
        const ref = doc && definitionAt(doc, doc.textDocument.offsetAt(params.position));
        return doc && ref ? location(doc, ref.span) : null;
      },
    },
    {
      method: 'textDocument/references',
      params: referenceParams,
      fallback: [],
      compute(context, params: ReferenceParams): Location[] {
        if (openOnOverlongLine(context, params)) return [];
        const doc = context.parsed(params.textDocument.uri);
        if (!doc) return [];
        const refs = referencesAt(doc, doc.textDocument.offsetAt(params.position), params.context.includeDeclaration);
        return refs.map((ref) => location(doc, ref.span));
      },
    },
    {
      method: 'textDocument/prepareRename',
      params: positionParams,
      fallback: null,
      compute(context, params: PrepareRenameParams) {
        if (openOnOverlongLine(context, params)) return null;
        const doc = context.parsed(params.textDocument.uri);
        const prepared = doc && prepareRenameAt(doc, doc.textDocument.offsetAt(params.position));
        return doc && prepared ? { range: range(doc, prepared.span), placeholder: prepared.placeholder } : null;
      },
    },
    {
      method: 'textDocument/rename',
      params: renameParams,
      fallback: null,
      compute(context, params: RenameParams): WorkspaceEdit | ResponseError<void> | null {
        if (openOnOverlongLine(context, params)) return null;
        const doc = context.parsed(params.textDocument.uri);
        if (!doc) return null;
        const result = renameAt(doc, doc.textDocument.offsetAt(params.position), params.newName);
        if (result.kind === 'invalid') return new ResponseError(ErrorCodes.InvalidParams, result.message);
        if (result.kind === 'none') return null;
        return {
          changes: { [doc.uri]: result.edits.map((edit) => ({ range: range(doc, edit.span), newText: edit.newText })) },
        };
      },
    },
  ],
};

function range(doc: ParsedDocument, span: Span): Range {
  return { start: doc.textDocument.positionAt(span.start), end: doc.textDocument.positionAt(span.end) };
}

function location(doc: ParsedDocument, span: Span): Location {
  return { uri: doc.uri, range: range(doc, span) };
}
