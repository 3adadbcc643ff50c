// Hover on a value from one of the closed sets of schema/domain.ts: what a region, landscape, trigger,
// channel or processing mode means (the data centre, the event, the channel), and what follows from it.
import {
  CHANNELS,
  CONTACT_PRO_REGIONS,
  CONTACT_PRO_TRIGGERS,
  LANDSCAPES,
  PROCESSING_MODES,
  REGIONS,
  SUBCHANNELS,
  TRIGGERS,
} from '../../schema/domain';
import { contactProWebhookUrl, serviceConnectionUrl } from '../../model/urls';
import type { HoverContext, HoverProvider, HoverResult } from './context';
import { bold, code, doc, join, type HoverText, type Text } from './text';
import { isOneOf } from '../../util/oneOf';

type ValueHover = (value: string, context: HoverContext) => HoverText;

const BY_PATTERN: Record<string, ValueHover> = {
  'conversationApi.apps[].region': regionHover,
  'tenant.landscape': landscapeHover,
  'conversationApi.apps[].webhooks[].triggers[]': triggerHover,
  'messagingServices[].authentications[].triggers[]': triggerHover,
  'conversationApi.apps[].channels[]': channelHover,
  'conversationApi.apps[].processingMode': processingModeHover,
};

export const domainValueHover: HoverProvider = (context): HoverResult | undefined => {
  const { at, pattern } = context;
  if (at.kind !== 'value' || at.text === undefined) return undefined;
  const hover = BY_PATTERN[pattern];
  return hover ? { text: hover(at.text, context), span: at.span } : undefined;
};

function has<T extends object>(set: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(set, key);
}

function regionHover(value: string): HoverText {
  if (!has(REGIONS, value)) {
    return {
      title: join(code(value), ' is not a Conversation API region'),
      facts: [doc('The regions are `us`, `eu` and `br` (lowercase).')],
    };
  }
  const facts: Text[] = [
    join(bold(doc('Service Connection:')), ' ', code(serviceConnectionUrl(value, '{projectId}'))),
    doc(
      "An app is created in one region and never changes region; the service serving it must use this region's host.",
    ),
  ];
  if (!CONTACT_PRO_REGIONS.includes(value))
    facts.push(doc('Contact Pro documents only `eu` and `us` (rule `service-connection-region`).'));
  return { title: join('Conversation API region ', code(value), ': ', doc(REGIONS[value])), facts };
}

function landscapeHover(value: string, { doc: parsed }: HoverContext): HoverText {
  if (!has(LANDSCAPES, value)) {
    return {
      title: join(code(value), ' is not a known Contact Pro landscape'),
      facts: [doc('The landscapes are `eu-c1` (Frankfurt), `na-w2` (Oregon), `au-s2` (Sydney), `af-s1` (Cape Town).')],
    };
  }
  const tenant = parsed.model.tenant?.name?.text;
  return {
    title: join('Contact Pro landscape ', code(value), ': ', doc(LANDSCAPES[value]), ' data centre'),
    facts: [
      join(bold(doc('Login host:')), ' ', code(`login-${value}.cc.sinch.com`)),
      join(bold(doc('Webhook target:')), ' ', code(contactProWebhookUrl(value, tenant || '{tenant}'))),
    ],
  };
}

function triggerHover(value: string): HoverText {
  if (value === 'UNSPECIFIED_TRIGGER') {
    return {
      title: join('Webhook trigger ', code(value), ': a placeholder value; using it causes errors'),
      facts: [doc('Rule: `unknown-trigger`')],
    };
  }
  if (!has(TRIGGERS, value)) {
    return {
      title: join(code(value), ' is not a known webhook trigger'),
      facts: [doc('Contact Pro needs `MESSAGE_DELIVERY` and `MESSAGE_INBOUND`.')],
    };
  }
  const facts: Text[] = [];
  if (isOneOf(CONTACT_PRO_TRIGGERS, value))
    facts.push(doc('One of the two triggers Contact Pro needs (`MESSAGE_DELIVERY`, `MESSAGE_INBOUND`).'));
  if (value === 'SMART_CONVERSATION' || value === 'SMART_CONVERSATIONS')
    facts.push(
      doc('The spelling differs between Sinch sources (singular: Java SDK, .NET, callback page; plural: Node SDK).'),
    );
  return { title: join('Webhook trigger ', code(value), ': ', doc(TRIGGERS[value])), facts };
}

function channelHover(value: string): HoverText {
  if (!has(CHANNELS, value)) {
    return { title: join(code(value), ' is not a known Conversation API channel'), facts: [] };
  }
  const subchannel = Object.entries(SUBCHANNELS).find(([, s]) => s.channel === value)?.[0];
  return {
    title: join('Conversation API channel ', code(value), ': ', doc(CHANNELS[value])),
    facts: [
      subchannel
        ? join(bold(doc('Queue address:')), ' ', code(`{APPID}@${subchannel}.sinchconversation.com`))
        : doc('No Contact Pro queue-address subchannel is documented for this channel.'),
    ],
  };
}

function processingModeHover(value: string): HoverText {
  const note = doc(
    'Contact Pro pages differ: the seed procedure and most copies of the Contact Pro page say Dispatch; a newer version of the same page and the Contact Pro overview say Conversation mode. Apps created after 2025-04-16 default to `DISPATCH`.',
  );
  if (!has(PROCESSING_MODES, value)) {
    return {
      title: join(code(value), ' is not a processing mode'),
      facts: [doc('The modes are `DISPATCH` and `CONVERSATION`.'), note],
    };
  }
  return {
    title: join('Processing mode ', code(value), ': ', doc(PROCESSING_MODES[value])),
    facts: [
      note,
      doc('The mode is chosen when the app is created (Sinch dashboard: Conversation API > Apps > [the app]).'),
    ],
  };
}
