// The closed sets of values behind the format and the rules, with where each comes from
// (each cites its section of docs/sources.md).

/** Contact Pro landscapes (docs/sources.md#landscapes): the four data centres with a login host. */
export const LANDSCAPES = {
  'eu-c1': 'EU (Frankfurt)',
  'na-w2': 'US West (Oregon), "North America"',
  'au-s2': 'AU (Sydney)',
  'af-s1': 'AF (Cape Town)',
} as const;
export type Landscape = keyof typeof LANDSCAPES;
export const LANDSCAPE_NAMES = Object.keys(LANDSCAPES) as Landscape[];

/** Conversation API regions (docs/sources.md#regions). Contact Pro documents only eu and us. */
export const REGIONS = {
  us: 'US East (us.conversation.api.sinch.com)',
  eu: 'EU Ireland (eu.conversation.api.sinch.com)',
  br: 'Brazil (br.conversation.api.sinch.com): a real Conversation API region that Contact Pro does not document',
} as const;
export type Region = keyof typeof REGIONS;
export const REGION_NAMES = Object.keys(REGIONS) as Region[];
/** The regions Contact Pro documents for the service connection. */
export const CONTACT_PRO_REGIONS: readonly Region[] = ['eu', 'us'];

export const PROCESSING_MODES = {
  DISPATCH:
    'No contacts or conversations are stored; the seed procedure asks for this mode. Default for apps created after 2025-04-16.',
  CONVERSATION:
    'Contacts and conversations are created automatically. Newer Contact Pro pages mention it; the seed procedure asks for DISPATCH.',
} as const;
export const PROCESSING_MODE_NAMES = Object.keys(PROCESSING_MODES) as (keyof typeof PROCESSING_MODES)[];

/**
 * Conversation API channels (docs/sources.md#channels-and-subchannels): the SDK enum plus VIBER (legacy Viber Bot) and
 * SINCH_CHAT.
 */
export const CHANNELS = {
  WHATSAPP: 'WhatsApp',
  RCS: 'Google RCS',
  SMS: 'SMS',
  MESSENGER: 'Facebook Messenger',
  VIBER: 'Viber Bot (legacy channel)',
  VIBERBM: 'Viber Business Messages',
  MMS: 'MMS',
  INSTAGRAM: 'Instagram',
  TELEGRAM: 'Telegram',
  KAKAOTALK: 'KakaoTalk',
  KAKAOTALKCHAT: 'KakaoTalk Chat',
  LINE: 'LINE',
  WECHAT: 'WeChat',
  APPLEBC: 'Apple Messages for Business',
  SINCH_CHAT: 'Sinch Chat',
} as const;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as (keyof typeof CHANNELS)[];

/** Webhook triggers (docs/sources.md#webhook-triggers), without UNSPECIFIED_TRIGGER, which is an error. */
export const TRIGGERS = {
  MESSAGE_DELIVERY: 'Delivery receipts for messages the app sent. Contact Pro: subscribe to see events in logs.',
  MESSAGE_SUBMIT: 'A message was submitted to the channel.',
  EVENT_DELIVERY: 'Delivery receipts for events the app sent.',
  MESSAGE_INBOUND: 'Inbound messages from end users. Contact Pro needs it to receive messages.',
  EVENT_INBOUND: 'Inbound events from end users, such as composing/typing.',
  CONVERSATION_START: 'A conversation was started (CONVERSATION mode only).',
  CONVERSATION_STOP: 'An active conversation was stopped (CONVERSATION mode only).',
  CONVERSATION_DELETE: 'A conversation was deleted.',
  CONTACT_CREATE: 'A contact was created.',
  CONTACT_DELETE: 'A contact was deleted.',
  CONTACT_MERGE: 'Two contacts were merged.',
  CONTACT_UPDATE: 'A contact was updated.',
  CONTACT_IDENTITIES_DUPLICATION: 'Duplicate contact identities were found while processing a message or event.',
  CAPABILITY: 'Results of asynchronous capability checks.',
  OPT_IN: 'Opt-in events.',
  OPT_OUT: 'Opt-out events.',
  CHANNEL_EVENT: 'Channel-specific event notifications.',
  UNSUPPORTED: 'Channel callbacks that the Conversation API does not support natively.',
  SMART_CONVERSATION:
    'Smart Conversations analysis of inbound messages (singular spelling: Java SDK, .NET, callback page).',
  SMART_CONVERSATIONS: 'Smart Conversations analysis of inbound messages (plural spelling: Node SDK).',
  MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION: 'Redacted versions of inbound messages (instead of MESSAGE_INBOUND).',
  RECORD_NOTIFICATION: 'Record notifications.',
} as const;
export const TRIGGER_NAMES = Object.keys(TRIGGERS) as (keyof typeof TRIGGERS)[];
/** The triggers Contact Pro's webhook needs (docs/sources.md#webhook-triggers). */
export const CONTACT_PRO_TRIGGERS = ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'] as const;

/**
 * Queue-address subchannels (docs/sources.md#channels-and-subchannels), in the help page's order, with the channel
 * each stands for.
 */
export const SUBCHANNELS = {
  whatsapp: { label: 'WhatsApp', channel: 'WHATSAPP' },
  nativechannel: { label: 'Sinch Chat', channel: 'SINCH_CHAT' },
  facebook: { label: 'Facebook', channel: 'MESSENGER' },
  'viber-bot': { label: 'Viber Bot', channel: 'VIBER' },
  instagram: { label: 'Instagram', channel: 'INSTAGRAM' },
  viber: { label: 'Viber', channel: 'VIBERBM' },
  telegram: { label: 'Telegram', channel: 'TELEGRAM' },
  line: { label: 'LINE', channel: 'LINE' },
  rcs: { label: 'Google RCS', channel: 'RCS' },
  sms: { label: 'SMS', channel: 'SMS' },
} as const;
export type Subchannel = keyof typeof SUBCHANNELS;
export const SUBCHANNEL_NAMES = Object.keys(SUBCHANNELS) as Subchannel[];

export const QUEUE_ADDRESS_DOMAIN = 'sinchconversation.com';
export const SERVICE_TYPE = 'sinchconversation';
export const INBOUND_AUTHENTICATION_ID = 'webhook';
export const MAX_WEBHOOKS_PER_APP = 5;
export const MAX_WEBHOOK_TARGET_LENGTH = 742;

/** An app ID as Sinch generates it: a ULID, 26 Crockford base32 characters (docs/sources.md#app-ids). */
export const APP_ID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const ENV_REFERENCE_PATTERN = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/;
export const TENANT_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
