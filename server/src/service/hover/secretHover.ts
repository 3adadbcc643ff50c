// Hover on a secret's value (an authentication's `password`, a webhook's `secret`): only what kind of secret
// it is and which environment variable holds it. The value of a literal secret is never part of the answer.
import { ENV_REFERENCE_PATTERN } from '../../schema/domain';
import type { ServiceModel } from '../../model/types';
import type { HoverProvider } from './context';
import { code, doc, join, type Text } from './text';

const SECRET_KEYS = new Set(['password', 'secret']);

/** Whether a value at this path is (part of) a secret: anything under a `password` or `secret` key. */
export function isSecretPath(path: readonly (string | number)[]): boolean {
  return path.some((segment) => typeof segment === 'string' && SECRET_KEYS.has(segment));
}

export const secretHover: HoverProvider = ({ doc: parsed, at, pattern }) => {
  if (at.kind !== 'value' || !isSecretPath(at.path)) return undefined;
  const what = secretKind(pattern, parsed.model.services, at.span.start);
  const reference = at.text === undefined ? undefined : ENV_REFERENCE_PATTERN.exec(at.text.trim());
  if (reference) {
    const name = reference[1]!;
    return {
      span: at.span,
      text: {
        title: join(what, ': environment variable ', code(name)),
        facts: [join('The value is read from ', code(name), ' where the file is used; it is not shown here.')],
      },
    };
  }
  if (at.text?.trim().startsWith('${')) {
    return {
      span: at.span,
      text: {
        title: join(
          what,
          ': not a valid reference; write `${env:NAME}` (NAME: letters, digits and `_`, not starting with a digit)',
        ),
        facts: [doc('As written, the text would be taken as a literal secret; it is not shown here.')],
      },
    };
  }
  return {
    span: at.span,
    text: {
      title: join(what, ': a literal secret is written here; use `${env:…}` instead.'),
      facts: [
        doc(
          'The value is not shown. Keep secrets out of the file: write `${env:NAME}` and set NAME in the environment.',
        ),
        doc('Rule: `plaintext-secret`'),
      ],
    },
  };
};

function secretKind(pattern: string, services: readonly ServiceModel[], at: number): Text {
  if (pattern.startsWith('conversationApi.apps[].webhooks[].secret')) return doc('Webhook secret token');
  if (pattern.startsWith('messagingServices[].authentications[].password')) {
    for (const service of services) {
      for (const auth of service.authentications) {
        if (auth.password?.span.start !== at) continue;
        if (auth.direction?.text === 'outbound') return doc('Access key secret (outbound password)');
        if (auth.direction?.text === 'inbound') return doc('Webhook secret token (inbound password)');
      }
    }
    return doc('Authentication password');
  }
  return doc('Secret');
}
