// Values of keys: the closed sets of the format (landscapes, regions, processing modes, channels, triggers,
// directions, target types, the fixed `type`s and `webhook`), each with its meaning from schema/domain.ts; app IDs
// where an app ID goes; subchannels after the `@` of a queue address; `${env:…}` references for secrets; and the
// URLs the file itself determines (the Contact Pro webhook URL, the service connection).
import type { ParsedDocument } from '../../parse/parsedDocument';
import { contactProWebhookUrl, serviceConnectionUrl } from '../../model/urls';
import {
  CHANNELS,
  CONTACT_PRO_REGIONS,
  CONTACT_PRO_TRIGGERS,
  INBOUND_AUTHENTICATION_ID,
  LANDSCAPES,
  PROCESSING_MODES,
  QUEUE_ADDRESS_DOMAIN,
  REGIONS,
  SERVICE_TYPE,
  SUBCHANNELS,
  TENANT_NAME_PATTERN,
  TRIGGERS,
  UUID_PATTERN,
} from '../../schema/domain';
import { enumValuesAt, type SchemaPath } from '../../schema/navigate';
import type { Span } from '../../util/span';
import { appIdCandidates, knownApps } from './appIds';
import { envCandidates } from './envRefs';
import type { CompletionCandidate, CompletionOptions, CompletionSource } from './types';

/** A path with list indexes as `*`, without a trailing index (an item of a block list is a value of the list). */
export function pattern(path: SchemaPath): string {
  const segments = [...path];
  while (typeof segments[segments.length - 1] === 'number') segments.pop();
  return segments.map((s) => (typeof s === 'number' ? '*' : s)).join('.');
}

const TARGET_TYPES: Record<string, string> = {
  HTTP: 'Events are posted to the target URL (the default). Contact Pro needs HTTP.',
  DISMISS: 'Events are dropped, not delivered: Contact Pro would receive nothing from this webhook.',
};
const DIRECTIONS: Record<string, string> = {
  outbound:
    'Contact Pro sends through an app: Authentication ID `{KeyID}@{APPID}`, password the access key secret. One entry per app.',
  inbound:
    'The webhook: Authentication ID `webhook`, password the webhook secret token, the triggers and the target URL. Exactly one entry per service.',
};

/** Closed value sets by key pattern, with the meaning of each value. */
const VALUE_SETS: Record<string, () => Record<string, string>> = {
  version: () => ({ 1: 'Format version 1 (the only version).' }),
  'tenant.landscape': () => LANDSCAPES,
  'conversationApi.apps.*.region': () => REGIONS,
  'conversationApi.apps.*.processingMode': () => PROCESSING_MODES,
  'conversationApi.apps.*.channels': () => CHANNELS,
  'conversationApi.apps.*.webhooks.*.targetType': () => TARGET_TYPES,
  'conversationApi.apps.*.webhooks.*.triggers': () => orderedTriggers(),
  'messagingServices.*.type': () => ({
    [SERVICE_TYPE]:
      'The Conversation API messaging service type (SC: Messaging Services > Add New > sinchconversation).',
  }),
  'messagingServices.*.authentications.*.direction': () => DIRECTIONS,
  'messagingServices.*.authentications.*.triggers': () => orderedTriggers(),
  'queues.*.type': () => ({ chat: 'A chat queue: the queue type for Conversation API addresses.' }),
};

function orderedTriggers(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CONTACT_PRO_TRIGGERS) out[name] = TRIGGERS[name];
  return { ...out, ...TRIGGERS };
}

const SPECIAL = new Set([
  'conversationApi.apps.*.appId',
  'messagingServices.*.authentications.*.authenticationId',
  'messagingServices.*.authentications.*.password',
  'messagingServices.*.authentications.*.targetUrl',
  'messagingServices.*.serviceConnection',
  'conversationApi.apps.*.webhooks.*.secret',
  'conversationApi.apps.*.webhooks.*.target',
  'queues.*.addresses.*.address',
]);

/** Whether values are completed for this key (so inserting the key asks for suggestions again). */
export function hasValueCompletion(path: SchemaPath): boolean {
  const p = pattern(path);
  return p in VALUE_SETS || SPECIAL.has(p) || !!enumValuesAt(path);
}

export interface ValuePlace {
  path: SchemaPath;
  value: Span;
  cursor: number;
  flowItems?: string[];
  needsSpace: boolean;
  siblings: Map<string, string>;
}

export function valueCandidates(
  source: CompletionSource,
  place: ValuePlace,
  options: CompletionOptions,
): CompletionCandidate[] {
  const p = pattern(place.path);
  const lead = place.needsSpace ? ' ' : '';
  const typed = source.text.slice(place.value.start, place.value.end);
  const at = typed.indexOf('@');
  const cursorInValue = place.cursor - place.value.start;

  switch (p) {
    case 'conversationApi.apps.*.appId':
      return appIdCandidates(knownApps(source.parsed()), place.value, lead);
    case 'queues.*.addresses.*.address':
      if (at >= 0 && cursorInValue > at)
        return subchannelCandidates({ start: place.value.start + at + 1, end: place.value.end });
      return appIdCandidates(
        knownApps(source.parsed()),
        { start: place.value.start, end: at >= 0 ? place.value.start + at : place.value.end },
        lead,
      );
    case 'messagingServices.*.authentications.*.authenticationId': {
      const direction = place.siblings.get('direction');
      if (at >= 0 && cursorInValue > at) {
        return direction === 'inbound'
          ? []
          : appIdCandidates(knownApps(source.parsed()), { start: place.value.start + at + 1, end: place.value.end });
      }
      if (direction === 'outbound') return [];
      return [
        {
          label: INBOUND_AUTHENTICATION_ID,
          kind: 'constant',
          insertText: lead + INBOUND_AUTHENTICATION_ID,
          snippet: false,
          span: place.value,
          detail: 'the inbound (webhook) Authentication ID',
          documentation: 'Inbound entries use the literal Authentication ID `webhook`.',
        },
      ];
    }
    case 'messagingServices.*.authentications.*.password':
    case 'conversationApi.apps.*.webhooks.*.secret': {
      const inbound = p.endsWith('secret') || place.siblings.get('direction') === 'inbound';
      return envCandidates(
        source.text,
        place.value,
        lead,
        inbound ? 'WEBHOOK_SECRET' : 'SINCH_ACCESS_KEY_SECRET',
        options,
      );
    }
    case 'messagingServices.*.authentications.*.targetUrl':
    case 'conversationApi.apps.*.webhooks.*.target': {
      const url = tenantWebhookUrl(source.parsed());
      return url
        ? [
            {
              label: url,
              kind: 'value',
              insertText: lead + url,
              snippet: false,
              span: place.value,
              detail: "Contact Pro's webhook URL for this tenant",
              documentation:
                'Built from `tenant.landscape` and `tenant.name`: `https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all`.',
            },
          ]
        : [];
    }
    case 'messagingServices.*.serviceConnection': {
      const projectId = source.parsed().model.conversationApi?.projectId?.text;
      if (!projectId || !UUID_PATTERN.test(projectId)) return [];
      return CONTACT_PRO_REGIONS.map((region, index) => {
        const url = serviceConnectionUrl(region, projectId);
        return {
          label: url,
          kind: 'value' as const,
          insertText: lead + url,
          snippet: false,
          span: place.value,
          detail: `region ${region}`,
          documentation: `${REGIONS[region]}, with the project ID of \`conversationApi.projectId\`.`,
          sortText: String(index),
        };
      });
    }
  }

  const set = VALUE_SETS[p]?.() ?? Object.fromEntries((enumValuesAt(place.path) ?? []).map((v) => [v, '']));
  const taken = new Set(place.flowItems ?? []);
  return Object.entries(set)
    .filter(([value]) => !taken.has(value))
    .map(([value, meaning], index) => ({
      label: value,
      kind: 'enum',
      detail: meaning ? firstSentence(meaning) : undefined,
      // The first sentence is the detail, shown above the documentation: the rest only, when there is more.
      documentation:
        meaning && meaning.length > firstSentence(meaning).length + 1
          ? meaning.slice(firstSentence(meaning).length + 1).trim()
          : undefined,
      insertText: lead + value,
      snippet: false,
      span: place.value,
      sortText: String(index).padStart(3, '0'),
    }));
}

function subchannelCandidates(span: Span): CompletionCandidate[] {
  return Object.entries(SUBCHANNELS).map(([name, { label, channel }], index) => ({
    label: name,
    kind: 'enum',
    detail: label,
    documentation: `**${name}**: ${label} (Conversation API channel \`${channel}\`).\n\nAddress: \`{APPID}@${name}.${QUEUE_ADDRESS_DOMAIN}\``,
    insertText: `${name}.${QUEUE_ADDRESS_DOMAIN}`,
    filterText: `${name}.${QUEUE_ADDRESS_DOMAIN}`,
    snippet: false,
    span,
    sortText: String(index).padStart(3, '0'),
  }));
}

/** The tenant's Contact Pro webhook URL, when the tenant's name and landscape are written and well-formed. */
export function tenantWebhookUrl(doc: ParsedDocument): string | undefined {
  const name = doc.model.tenant?.name?.text;
  const landscape = doc.model.tenant?.landscape?.text;
  if (!name || !landscape || !TENANT_NAME_PATTERN.test(name) || !(landscape in LANDSCAPES)) return undefined;
  return contactProWebhookUrl(landscape, name);
}

function firstSentence(text: string): string {
  const end = text.search(/[.:;](\s|$)/);
  return end > 0 ? text.slice(0, end) : text;
}
