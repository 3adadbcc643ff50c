// textDocument/hover: the pure service in ../../service/hover, in Markdown or plain text as the client shows.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../../service/hover';
import type { AnalysisContext, Feature } from '../context';
import { positionParams } from '../params';
import { openOnOverlongLine } from './longLines';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  requests: [{ method: 'textDocument/hover', params: positionParams, fallback: null, compute: hover }],
};

function hover(context: AnalysisContext, params: HoverParams): Hover | null {
  if (openOnOverlongLine(context, params)) return null;
  const doc = context.parsed(params.textDocument.uri);
  if (!doc) return null;
  const markdown = context.client().markdownHover;
  const answer = hoverAt(doc, doc.textDocument.offsetAt(params.position), markdown);
  if (!answer) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: answer.contents },
    range: { start: doc.textDocument.positionAt(answer.span.start), end: doc.textDocument.positionAt(answer.span.end) },
  };
}
