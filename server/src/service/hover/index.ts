// Hover, routed by the kind of place under the cursor: the first provider that recognises it answers.
// Secrets come first, so no other provider can ever describe a secret's value.
import type { ParsedDocument } from '../../parse/parsedDocument';
import { nodeAtOffset, pathPattern } from '../../parse/nodeAt';
import { literalSecrets, redactSecrets } from '../redactSecrets';
import { cutMultiLineValues } from '../multiLineValues';
import { appIdHover } from './appIdHover';
import { authenticationIdHover } from './authenticationIdHover';
import type { HoverContext, HoverProvider } from './context';
import { domainValueHover } from './domainValueHover';
import { keyHover } from './keyHover';
import { secretHover } from './secretHover';
import { subchannelHover } from './subchannelHover';
import { render } from './text';
import { urlHover } from './urlHover';
import { valueDocHover } from './valueDocHover';
import type { Span } from '../../util/span';

const PROVIDERS: readonly HoverProvider[] = [
  keyHover,
  secretHover,
  appIdHover,
  subchannelHover,
  authenticationIdHover,
  urlHover,
  domainValueHover,
  valueDocHover,
];

export interface HoverAnswer {
  /** Markdown, or plain text when the client cannot show Markdown. */
  contents: string;
  span: Span;
}

export function hoverAt(doc: ParsedDocument, offset: number, markdown: boolean): HoverAnswer | undefined {
  const at = nodeAtOffset(doc.yaml.contents, offset);
  if (!at) return undefined;
  const context: HoverContext = { doc, offset, at, pattern: pathPattern(at.path) };
  for (const provider of PROVIDERS) {
    const result = provider(context);
    // Last line of defence, as for diagnostics: a value quoted here (an app ID with a secret pasted after it,
    // upper-cased) never shows a literal secret of the file.
    if (result)
      return {
        contents: redactSecrets(cutMultiLineValues(render(result.text, markdown), doc), literalSecrets(doc)),
        span: result.span,
      };
  }
  return undefined;
}
