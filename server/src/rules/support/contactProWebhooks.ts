// Which webhooks feed Contact Pro, the URL Contact Pro expects for the tenant, and what is wrong in a webhook
// target URL (Sinch's own limits and Contact Pro's URL shape), as offsets inside the URL for tight ranges.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { TenantModel, WebhookModel } from '../../model/types';
import {
  contactProWebhookUrl,
  isContactProWebhookUrl,
  isForbiddenWebhookHost,
  parseWebhookTarget,
} from '../../model/urls';
import { LANDSCAPE_NAMES, MAX_WEBHOOK_TARGET_LENGTH, TENANT_NAME_PATTERN } from '../../schema/domain';
import { isOneOf } from '../../util/oneOf';
import { truncate } from './labels';

export function normalizeUrl(url: string): string {
  return url.trim().toLowerCase();
}

/** The inbound target URLs of the file, normalised. */
export function inboundTargetUrls(doc: ParsedDocument): Set<string> {
  const set = new Set<string>();
  for (const service of doc.model.services) {
    for (const auth of doc.relations.inboundAuthentications(service)) {
      if (auth.targetUrl?.text) set.add(normalizeUrl(auth.targetUrl.text));
    }
  }
  return set;
}

/** A webhook that feeds Contact Pro: its target is a Contact Pro URL, or a service's inbound targetUrl. */
export function isContactProWebhook(webhook: WebhookModel, inboundTargets: Set<string>): boolean {
  const target = webhook.target?.text;
  if (!target) return false;
  return isContactProWebhookUrl(target) || inboundTargets.has(normalizeUrl(target));
}

/** The Contact Pro webhook URL for the file's tenant, when its name and landscape are both valid. */
export function expectedTargetUrl(tenant: TenantModel | undefined): string | undefined {
  const name = tenant?.name?.text;
  const landscape = tenant?.landscape?.text;
  if (!name || !landscape || !TENANT_NAME_PATTERN.test(name)) return undefined;
  if (!isOneOf(LANDSCAPE_NAMES, landscape)) return undefined;
  return contactProWebhookUrl(landscape, name);
}

export interface UrlProblem {
  /** Offsets of the wrong part inside the URL text. */
  from: number;
  to: number;
  /** What is wrong, in a sentence naming the wrong part (the caller adds the expected URL). */
  message: string;
}

const CONTACT_PRO_PATH = '/sms/sinchconversation/all';
const LANDSCAPE_LIST = LANDSCAPE_NAMES.join(', ');

/**
 * What Sinch itself refuses in any webhook target (docs/sources.md#webhook-limits): too long, or a conversation-api
 * host.
 */
export function apiTargetProblems(url: string): UrlProblem[] {
  const problems: UrlProblem[] = [];
  if (url.length > MAX_WEBHOOK_TARGET_LENGTH) {
    problems.push({
      from: 0,
      to: url.length,
      message: `This URL is ${url.length} characters long; Sinch accepts webhook targets of at most ${MAX_WEBHOOK_TARGET_LENGTH} characters.`,
    });
  }
  const parts = parseWebhookTarget(url);
  if (parts && isForbiddenWebhookHost(parts.host.text)) {
    problems.push({
      from: parts.host.start,
      to: parts.host.start + parts.host.text.length,
      message: `Sinch refuses \`${parts.host.text}\` as a webhook target (a \`conversation-api.*.sinch.com\` host).`,
    });
  }
  return problems;
}

/**
 * What is wrong in a Contact Pro webhook URL (an inbound targetUrl): each problem on the part that is wrong,
 * compared with the file's tenant where the tenant's own values are valid.
 */
export function contactProUrlProblems(url: string, tenant: TenantModel | undefined): UrlProblem[] {
  const problems = apiTargetProblems(url);
  const parts = parseWebhookTarget(url);
  if (!parts) {
    if (url.trim()) problems.push({ from: 0, to: url.length, message: `\`${truncate(url)}\` is not a URL.` });
    return problems;
  }
  const forbidden = isForbiddenWebhookHost(parts.host.text);
  const lead = url.length - url.trimStart().length;
  if (parts.scheme.toLowerCase() !== 'https') {
    problems.push({
      from: lead,
      to: lead + parts.scheme.length,
      message: `The URL starts with \`${parts.scheme}://\`; Contact Pro's webhook endpoint is \`https://\`.`,
    });
  }
  const tenantLandscape = tenant?.landscape?.text;
  const knownTenantLandscape =
    tenantLandscape && isOneOf(LANDSCAPE_NAMES, tenantLandscape) ? tenantLandscape : undefined;
  const host = /^login-([^.]*)\.cc\.sinch\.com$/i.exec(parts.host.text);
  const hostEnd = parts.host.start + parts.host.text.length;
  if (host && parts.landscape) {
    const landscape = parts.landscape.text.toLowerCase();
    const from = parts.landscape.start;
    const to = from + parts.landscape.text.length;
    if (!isOneOf(LANDSCAPE_NAMES, landscape)) {
      problems.push({
        from: landscape ? from : parts.host.start,
        to: landscape ? to : hostEnd,
        message:
          `The landscape \`${parts.landscape.text}\` in the login host does not exist: write one of ${LANDSCAPE_LIST}.\n` +
          `\`${parts.host.text}\` is not a Contact Pro login host (the US landscape is na-w2, there is no login-us-* host).`,
      });
    } else if (knownTenantLandscape && landscape !== knownTenantLandscape) {
      problems.push({
        from,
        to,
        message: `The URL's landscape \`${parts.landscape.text}\` is not the tenant's landscape \`${knownTenantLandscape}\` (tenant.landscape).`,
      });
    }
  } else if (!forbidden) {
    problems.push({
      from: parts.host.start,
      to: hostEnd,
      message: `\`${parts.host.text || '(empty host)'}\` is not a Contact Pro login host (\`login-{landscape}.cc.sinch.com\`).`,
    });
  }
  const segment = parts.tenant;
  const tenantName = tenant?.name?.text;
  const knownTenantName = tenantName && TENANT_NAME_PATTERN.test(tenantName) ? tenantName : undefined;
  if (!segment || (segment.text === '' && parts.rest.text === '')) {
    problems.push({
      from: 0,
      to: url.length,
      message: `The URL has no path; Contact Pro's is \`/{tenant}${CONTACT_PRO_PATH}\`.`,
    });
    return problems;
  }
  const segFrom = segment.start;
  const segTo = segment.start + segment.text.length;
  if (segment.text === '') {
    problems.push({ from: segFrom - 1, to: segFrom + 1, message: 'The tenant segment of the path is empty (`//`).' });
  } else if (/[[\]{}<>]/.test(segment.text) || /^tenant(_?name)?$/i.test(segment.text)) {
    problems.push({
      from: segFrom,
      to: segTo,
      message:
        `\`${segment.text}\` is the help page's placeholder, not a tenant name` +
        (knownTenantName ? ` (this tenant: \`${knownTenantName}\`).` : '; put your Contact Pro tenant name there.'),
    });
  } else if (!TENANT_NAME_PATTERN.test(segment.text)) {
    problems.push({
      from: segFrom,
      to: segTo,
      message: `\`${segment.text}\` is not a tenant name (letters, digits, \`_\` and \`-\` only).`,
    });
  } else if (knownTenantName && segment.text.toLowerCase() !== knownTenantName.toLowerCase()) {
    problems.push({
      from: segFrom,
      to: segTo,
      message: `The tenant \`${segment.text}\` in the URL is not this file's tenant \`${knownTenantName}\` (tenant.name).`,
    });
  }
  const matchedEnd = parts.rest.start + parts.rest.text.length;
  const rest = parts.rest;
  if (rest.text.toLowerCase() !== CONTACT_PRO_PATH) {
    const [from, to] = rest.text ? [rest.start, matchedEnd] : [segFrom, segTo];
    problems.push({
      from,
      to,
      message: `The path after the tenant should be \`${CONTACT_PRO_PATH}\`, not \`${truncate(rest.text || '(nothing)')}\`.`,
    });
  }
  const trimmedEnd = url.trimEnd().length;
  if (matchedEnd < trimmedEnd) {
    problems.push({
      from: matchedEnd,
      to: trimmedEnd,
      message: `\`${truncate(url.slice(matchedEnd, trimmedEnd))}\` after the path does not belong in the webhook URL.`,
    });
  }
  return problems;
}
