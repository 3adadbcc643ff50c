// `${env:NAME}` references for secrets (password, secret): the names already used in the file, and a new one.
// Only references are ever offered: a secret's literal value never appears in a completion.
import { snippetText } from './docs';
import type { Span } from '../../util/span';
import type { CompletionCandidate, CompletionOptions } from './types';

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The environment variable names referenced in the text, each once, with their number of uses, in file order. */
export function envNames(text: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const match of text.matchAll(ENV_REFERENCE)) names.set(match[1]!, (names.get(match[1]!) ?? 0) + 1);
  return names;
}

export function envCandidates(
  text: string,
  span: Span,
  lead: string,
  suggested: string,
  options: CompletionOptions,
): CompletionCandidate[] {
  const out: CompletionCandidate[] = [];
  let index = 0;
  for (const [name, uses] of envNames(text)) {
    out.push({
      label: `\${env:${name}}`,
      kind: 'reference',
      detail: `environment variable ${name} (${uses} use${uses === 1 ? '' : 's'} in this file)`,
      documentation: `The value of environment variable \`${name}\`, read when the configuration is applied. The secret itself stays out of the file.`,
      insertText: `${lead}\${env:${name}}`,
      snippet: false,
      span,
      sortText: `0_${String(index++).padStart(3, '0')}`,
    });
  }
  if (options.snippetSupport) {
    out.push({
      label: '${env:…}',
      kind: 'snippet',
      detail: 'a new environment variable reference',
      documentation:
        'Writes the secret as a reference to an environment variable, so its value never lands in the file or in Git.',
      insertText: `${snippetText(lead)}\\\${env:\${1:${suggested}}\\}`,
      snippet: true,
      span,
      filterText: '${env:',
      sortText: '1_new',
    });
  }
  return out;
}
