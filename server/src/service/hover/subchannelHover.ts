// Hover on the subchannel of a queue address (`whatsapp` in `{APPID}@whatsapp.sinchconversation.com`): the
// channel it stands for, and whether the address's app has that channel.
import { CHANNELS, QUEUE_ADDRESS_DOMAIN, SUBCHANNELS } from '../../schema/domain';
import { subSpan } from '../../model/build';
import { within, type HoverProvider } from './context';
import { bold, code, doc, join, type Text } from './text';

export const subchannelHover: HoverProvider = ({ doc: parsed, offset, at, pattern }) => {
  if (at.kind !== 'value' || pattern !== 'queues[].addresses[].address') return undefined;
  const field = parsed.model.queues
    .flatMap((q) => q.addresses)
    .map((a) => a.address)
    .find((f) => f && within(f.span, offset));
  const text = field?.text;
  if (!field || !text || field.textStart === undefined) return undefined;
  const at_ = text.indexOf('@');
  if (at_ < 0) return undefined;
  const dot = text.indexOf('.', at_ + 1);
  const end = dot < 0 ? text.length : dot;
  const span = subSpan(field, at_ + 1, end);
  if (offset < span.start || offset > span.end || span.end === span.start) return undefined;
  const sub = text.slice(at_ + 1, end);
  const known = Object.prototype.hasOwnProperty.call(SUBCHANNELS, sub)
    ? SUBCHANNELS[sub as keyof typeof SUBCHANNELS]
    : undefined;
  if (!known) {
    return {
      span,
      text: {
        title: join(code(sub), ' is not a known queue-address subchannel'),
        facts: [
          doc(
            `The subchannels are ${Object.keys(SUBCHANNELS)
              .map((s) => `\`${s}\``)
              .join(', ')}.`,
          ),
        ],
      },
    };
  }
  const facts: Text[] = [
    join(bold(doc('Conversation API channel:')), ' ', code(known.channel), ` (${CHANNELS[known.channel]})`),
  ];
  const domain = text.slice(end + 1);
  if (dot >= 0 && domain !== QUEUE_ADDRESS_DOMAIN)
    facts.push(join('The domain must be ', code(QUEUE_ADDRESS_DOMAIN), '.'));
  const appId = text.slice(0, at_).toUpperCase();
  const app = parsed.relations.declaredApps.get(appId);
  const channels = app?.channels?.items.map((i) => i.text);
  if (channels && !channels.includes(known.channel)) {
    facts.push(join('The app ', code(appId), ' does not list the ', code(known.channel), ' channel.'));
  }
  return { span, text: { title: join('Queue-address subchannel ', code(sub), ': ', doc(known.label)), facts } };
};
