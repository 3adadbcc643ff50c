// Snippets: one per subchannel address, a messaging service, outbound and inbound authentications, a queue, a
// Sinch app with its webhook, a whole new file. Offered only to clients with snippet support, and only where
// they fit: a new item of the list they belong to (a fresh `- ` line, or an empty line in that list), or an
// empty document. Indented for the place: continuation lines carry their full indentation, and the items are
// sent with insertTextMode asIs so the editor adds none.
//
// SMS and the sender ID: an SMS address of a US app needs `smsSenderId` (missing-sms-sender-id), one of another
// app must not have it (sms-sender-id-unused). A snippet cannot add a line depending on which choice is picked,
// so when the file's apps are all US (or all not), one `SMS` snippet does the right thing; when regions are mixed,
// two `SMS` snippets are offered, one choosing among the US apps (with the sender ID), one among the others.
import type { ParsedDocument } from '../../parse/parsedDocument';
import {
  CONTACT_PRO_TRIGGERS, LANDSCAPE_NAMES, QUEUE_ADDRESS_DOMAIN, REGION_NAMES, SERVICE_TYPE, SUBCHANNELS,
  SUBCHANNEL_NAMES, UUID_PATTERN, type Subchannel,
} from '../../schema/domain';
import { splitOutboundId } from '../../model/build';
import type { SchemaPath } from '../../schema/navigate';
import type { Span } from '../../util/span';
import { knownApps, type KnownApp } from './appIds';
import { snippetChoice, snippetText } from './docs';
import type { CompletionCandidate } from './types';
import { pattern, tenantWebhookUrl } from './values';

/** A snippet's body: the item's lines, each with its indentation relative to the item's first key. */
interface Body {
  label: string;
  detail: string;
  documentation: string;
  lines: string[];
}

export interface ItemPlace {
  /** The list the new item goes in. */
  listPath: SchemaPath;
  span: Span;
  /** Column of the item's first key. */
  column: number;
  /** No dash on the line yet: the snippet writes `- ` first. */
  needsDash: boolean;
}

const TRIGGER_LIST = `[${CONTACT_PRO_TRIGGERS.join(', ')}]`;

/** The snippets for a new item of the list at `listPath` (none when the list has none). */
export function itemSnippets(parsed: () => ParsedDocument, place: ItemPlace): CompletionCandidate[] {
  const bodies = bodiesFor(parsed, pattern(place.listPath));
  const indent = ' '.repeat(place.column);
  return bodies.map((body, index) => ({
    label: body.label,
    kind: 'snippet',
    detail: body.detail,
    documentation: body.documentation,
    insertText: (place.needsDash ? '- ' : '') + body.lines.join(`\n${indent}`),
    snippet: true,
    span: place.span,
    sortText: `5_${String(index).padStart(2, '0')}`,
  }));
}

function bodiesFor(parsed: () => ParsedDocument, listPattern: string): Body[] {
  switch (listPattern) {
    case 'queues.*.addresses': return addressBodies(knownApps(parsed()));
    case 'messagingServices': return [serviceBody(parsed())];
    case 'messagingServices.*.authentications': return [outboundBody(parsed(), new Stops()), inboundBody(parsed(), new Stops())];
    case 'queues': return [queueBody(parsed())];
    case 'conversationApi.apps': return [appBody(parsed())];
    default: return [];
  }
}

/** Numbers tab stops in order. */
class Stops {
  private n = 0;
  next(): number {
    return ++this.n;
  }
  placeholder(text: string): string {
    return `\${${this.next()}:${snippetText(text)}}`;
  }
  choice(options: readonly string[]): string {
    return options.length === 1 ? this.placeholder(options[0]!) : `\${${this.next()}|${options.map(snippetChoice).join(',')}|}`;
  }
}

/** At most this many app IDs in a snippet's choice (declared apps first, then in file order). */
export const MAX_CHOICES = 20;

function appIdStop(stops: Stops, apps: KnownApp[]): string {
  return apps.length ? stops.choice(apps.slice(0, MAX_CHOICES).map((a) => a.id)) : stops.placeholder('APPID');
}

function addressBodies(apps: KnownApp[]): Body[] {
  const bodies: Body[] = [];
  for (const name of SUBCHANNEL_NAMES) {
    if (name !== 'sms') {
      bodies.push(addressBody(name, apps, false));
      continue;
    }
    const us = apps.filter((a) => a.region === 'us');
    const other = apps.filter((a) => a.region !== 'us');
    if (us.length && other.length) {
      bodies.push(addressBody(name, us, true, 'US apps, with the SMS sender ID'), addressBody(name, other, false, 'apps outside the US'));
    } else {
      bodies.push(addressBody(name, apps, us.length > 0));
    }
  }
  return bodies;
}

function addressBody(name: Subchannel, apps: KnownApp[], senderId: boolean, which?: string): Body {
  const stops = new Stops();
  const { label, channel } = SUBCHANNELS[name];
  const lines = [`address: ${appIdStop(stops, apps)}@${name}.${QUEUE_ADDRESS_DOMAIN}`];
  if (senderId) lines.push(`smsSenderId: "\${${stops.next()}}"`);
  return {
    label,
    detail: `queue address: {APPID}@${name}.${QUEUE_ADDRESS_DOMAIN}${which ? ` (${which})` : ''}`,
    documentation: [
      `A ${label} queue address (Conversation API channel \`${channel}\`), for SC: Queue Management > Queues > [queue] > Numbers/Addresses.`,
      '',
      apps.length ? `The app ID is one of this file's apps: ${apps.slice(0, MAX_CHOICES).map((a) => `\`${a.id}\``).join(', ')}${apps.length > MAX_CHOICES ? ', …' : ''}.` : 'Replace `APPID` with the app ID (Sinch dashboard: Conversation API > Apps), in capital letters.',
      ...(senderId ? ['', 'A US SMS number also needs its SMS sender ID (ask Sinch: you cannot set it yourself).'] : []),
    ].join('\n'),
    lines,
  };
}

function projectIdText(doc: ParsedDocument, stops: Stops): string {
  const id = doc.model.conversationApi?.projectId?.text;
  return id && UUID_PATTERN.test(id) ? snippetText(id) : stops.placeholder('PROJECT_ID');
}

function targetUrlText(doc: ParsedDocument, stops: Stops): string {
  const url = tenantWebhookUrl(doc);
  if (url) return snippetText(url);
  return `https://login-${stops.choice(LANDSCAPE_NAMES)}.cc.sinch.com/${stops.placeholder('tenant')}/sms/sinchconversation/all`;
}

function keyIdStop(doc: ParsedDocument, stops: Stops): string {
  const keyIds = new Set<string>();
  for (const service of doc.model.services) {
    for (const auth of doc.relations.outboundAuthentications(service)) {
      const parts = auth.authenticationId?.text ? splitOutboundId(auth.authenticationId.text) : undefined;
      const keyId = parts && (parts.swapped ? parts.appId : parts.keyId);
      if (keyId && UUID_PATTERN.test(keyId)) keyIds.add(keyId);
    }
  }
  return keyIds.size ? stops.choice([...keyIds]) : stops.placeholder('KEY_ID');
}

function envStop(stops: Stops, name: string): string {
  return `\\\${env:${stops.placeholder(name)}\\}`;
}

function outboundLines(doc: ParsedDocument, stops: Stops): string[] {
  return [
    'direction: outbound',
    `authenticationId: ${keyIdStop(doc, stops)}@${appIdStop(stops, knownApps(doc))}`,
    `password: ${envStop(stops, 'SINCH_ACCESS_KEY_SECRET')}`,
  ];
}

function inboundLines(doc: ParsedDocument, stops: Stops): string[] {
  return [
    'direction: inbound',
    'authenticationId: webhook',
    `password: ${envStop(stops, 'WEBHOOK_SECRET')}`,
    `triggers: ${TRIGGER_LIST}`,
    `targetUrl: ${targetUrlText(doc, stops)}`,
  ];
}

function outboundBody(doc: ParsedDocument, stops: Stops): Body {
  return {
    label: 'Outbound authentication',
    detail: 'direction: outbound, {KeyID}@{APPID}, password as ${env:…}',
    documentation: 'An outbound entry of the Authentication block: one per app the service sends through. Key ID: Sinch dashboard Settings > Access keys; app ID: Conversation API > Apps. The password (the access key secret) is written as an environment variable reference.',
    lines: outboundLines(doc, stops),
  };
}

function inboundBody(doc: ParsedDocument, stops: Stops): Body {
  return {
    label: 'Inbound authentication',
    detail: 'direction: inbound, webhook, triggers, target URL from tenant',
    documentation: 'The inbound (webhook) entry of the Authentication block: exactly one per service. The target URL is built from `tenant`; the password is the webhook secret token of the apps this service serves, as an environment variable reference.',
    lines: inboundLines(doc, stops),
  };
}

function serviceBody(doc: ParsedDocument): Body {
  const stops = new Stops();
  const name = stops.placeholder('Sinch EU');
  const region = stops.choice(['eu', 'us']);
  const connection = `https://${region}.conversation.api.sinch.com/v1/projects/${projectIdText(doc, stops)}/messages:send`;
  const outbound = outboundLines(doc, stops);
  const inbound = inboundLines(doc, stops);
  return {
    label: 'Messaging service',
    detail: `a ${SERVICE_TYPE} messaging service with its outbound and inbound authentication`,
    documentation: 'A messaging service as in SC: System Management > Messaging Services > Add New > sinchconversation — name, service connection (region and project ID), one outbound authentication and the inbound (webhook) one.',
    lines: [
      `name: ${name}`,
      `type: ${SERVICE_TYPE}`,
      `serviceConnection: ${connection}`,
      'authentications:',
      ...outbound.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)),
      ...inbound.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)),
    ],
  };
}

function queueBody(doc: ParsedDocument): Body {
  const stops = new Stops();
  const name = stops.placeholder('Support chat');
  const app = appIdStop(stops, knownApps(doc));
  const subchannel = stops.choice(SUBCHANNEL_NAMES);
  return {
    label: 'Queue',
    detail: 'a chat queue with one address',
    documentation: 'A chat queue as in SC: Queue Management > Queues, with one address `{APPID}@{subchannel}.sinchconversation.com`.',
    lines: [`name: ${name}`, 'type: chat', 'addresses:', `  - address: ${app}@${subchannel}.${QUEUE_ADDRESS_DOMAIN}`],
  };
}

function appBody(doc: ParsedDocument): Body {
  const stops = new Stops();
  const undeclared = knownApps(doc).filter((a) => !a.declared);
  const appId = appIdStop(stops, undeclared);
  const name = stops.placeholder('Support app');
  const region = stops.choice(REGION_NAMES);
  const channels = stops.placeholder('WHATSAPP');
  const target = targetUrlText(doc, stops);
  const secret = envStop(stops, 'WEBHOOK_SECRET');
  return {
    label: 'Sinch app',
    detail: 'a Conversation API app with its Contact Pro webhook',
    documentation: 'A Conversation API app as in the Sinch dashboard (Conversation API > Apps), in Dispatch mode, with the webhook that targets Contact Pro (target URL built from `tenant`, secret as an environment variable reference).',
    lines: [
      `appId: ${appId}`,
      `name: ${name}`,
      `region: ${region}`,
      'processingMode: DISPATCH',
      `channels: [${channels}]`,
      'webhooks:',
      `  - target: ${target}`,
      `    secret: ${secret}`,
      `    triggers: ${TRIGGER_LIST}`,
    ],
  };
}

/** A whole new file, for an empty document. Repeated tab stops mirror the first (`$1` is the tenant everywhere). */
export function newFileSnippet(span: Span): CompletionCandidate {
  const url = 'https://login-$2.cc.sinch.com/$1/sms/sinchconversation/all';
  const text = [
    '# sinchcp: ${10:describe this tenant\'s Contact Pro setup}',
    'version: 1',
    '',
    'tenant:',
    '  name: ${1:your-tenant}',
    `  landscape: \${2|${LANDSCAPE_NAMES.join(',')}|}`,
    '',
    'conversationApi:',
    '  projectId: ${3:00000000-0000-4000-8000-000000000000}',
    '  apps:',
    '    - appId: ${4:01AAAAAAAAAAAAAAAAAAAAAAAA}',
    '      region: ${5|eu,us|}',
    '      processingMode: DISPATCH',
    '      webhooks:',
    `        - target: ${url}`,
    '          secret: \\${env:${8:WEBHOOK_SECRET}\\}',
    `          triggers: ${TRIGGER_LIST}`,
    '',
    'messagingServices:',
    '  - name: Sinch service',
    `    type: ${SERVICE_TYPE}`,
    '    serviceConnection: https://$5.conversation.api.sinch.com/v1/projects/$3/messages:send',
    '    authentications:',
    '      - direction: outbound',
    '        authenticationId: ${6:KEY_ID}@$4',
    '        password: \\${env:${7:SINCH_ACCESS_KEY_SECRET}\\}',
    '      - direction: inbound',
    '        authenticationId: webhook',
    '        password: \\${env:$8\\}',
    `        triggers: ${TRIGGER_LIST}`,
    `        targetUrl: ${url}`,
    '',
    'queues:',
    '  - name: Support chat',
    '    type: chat',
    '    addresses:',
    `      - address: $4@\${9|${SUBCHANNEL_NAMES.join(',')}|}.${QUEUE_ADDRESS_DOMAIN}`,
    '$0',
  ].join('\n');
  return {
    label: 'New sinchcp file',
    kind: 'snippet',
    detail: 'tenant, one app, one messaging service, one queue',
    documentation: 'A complete configuration: the tenant, one Conversation API app with its Contact Pro webhook, one messaging service (outbound and inbound authentication) and one chat queue. Secrets are environment variable references.',
    insertText: text,
    snippet: true,
    span,
    sortText: '0_new_file',
  };
}
