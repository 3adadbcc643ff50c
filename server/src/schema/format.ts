// The sinchcp file format (docs/format.md, version 1) as a zod schema: the single source of the file's shape.
// Values whose content a dedicated rule checks are typed loosely here and marked `ownedBy`, so that the
// schema reports only shape problems (missing keys, unknown keys, wrong types) and the rule explains the rest.
import { z } from 'zod';
import { documented } from './keyDocs';
import { CHANNEL_NAMES, LANDSCAPE_NAMES, PROCESSING_MODE_NAMES, REGION_NAMES } from './domain';

const secretFormat = '`${env:NAME}`: a reference to environment variable NAME. A literal is accepted but warned about.';

const webhook = z.strictObject({
  target: documented(z.string(), {
    description: "The URL the app sends its events to. For Contact Pro: the messaging service's inbound `targetUrl`.",
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Target URL',
    destination: 'must equal the `targetUrl` of the inbound authentication in SC',
    expected: '`https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all`, at most 742 characters',
    example: 'https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
    rules: ['webhook-target-mismatch'],
  }),
  secret: documented(z.string().optional(), {
    description: "The webhook's secret token. Sinch signs every callback with it; Contact Pro verifies the signature.",
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhook > Secret token',
    destination:
      "SC: the inbound authentication's Password of the messaging service that serves this app (the same value)",
    expected: secretFormat,
    example: '${env:ACME_EU_WEBHOOK_SECRET}',
    rules: ['missing-secret', 'plaintext-secret', 'webhook-secret-mismatch'],
    ownedBy: 'missing-secret',
  }),
  triggers: documented(z.array(z.string()).optional(), {
    description: 'The events this webhook receives. Contact Pro needs MESSAGE_DELIVERY and MESSAGE_INBOUND.',
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Triggers',
    expected: 'a list of trigger names',
    example: '[MESSAGE_DELIVERY, MESSAGE_INBOUND]',
    rules: ['missing-trigger', 'unknown-trigger'],
    ownedBy: 'unknown-trigger',
  }),
  targetType: documented(z.enum(['HTTP', 'DISMISS']).optional(), {
    description: 'How events are delivered: `HTTP` (default) posts them to the target; `DISMISS` drops them.',
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Target type',
    expected: '`HTTP` or `DISMISS`; Contact Pro needs `HTTP`',
    example: 'HTTP',
    rules: ['webhook-target-type'],
  }),
});

const app = z.strictObject({
  appId: documented(z.string(), {
    description: "The Conversation API app's ID, exactly as Sinch generated it (capital letters).",
    source: 'Sinch dashboard: Conversation API > Apps (the App ID column)',
    destination: 'SC: after the `@` of an outbound Authentication ID, and before the `@` of each queue address',
    expected: '26 characters, digits and capital letters (Crockford base32: no I, L, O, U)',
    example: '01HZX3K7M2Q9V5B8N4T6W1R0CD',
    rules: ['app-id-case', 'app-id-format'],
    ownedBy: 'app-id-format',
  }),
  name: documented(z.string().optional(), {
    description: "The app's display name, for your own reference.",
    source: "Sinch dashboard: Conversation API > Apps (the app's name)",
    example: 'ACME support EU',
  }),
  region: documented(z.enum(REGION_NAMES), {
    description: 'The Conversation API region the app was created in. An app never changes region.',
    source: 'Sinch dashboard: Conversation API > Apps (chosen when the app was created)',
    destination: "the first label of the serving messaging service's Service Connection host",
    expected: '`us`, `eu` or `br`',
    example: 'eu',
    rules: ['region-mismatch', 'missing-sms-sender-id'],
  }),
  processingMode: documented(z.enum(PROCESSING_MODE_NAMES).optional(), {
    description: 'How the app processes messages. The seed procedure asks for Dispatch mode.',
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Processing mode (chosen at creation)',
    expected: '`DISPATCH` or `CONVERSATION`',
    example: 'DISPATCH',
    rules: ['processing-mode'],
  }),
  channels: documented(z.array(z.enum(CHANNEL_NAMES)).optional(), {
    description: 'The channels set up on the app (for your reference and the queue-address checks).',
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Channels',
    expected: 'a list of Conversation API channel names',
    example: '[WHATSAPP, SINCH_CHAT]',
  }),
  webhooks: documented(z.array(webhook).optional(), {
    description: "The app's webhooks (at most 5). One of them must target Contact Pro.",
    source: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhooks',
    expected: 'a list of `target`, `secret`, `triggers`, `targetType`',
    rules: ['webhook-limit', 'webhook-target-mismatch'],
  }),
});

const conversationApi = z.strictObject({
  projectId: documented(z.string(), {
    description: 'The Sinch project the apps belong to.',
    source: 'Sinch dashboard: Conversation API > Apps (Project ID)',
    destination: "SC: the `{projectId}` part of each messaging service's Service Connection",
    expected: 'a UUID (lowercase hex)',
    example: 'c36f3d3d-1513-4edd-ae42-11995557ff61',
    rules: ['project-id'],
    ownedBy: 'project-id',
  }),
  apps: documented(z.array(app).min(1), {
    description: 'The Conversation API apps, one entry per app.',
    source: 'Sinch dashboard: Conversation API > Apps',
  }),
});

const authentication = z.strictObject({
  direction: documented(z.enum(['outbound', 'inbound']), {
    description:
      'Which way this entry authenticates: `outbound` (Contact Pro sends through an app) or `inbound` (the webhook).',
    destination: 'SC: Messaging Services > [service] > Authentication block (one entry per app outbound, one inbound)',
    expected: '`outbound` or `inbound`',
    example: 'outbound',
  }),
  authenticationId: documented(z.string(), {
    description: 'The Authentication ID: outbound `{KeyID}@{APPID}`, inbound the literal `webhook`.',
    source: 'Key ID: Sinch dashboard Settings > Access keys; App ID: Conversation API > Apps (in capital letters)',
    destination: 'SC: Messaging Services > [service] > Authentication > Authentication ID',
    expected: 'outbound `{KeyID}@{APPID}`; inbound `webhook`',
    example: '5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD',
    rules: ['outbound-authentication-id', 'inbound-authentication-id', 'app-id-case'],
    ownedBy: 'outbound-authentication-id',
  }),
  password: documented(z.string().optional(), {
    description:
      "Outbound: the access key's secret. Inbound: the webhook secret token of the apps this service serves.",
    source:
      'Outbound: Sinch dashboard Settings > Access keys (shown once, at creation). Inbound: Conversation API > Apps > [the app] > Webhook > Secret token',
    destination: 'SC: Messaging Services > [service] > Authentication > Password',
    expected: secretFormat,
    example: '${env:SINCH_ACCESS_KEY_SECRET}',
    rules: ['missing-secret', 'plaintext-secret', 'webhook-secret-mismatch'],
    ownedBy: 'missing-secret',
  }),
  triggers: documented(z.array(z.string()).optional(), {
    description: 'Inbound only: the webhook triggers. Contact Pro needs MESSAGE_DELIVERY and MESSAGE_INBOUND.',
    destination:
      "SC: the inbound authentication's Triggers; the same triggers on the app's webhook in the Sinch dashboard",
    expected: 'a list of trigger names',
    example: '[MESSAGE_DELIVERY, MESSAGE_INBOUND]',
    rules: ['missing-trigger', 'unknown-trigger'],
    ownedBy: 'unknown-trigger',
  }),
  targetUrl: documented(z.string().optional(), {
    description: "Inbound only: Contact Pro's webhook URL for this tenant; each app's webhook must target it.",
    source: 'Built from the tenant: `https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all`',
    destination: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Target URL',
    expected: '`https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all`',
    example: 'https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all',
    rules: ['webhook-target-url', 'webhook-target-mismatch'],
    ownedBy: 'webhook-target-url',
  }),
});

const messagingService = z.strictObject({
  name: documented(z.string(), {
    description: "The messaging service's name in SC; unique in the file.",
    destination: 'SC: System Management > Messaging Services > [service] > Basics > Name',
    example: 'Sinch EU',
    rules: ['duplicate-service-name'],
  }),
  type: documented(z.string(), {
    description: 'The messaging service type: always `sinchconversation` for the Conversation API.',
    destination: 'SC: System Management > Messaging Services > Add New > sinchconversation',
    expected: '`sinchconversation` (lowercase)',
    example: 'sinchconversation',
    rules: ['service-type'],
    ownedBy: 'service-type',
  }),
  serviceConnection: documented(z.string(), {
    description:
      "The URL Contact Pro sends messages to: the Conversation API host of the apps' region, with the project ID.",
    source: "Region: the apps' region (Conversation API > Apps); project ID: Conversation API > Apps",
    destination: 'SC: System Management > Messaging Services > [service] > Basics > Service Connection',
    expected: '`https://{eu|us}.conversation.api.sinch.com/v1/projects/{projectId}/messages:send`',
    example: 'https://eu.conversation.api.sinch.com/v1/projects/c36f3d3d-1513-4edd-ae42-11995557ff61/messages:send',
    rules: ['service-connection-format', 'service-connection-region', 'project-id', 'region-mismatch'],
    ownedBy: 'service-connection-format',
  }),
  authentications: documented(z.array(authentication), {
    description: 'The Authentication block: one `outbound` entry per app, exactly one `inbound` entry.',
    destination: 'SC: System Management > Messaging Services > [service] > Authentication',
    rules: ['missing-outbound-authentication', 'missing-inbound-authentication', 'multiple-inbound-authentications'],
  }),
});

const queueAddress = z.strictObject({
  address: documented(z.string(), {
    description: 'A queue address: the app ID and the subchannel (channel) it receives from.',
    source: 'App ID: Sinch dashboard Conversation API > Apps; subchannel: the channel (whatsapp, sms, …)',
    destination: 'SC: Queue Management > Queues > [queue] > Numbers/Addresses',
    expected: '`{APPID}@{subchannel}.sinchconversation.com`, app ID in capital letters',
    example: '01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp.sinchconversation.com',
    rules: ['queue-address-format', 'app-id-case', 'unknown-app', 'duplicate-queue-address'],
    ownedBy: 'queue-address-format',
  }),
  smsSenderId: documented(z.string().optional(), {
    description: 'The SMS sender ID: required for SMS addresses of US numbers.',
    source: "The number Sinch set up for the app's outbound SMS (you cannot choose it yourself: ask Sinch)",
    destination: 'SC: Queue Management > Queues > [queue] > Numbers/Addresses > SMS sender ID',
    expected: 'US: a NANP number `+1NXXNXXXXXX` (quoted, or YAML drops the `+`) or a 5–6 digit short code',
    example: '"+12025550143"',
    rules: ['missing-sms-sender-id', 'sms-sender-id-format', 'sms-sender-id-unused'],
  }),
});

const queue = z.strictObject({
  name: documented(z.string(), {
    description: "The queue's name in SC.",
    destination: 'SC: Queue Management > Queues > [queue] > Name',
    example: 'Support chat',
  }),
  type: documented(z.string(), {
    description: 'The queue type: `chat` for Conversation API addresses.',
    destination: 'SC: Queue Management > Queues > Add New > chat queue',
    expected: '`chat`',
    example: 'chat',
    rules: ['queue-type'],
    ownedBy: 'queue-type',
  }),
  addresses: documented(z.array(queueAddress), {
    description: "The queue's addresses (the Numbers/Addresses block), one object each.",
    destination: 'SC: Queue Management > Queues > [queue] > Numbers/Addresses',
  }),
});

export const sinchcpFile = z.strictObject({
  version: documented(z.literal(1), {
    description: 'The format version of this file.',
    expected: '`1`',
    example: '1',
    rules: ['unsupported-version'],
    ownedBy: 'unsupported-version',
  }),
  tenant: documented(
    z.strictObject({
      name: documented(z.string(), {
        description: 'The Contact Pro tenant name, as in the login URL.',
        source: 'Your Contact Pro login URL: https://login-{landscape}.cc.sinch.com/{tenant}',
        destination: 'the `{tenant}` segment of the webhook target URL',
        expected: 'letters, digits, `_` and `-`',
        example: 'acme',
        rules: ['tenant-name', 'webhook-target-url'],
        ownedBy: 'tenant-name',
      }),
      landscape: documented(z.enum(LANDSCAPE_NAMES), {
        description: 'The Contact Pro landscape (data centre) that hosts the tenant.',
        source: 'Your Contact Pro login URL: https://login-{landscape}.cc.sinch.com/…',
        destination: 'the `login-{landscape}` host of the webhook target URL',
        expected: '`eu-c1` (Frankfurt), `na-w2` (Oregon), `au-s2` (Sydney), `af-s1` (Cape Town)',
        example: 'eu-c1',
        rules: ['unknown-landscape', 'webhook-target-url'],
        ownedBy: 'unknown-landscape',
      }),
    }),
    {
      description: 'The Contact Pro tenant being wired to the Conversation API.',
      source: 'Your Contact Pro login URL',
    },
  ),
  conversationApi: documented(conversationApi.optional(), {
    description: 'Optional: what is set up on the Sinch side. Enables the cross-checks between the two consoles.',
    source: 'Sinch dashboard: Conversation API > Apps',
  }),
  messagingServices: documented(z.array(messagingService).min(1), {
    description: 'The messaging services in SC, at least one. Apps in different regions need separate services.',
    destination: 'SC: System Management > Messaging Services',
  }),
  queues: documented(z.array(queue).optional(), {
    description: 'The chat queues that receive Conversation API messages.',
    destination: 'SC: Queue Management > Queues',
  }),
});
