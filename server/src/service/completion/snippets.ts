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
  CONTACT_PRO_REGIONS,
  CONTACT_PRO_TRIGGERS,
  ENV_REFERENCE_PATTERN,
  LANDSCAPES,
  LANDSCAPE_NAMES,
  QUEUE_ADDRESS_DOMAIN,
  REGION_NAMES,
  SERVICE_TYPE,
  SUBCHANNELS,
  SUBCHANNEL_NAMES,
  UUID_PATTERN,
  type Region,
  type Subchannel,
} from '../../schema/domain';
import { splitOutboundId } from '../../model/build';
import type { AppModel, ServiceModel } from '../../model/types';
import type { SchemaPath } from '../../schema/navigate';
import type { Span } from '../../util/span';
import { knownApps, type KnownApp } from './appIds';
import { snippetChoice, snippetText } from './docs';
import type { CompletionCandidate } from './types';
import { pattern, tenantWebhookUrl } from './values';

/** A snippet's body: the item's lines, each with its indentation relative to the item's first key. */
interface Body {
  label: string;
  /** What typing matches: the label without spaces and the subchannel, so "SinchChat" or "nativechannel" finds it. */
  filterText?: string;
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
  const bodies = bodiesFor(parsed, place.listPath);
  const indent = ' '.repeat(place.column);
  return bodies.map((body, index) => {
    const insertText = (place.needsDash ? '- ' : '') + body.lines.join(`\n${indent}`);
    return {
      label: body.label,
      kind: 'snippet',
      detail: body.detail,
      documentation: withPreview(body.documentation, (place.needsDash ? '- ' : '') + body.lines.join('\n')),
      insertText,
      snippet: true,
      span: place.span,
      sortText: `5_${String(index).padStart(2, '0')}`,
      filterText: body.filterText ?? filterTextOf(body.label),
    };
  });
}

/** The label as one word (a space would close the suggestion list), e.g. `SinchChat`. */
function filterTextOf(label: string): string {
  return label.replace(/[^A-Za-z0-9]+/g, '');
}

/** Appends the text the snippet inserts (its first choice and default texts filled in) to its documentation. */
export function withPreview(documentation: string, snippet: string): string {
  return `${documentation}\n\nInserts:\n\n\`\`\`yaml\n${snippetPreview(snippet)}\n\`\`\``;
}

/** A snippet as plain text: `${1:text}` → text, `${1|a,b|}` → a, `$1` → nothing, escapes undone. */
export function snippetPreview(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i]!;
    if (ch === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (ch === '$' && snippet[i + 1] === '{' && /\d/.test(snippet[i + 2] ?? '')) {
      let j = i + 2;
      while (/\d/.test(snippet[j] ?? '')) j++;
      if (snippet[j] === '|') {
        // A choice: its first option, up to an unescaped ',' or '|'.
        j++;
        while (j < snippet.length && snippet[j] !== ',' && snippet[j] !== '|') {
          if (snippet[j] === '\\') j++;
          out += snippet[j++];
        }
        while (j < snippet.length && !(snippet[j] === '|' && snippet[j + 1] === '}')) j += snippet[j] === '\\' ? 2 : 1;
        i = j + 1;
      } else {
        // `${1:text}` (text may hold escapes) or `${1}`: keep the text, drop the braces.
        i = snippet[j] === ':' ? j : j - 1;
        const close = closingBrace(snippet, j);
        out += snippetPreview(snippet.slice(i + 1, close));
        i = close;
      }
    } else if (ch === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The index of the `}` that closes the placeholder whose body starts after `from`. */
function closingBrace(snippet: string, from: number): number {
  let depth = 1;
  for (let j = from; j < snippet.length; j++) {
    if (snippet[j] === '\\') {
      j++;
      continue;
    }
    if (snippet[j] === '{') depth++;
    if (snippet[j] === '}' && --depth === 0) return j;
  }
  return snippet.length;
}

function bodiesFor(parsed: () => ParsedDocument, listPath: SchemaPath): Body[] {
  switch (pattern(listPath)) {
    case 'queues.*.addresses':
      return addressBodies(knownApps(parsed()));
    case 'messagingServices':
      return [serviceBody(parsed())];
    case 'messagingServices.*.authentications': {
      const index = listPath[1];
      const service = typeof index === 'number' ? parsed().model.services[index] : undefined;
      return [outboundBody(parsed(), new Stops()), inboundBody(parsed(), new Stops(), service)];
    }
    case 'queues':
      return [queueBody(parsed())];
    case 'conversationApi.apps':
      return [appBody(parsed())];
    default:
      return [];
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
    return options.length === 1
      ? this.placeholder(options[0]!)
      : `\${${this.next()}|${options.map(snippetChoice).join(',')}|}`;
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
      bodies.push(
        {
          ...addressBody(name, us, true, 'US apps, with the SMS sender ID'),
          label: 'SMS (US, with sender ID)',
          filterText: 'SMSUSwithsenderID sms',
        },
        {
          ...addressBody(name, other, false, 'apps outside the US'),
          label: 'SMS (outside the US)',
          filterText: 'SMSoutsidetheUS sms',
        },
      );
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
    filterText: `${filterTextOf(label)} ${name}`,
    detail: `queue address: {APPID}@${name}.${QUEUE_ADDRESS_DOMAIN}${which ? ` (${which})` : ''}`,
    documentation: [
      `A ${label} queue address (Conversation API channel \`${channel}\`), for SC: Queue Management > Queues > [queue] > Numbers/Addresses.`,
      '',
      apps.length
        ? `The app ID is one of this file's apps: ${apps
            .slice(0, MAX_CHOICES)
            .map((a) => `\`${a.id}\``)
            .join(', ')}${apps.length > MAX_CHOICES ? ', …' : ''}.`
        : 'Replace `APPID` with the app ID (Sinch dashboard: Conversation API > Apps), in capital letters.',
      ...(senderId
        ? ['', 'A US SMS number also needs its SMS sender ID (ask Sinch: you cannot set it yourself).']
        : []),
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

/**
 * The webhook secret reference for an inbound authentication or an app's webhook: the inbound password must be
 * the secret of the served apps' webhooks, so the `${env:…}` names they already use are offered (as a choice):
 * for an existing service, its served apps' ones; for a new service or app, first those of apps no service serves
 * yet, then the others. A new name only when the file has none.
 */
function webhookSecretStop(doc: ParsedDocument, stops: Stops, service?: ServiceModel): string {
  const apps = doc.model.conversationApi?.apps ?? [];
  const served = service ? new Set(doc.relations.servedApps(service)) : undefined;
  const unserved = (app: AppModel) =>
    !doc.relations.servingServices.get(app.appId?.text?.trim().toUpperCase() ?? '')?.length;
  const ordered = served
    ? apps.filter((a) => served.has(a.appId?.text?.trim().toUpperCase() ?? ''))
    : [...apps.filter(unserved), ...apps.filter((a) => !unserved(a))];
  const names = new Set<string>();
  for (const app of ordered) {
    for (const hook of app.webhooks) {
      const env = hook.secret?.text ? ENV_REFERENCE_PATTERN.exec(hook.secret.text.trim()) : null;
      if (env) names.add(env[1]!);
    }
  }
  return names.size ? `\\\${env:${stops.choice([...names])}\\}` : envStop(stops, 'WEBHOOK_SECRET');
}

/**
 * Regions in the order to offer them: those of the file's apps, most used first, then the region nearest the
 * tenant's landscape (a default only: a landscape does not fix the apps' region), then the rest.
 */
export function preferredRegions(doc: ParsedDocument, regions: readonly Region[] = REGION_NAMES): Region[] {
  const count = new Map<Region, number>();
  for (const app of doc.model.conversationApi?.apps ?? []) {
    const region = app.region?.text?.trim().toLowerCase() as Region | undefined;
    if (region && regions.includes(region)) count.set(region, (count.get(region) ?? 0) + 1);
  }
  const landscape = doc.model.tenant?.landscape?.text?.trim().toLowerCase();
  const nearest: Region | undefined =
    landscape === 'na-w2' ? 'us' : landscape && landscape in LANDSCAPES ? 'eu' : undefined;
  const rank = (r: Region) => (count.get(r) ?? 0) * 2 + (r === nearest ? 1 : 0);
  return [...regions].sort((a, b) => rank(b) - rank(a));
}

function outboundLines(doc: ParsedDocument, stops: Stops): string[] {
  return [
    'direction: outbound',
    `authenticationId: ${keyIdStop(doc, stops)}@${appIdStop(stops, knownApps(doc))}`,
    `password: ${envStop(stops, 'SINCH_ACCESS_KEY_SECRET')}`,
  ];
}

function inboundLines(doc: ParsedDocument, stops: Stops, service?: ServiceModel): string[] {
  return [
    'direction: inbound',
    'authenticationId: webhook',
    `password: ${webhookSecretStop(doc, stops, service)}`,
    `triggers: ${TRIGGER_LIST}`,
    `targetUrl: ${targetUrlText(doc, stops)}`,
  ];
}

function outboundBody(doc: ParsedDocument, stops: Stops): Body {
  return {
    label: 'Outbound authentication',
    detail: 'direction: outbound, {KeyID}@{APPID}, password as ${env:…}',
    documentation:
      'An outbound entry of the Authentication block: one per app the service sends through. Key ID: Sinch dashboard Settings > Access keys; app ID: Conversation API > Apps. The password (the access key secret) is written as an environment variable reference.',
    lines: outboundLines(doc, stops),
  };
}

function inboundBody(doc: ParsedDocument, stops: Stops, service?: ServiceModel): Body {
  return {
    label: 'Inbound authentication',
    detail: 'direction: inbound, webhook, triggers, target URL from tenant',
    documentation:
      'The inbound (webhook) entry of the Authentication block: exactly one per service. The target URL is built from `tenant`; the password is the webhook secret token of the apps this service serves, as an environment variable reference.',
    lines: inboundLines(doc, stops, service),
  };
}

function serviceBody(doc: ParsedDocument): Body {
  const stops = new Stops();
  const name = stops.placeholder('Sinch EU');
  const region = stops.choice(preferredRegions(doc, CONTACT_PRO_REGIONS));
  const connection = `https://${region}.conversation.api.sinch.com/v1/projects/${projectIdText(doc, stops)}/messages:send`;
  const outbound = outboundLines(doc, stops);
  const inbound = inboundLines(doc, stops);
  return {
    label: 'Messaging service',
    detail: `a ${SERVICE_TYPE} messaging service with its outbound and inbound authentication`,
    documentation:
      'A messaging service as in SC: System Management > Messaging Services > Add New > sinchconversation — name, service connection (region and project ID), one outbound authentication and the inbound (webhook) one.',
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
  // A choice list shows only what it inserts: the channel's name goes with it as a comment on the line.
  const subchannel = stops.choice(
    SUBCHANNEL_NAMES.map((n) => `${n}.${QUEUE_ADDRESS_DOMAIN}  # ${SUBCHANNELS[n].label}`),
  );
  return {
    label: 'Queue',
    detail: 'a chat queue with one address',
    documentation:
      'A chat queue as in SC: Queue Management > Queues, with one address `{APPID}@{subchannel}.sinchconversation.com`.',
    lines: [`name: ${name}`, 'type: chat', 'addresses:', `  - address: ${app}@${subchannel}`],
  };
}

function appBody(doc: ParsedDocument): Body {
  const stops = new Stops();
  const undeclared = knownApps(doc).filter((a) => !a.declared);
  const appId = appIdStop(stops, undeclared);
  const name = stops.placeholder('Support app');
  const region = stops.choice(preferredRegions(doc));
  const channels = stops.placeholder('WHATSAPP');
  const target = targetUrlText(doc, stops);
  const secret = webhookSecretStop(doc, stops);
  return {
    label: 'Sinch app',
    detail: 'a Conversation API app with its Contact Pro webhook',
    documentation:
      'A Conversation API app as in the Sinch dashboard (Conversation API > Apps), in Dispatch mode, with the webhook that targets Contact Pro (target URL built from `tenant`, secret as an environment variable reference).',
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
    "# sinchcp: ${10:describe this tenant's Contact Pro setup}",
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
    documentation: withPreview(
      'A complete configuration: the tenant, one Conversation API app with its Contact Pro webhook, one messaging service (outbound and inbound authentication) and one chat queue. Secrets are environment variable references.',
      text,
    ),
    insertText: text,
    snippet: true,
    span,
    sortText: '0_new_file',
  };
}
