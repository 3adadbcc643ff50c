// Hover on a URL of the format, split into its parts with model/urls.ts: a Service Connection (region,
// project ID) or a Contact Pro webhook URL (landscape, tenant), each part checked against the rest of the file.
import { CONTACT_PRO_REGIONS, LANDSCAPES, REGIONS, type Landscape, type Region } from '../../schema/domain';
import { parseServiceConnection, parseWebhookTarget } from '../../model/urls';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { within, type HoverContext, type HoverProvider } from './context';
import { bold, code, doc, join, list, type HoverText, type Text } from './text';

const SERVICE_CONNECTION = 'messagingServices[].serviceConnection';
const WEBHOOK_URLS = new Set([
  'messagingServices[].authentications[].targetUrl',
  'conversationApi.apps[].webhooks[].target',
]);
const WEBHOOK_PATH = '/sms/sinchconversation/all';

export const urlHover: HoverProvider = (context) => {
  const { at, pattern } = context;
  if (at.kind !== 'value' || !at.text) return undefined;
  if (pattern === SERVICE_CONNECTION) return { span: at.span, text: serviceConnectionHover(at.text, context) };
  if (WEBHOOK_URLS.has(pattern)) return { span: at.span, text: webhookUrlHover(at.text, pattern, context.doc) };
  return undefined;
};

/** A host as shown: credentials written into the URL (`user:password@host`) are never repeated. */
function shownHost(host: string): string {
  const at = host.lastIndexOf('@');
  return at >= 0 ? `…@${host.slice(at + 1)}` : host;
}

function label(name: string): Text {
  return bold(doc(`${name}:`));
}

function serviceConnectionHover(url: string, { doc: parsed, offset }: HoverContext): HoverText {
  const title = doc("Service Connection: the Conversation API endpoint Contact Pro sends this service's messages to");
  const parts = parseServiceConnection(url);
  if (!parts)
    return {
      title,
      facts: [
        join(
          'Not a URL; expected ',
          code('https://{eu|us}.conversation.api.sinch.com/v1/projects/{projectId}/messages:send'),
        ),
      ],
    };
  const facts: Text[] = [];

  const region = parts.region.text.toLowerCase();
  if (parts.hostRest.toLowerCase() !== 'conversation.api.sinch.com') {
    facts.push(
      join(
        label('Host'),
        ' ',
        code(shownHost(parts.host.text)),
        ': not a Conversation API host (expected ',
        code('{region}.conversation.api.sinch.com'),
        ')',
      ),
    );
  } else if (Object.prototype.hasOwnProperty.call(REGIONS, region)) {
    const note = CONTACT_PRO_REGIONS.includes(region as Region) ? '' : '; Contact Pro documents only `eu` and `us`';
    facts.push(
      join(label('Region'), ' ', code(shownHost(parts.region.text)), ': ', doc(REGIONS[region as Region]), note),
    );
  } else {
    facts.push(
      join(
        label('Region'),
        ' ',
        code(shownHost(parts.region.text)),
        ': not a Conversation API region (`us`, `eu` or `br`)',
      ),
    );
  }

  const declaredProject = parsed.model.conversationApi?.projectId?.text;
  if (parts.projectId) {
    const same =
      declaredProject === undefined
        ? ''
        : declaredProject === parts.projectId.text
          ? ' (the project of `conversationApi`)'
          : ' (differs from `conversationApi.projectId`)';
    facts.push(join(label('Project ID'), ' ', code(parts.projectId.text), same));
  } else {
    facts.push(
      join(label('Project ID'), ' missing: the path must be ', code('/v1/projects/{projectId}/messages:send')),
    );
  }

  const service = parsed.model.services.find((s) => s.serviceConnection && within(s.serviceConnection.span, offset));
  const apps = service ? parsed.relations.servedApps(service) : [];
  if (apps.length) facts.push(join(label('Serves apps'), ' ', list(apps.map((id) => code(id)))));
  return { title, facts };
}

function webhookUrlHover(url: string, pattern: string, parsed: ParsedDocument): HoverText {
  const title = pattern.endsWith('targetUrl')
    ? doc("Target URL: Contact Pro's webhook endpoint for this tenant; the apps' webhooks must target it")
    : doc('Webhook target: the URL this app sends its events to');
  const parts = parseWebhookTarget(url);
  if (!parts)
    return {
      title,
      facts: [
        join('Not a URL; expected ', code('https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all')),
      ],
    };
  const facts: Text[] = [];
  const tenant = parsed.model.tenant;

  if (parts.landscape) {
    const landscape = parts.landscape.text.toLowerCase();
    const meaning = Object.prototype.hasOwnProperty.call(LANDSCAPES, landscape)
      ? doc(LANDSCAPES[landscape as Landscape])
      : doc('not a known Contact Pro landscape');
    const declared = tenant?.landscape?.text;
    const check =
      declared === undefined
        ? ''
        : declared === landscape
          ? " (the tenant's landscape)"
          : join(' (the tenant is on ', code(declared), ')');
    facts.push(join(label('Landscape'), ' ', code(parts.landscape.text), ': ', meaning, check));
  } else {
    facts.push(
      join(
        label('Host'),
        ' ',
        code(shownHost(parts.host.text)),
        ': not a Contact Pro host (',
        code('login-{landscape}.cc.sinch.com'),
        ')',
      ),
    );
  }

  if (parts.tenant?.text) {
    const declared = tenant?.name?.text;
    const check =
      declared === undefined
        ? ''
        : declared.toLowerCase() === parts.tenant.text.toLowerCase()
          ? " (the file's tenant)"
          : join(" (the file's tenant is ", code(declared), ')');
    facts.push(join(label('Tenant'), ' ', code(parts.tenant.text), check));
  } else {
    facts.push(join(label('Tenant'), ' missing'));
  }

  facts.push(
    parts.rest.text === WEBHOOK_PATH
      ? join(label('Path'), ' ', code(WEBHOOK_PATH), ": Contact Pro's Conversation API endpoint")
      : join(label('Path'), ' ', code(parts.rest.text || '/'), ': expected ', code(WEBHOOK_PATH)),
  );
  return { title, facts };
}
