// Tolerant splitting of the two URL kinds of the format into their parts, with offsets into the URL text,
// so rules can point at the wrong part and fixes can replace just that part.

export interface UrlPart {
  text: string;
  /** Offset of the part inside the URL string. */
  start: number;
}

export interface ServiceConnectionParts {
  scheme: string;
  host: UrlPart;
  /** The host's first label: the Conversation API region (`eu` in eu.conversation.api.sinch.com). */
  region: UrlPart;
  /** The host after the first label (`conversation.api.sinch.com`). */
  hostRest: string;
  path: UrlPart;
  /** The segment after `/projects/`, when there is one. */
  projectId?: UrlPart;
}

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** scheme://host/path with the offsets of host and path in the (possibly space-led) URL text. */
function splitUrl(
  url: string,
): { scheme: string; hostText: string; hostStart: number; pathText: string; pathStart: number } | undefined {
  const match = URL_SHAPE.exec(url.trim());
  if (!match) return undefined;
  const lead = url.length - url.trimStart().length;
  const scheme = match[1]!;
  const hostText = match[2]!;
  const hostStart = lead + scheme.length + 3;
  return { scheme, hostText, hostStart, pathText: match[3]!, pathStart: hostStart + hostText.length };
}

export function parseServiceConnection(url: string): ServiceConnectionParts | undefined {
  const parts = splitUrl(url);
  if (!parts) return undefined;
  const { scheme, hostText, hostStart, pathText, pathStart } = parts;
  const dot = hostText.indexOf('.');
  const regionText = dot >= 0 ? hostText.slice(0, dot) : hostText;
  const projects = /\/projects\/([^/]*)/.exec(pathText);
  return {
    scheme,
    host: { text: hostText, start: hostStart },
    region: { text: regionText, start: hostStart },
    hostRest: dot >= 0 ? hostText.slice(dot + 1) : '',
    path: { text: pathText, start: pathStart },
    projectId: projects ? { text: projects[1]!, start: pathStart + projects.index + '/projects/'.length } : undefined,
  };
}

export interface WebhookTargetParts {
  scheme: string;
  host: UrlPart;
  /** The landscape in a `login-{landscape}.cc.sinch.com` host. */
  landscape?: UrlPart;
  /** The first path segment: the tenant. */
  tenant?: UrlPart;
  /** The path after the tenant segment (`/sms/sinchconversation/all`). */
  rest: UrlPart;
}

export function parseWebhookTarget(url: string): WebhookTargetParts | undefined {
  const parts = splitUrl(url);
  if (!parts) return undefined;
  const { scheme, hostText, hostStart, pathText, pathStart } = parts;
  const login = /^login-([^.]*)\./i.exec(hostText);
  const tenantMatch = /^\/([^/]*)/.exec(pathText);
  const tenantText = tenantMatch?.[1];
  const restStart = tenantMatch ? tenantMatch[0].length : 0;
  return {
    scheme,
    host: { text: hostText, start: hostStart },
    landscape: login ? { text: login[1]!, start: hostStart + 'login-'.length } : undefined,
    tenant: tenantText !== undefined ? { text: tenantText, start: pathStart + 1 } : undefined,
    rest: { text: pathText.slice(restStart), start: pathStart + restStart },
  };
}

/** The Contact Pro webhook URL for a tenant (docs/sources.md#contact-pro-webhook-url). */
export function contactProWebhookUrl(landscape: string, tenant: string): string {
  return `https://login-${landscape}.cc.sinch.com/${tenant}/sms/sinchconversation/all`;
}

/** The service connection for a region and project (docs/sources.md#service-connection). */
export function serviceConnectionUrl(region: string, projectId: string): string {
  return `https://${region}.conversation.api.sinch.com/v1/projects/${projectId}/messages:send`;
}

/**
 * Whether a URL looks like a Contact Pro webhook endpoint, right or wrong in its details: a
 * `login-*.cc.sinch.com` host and a path ending in `/sms/sinchconversation/all`
 * (docs/sources.md#contact-pro-webhook-url).
 */
export function isContactProWebhookUrl(url: string): boolean {
  const parts = parseWebhookTarget(url);
  if (!parts) return false;
  return (
    /^login-[^.]*\.cc\.sinch\.com$/i.test(parts.host.text) && /\/sms\/sinchconversation\/all\/?$/i.test(parts.rest.text)
  );
}

/**
 * Whether a webhook target's host is a `conversation-api.*.sinch.com` host, which Sinch refuses
 * (docs/sources.md#webhook-limits).
 */
export function isForbiddenWebhookHost(host: string): boolean {
  return /(^|\.)conversation-api\.([^.]+\.)*sinch\.com$/i.test(host);
}
