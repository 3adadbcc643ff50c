// Hover on an Authentication ID's parts other than the app ID (which appIdHover answers): the access key's
// Key ID before the `@` of an outbound entry, and the literal `webhook` of the inbound entry.
import { splitOutboundId, subSpan } from '../../model/build';
import { INBOUND_AUTHENTICATION_ID } from '../../schema/domain';
import { within, type HoverProvider } from './context';
import { bold, code, doc, join } from './text';

export const authenticationIdHover: HoverProvider = ({ doc: parsed, offset, at, pattern }) => {
  if (at.kind !== 'value' || pattern !== 'messagingServices[].authentications[].authenticationId') return undefined;
  const auth = parsed.model.services
    .flatMap((s) => s.authentications)
    .find((a) => a.authenticationId && within(a.authenticationId.span, offset));
  const field = auth?.authenticationId;
  if (!auth || !field?.text) return undefined;
  if (auth.direction?.text === 'inbound' || field.text === INBOUND_AUTHENTICATION_ID) {
    return {
      span: field.span,
      text: {
        title: join('Inbound Authentication ID: always the literal ', code(INBOUND_AUTHENTICATION_ID)),
        facts: [
          doc("It marks the entry that verifies the webhook's signature with the Password (the webhook secret token)."),
        ],
      },
    };
  }
  const parts = splitOutboundId(field.text);
  if (!parts) return undefined;
  const keyId = parts.swapped ? parts.appId : parts.keyId;
  const from = parts.swapped ? parts.keyId.length + 1 : 0;
  const span = subSpan(field, from, from + keyId.length);
  if (!within(span, offset)) return undefined;
  return {
    span,
    text: {
      title: join(
        'Key ID of the access key this service sends with (outbound Authentication ID ',
        code('{KeyID}@{APPID}'),
        ')',
      ),
      facts: [
        join(bold(doc('Where to find it:')), ' Sinch dashboard: Settings > Access keys (Key ID)'),
        doc("The Password of this entry is that access key's secret, shown once when the key is created."),
        ...(parts.swapped
          ? [doc('The parts look swapped: the app ID goes after the `@` (rule `outbound-authentication-id`).')]
          : []),
      ],
    },
  };
};
