// What the webhook and app rules share: where secrets are written (and the environment-variable name each
// would get), which webhooks are Contact Pro's, what is wrong in a Contact Pro webhook URL, and how to
// replace a value while keeping its quotes. Not a rule (the group's index.ts lists the rules).
import { replaceValueEdit } from '../edits/replaceValue';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type {
  AppModel, AuthenticationModel, Element, Field, ServiceModel, TenantModel, WebhookModel,
} from '../../model/types';
import { contactProWebhookUrl, isContactProWebhookUrl, isForbiddenWebhookHost, parseWebhookTarget } from '../../model/urls';
import {
  ENV_REFERENCE_PATTERN, LANDSCAPE_NAMES, MAX_WEBHOOK_TARGET_LENGTH, TENANT_NAME_PATTERN,
} from '../../schema/domain';
import type { Span } from '../../util/span';
import type { TextEditSpan } from '../types';

export function isEnvReference(text: string): boolean {
  return ENV_REFERENCE_PATTERN.test(text);
}

// ---------------------------------------------------------------------------------------------- secrets

export type SecretKind = 'outbound' | 'inbound' | 'authentication' | 'webhook';

/** One place where a secret is (or should be) written: an authentication's `password`, a webhook's `secret`. */
export interface SecretSite {
  kind: SecretKind;
  /** The field, when the key is there. */
  field?: Field;
  /** The authentication or webhook mapping holding it. */
  owner: Element;
  /** Where to report the key missing: a key of the owner that says which entry it is. */
  anchor: Span;
  /** "the inbound Password of service `Sinch EU`" — never the value. */
  label: string;
  /** Where the admin finds or enters the value. */
  where: string;
  /** For webhooks: whether it is a Contact Pro webhook (Contact Pro verifies its signatures). */
  contactPro: boolean;
  /** The environment variable a literal here would become (see envNames). */
  envName: string;
  service?: ServiceModel;
  app?: AppModel;
}

const ACCESS_KEY_WHERE = 'Sinch dashboard: Settings > Access keys (the key secret, shown once when the key is created); ' +
  'SC: System Management > Messaging Services > [the service] > Authentication > Password';
const WEBHOOK_WHERE = 'Sinch dashboard: Conversation API > Apps > [the app] > Webhook > Secret token';

/** Every password and webhook secret of the file, in document order, each with the env-variable name it would get. */
export function secretSites(doc: ParsedDocument): SecretSite[] {
  const cached = siteCache.get(doc);
  if (cached) return cached;
  const sites: Omit<SecretSite, 'envName'>[] = [];
  const bases: string[] = [];
  const inboundTargets = inboundTargetUrls(doc);
  const apps = doc.model.conversationApi?.apps ?? [];
  apps.forEach((app, appIndex) => {
    const appLabel = describeApp(app);
    const appBase = envStem(app.name?.text ?? (app.appId?.text ? `APP_${app.appId.text}` : `APP_${appIndex + 1}`), 'APP');
    for (const webhook of app.webhooks) {
      const contactPro = isContactProWebhook(webhook, inboundTargets);
      sites.push({
        kind: 'webhook',
        field: webhook.secret,
        owner: webhook,
        anchor: webhook.target?.keySpan ?? firstKeySpan(webhook),
        label: `the webhook secret of app ${appLabel}`,
        where: WEBHOOK_WHERE,
        contactPro,
        app,
      });
      bases.push(webhookBase(doc, app, webhook, appBase));
    }
  });
  doc.model.services.forEach((service, serviceIndex) => {
    const name = service.name?.text;
    const serviceLabel = name ? `service \`${name}\`` : `messaging service ${serviceIndex + 1}`;
    const stem = serviceStem(service, serviceIndex);
    for (const auth of service.authentications) {
      const direction = auth.direction?.text;
      const kind: SecretKind = direction === 'outbound' || direction === 'inbound' ? direction : 'authentication';
      sites.push({
        kind,
        field: auth.password,
        owner: auth,
        anchor: auth.direction?.span && auth.direction.text ? auth.direction.span : auth.authenticationId?.keySpan ?? firstKeySpan(auth),
        label: kind === 'outbound'
          ? `the outbound Password of ${serviceLabel}${outboundSuffix(doc, service, auth)}`
          : kind === 'inbound' ? `the inbound (webhook) Password of ${serviceLabel}` : `the Password of an authentication of ${serviceLabel}`,
        where: kind === 'inbound'
          ? `SC: System Management > Messaging Services > ${name ?? '[the service]'} > Authentication (inbound) > Password; the same value as ${WEBHOOK_WHERE}`
          : ACCESS_KEY_WHERE,
        contactPro: kind === 'inbound',
        service,
      });
      bases.push(kind === 'inbound' ? `${stem}_WEBHOOK_SECRET` : `${stem}_ACCESS_KEY_SECRET`);
    }
  });
  const names = envNames(sites.map((site, i) => ({ text: site.field?.text, base: bases[i]! })));
  const result = sites.map((site, i) => ({ ...site, envName: names[i]! }));
  siteCache.set(doc, result);
  return result;
}

const siteCache = new WeakMap<ParsedDocument, SecretSite[]>();

/**
 * The variable names for literal secrets: the base name, unless that name is already used by a reference
 * in the file or by a different literal, then `_2`, `_3`… Two equal literals get the same name (they are
 * one secret), two different ones never do (that would hide a mismatch). Values stay in this function.
 */
function envNames(entries: { text: string | undefined; base: string }[]): string[] {
  const taken = new Map<string, string | null>();
  for (const { text } of entries) {
    const match = text !== undefined ? ENV_REFERENCE_PATTERN.exec(text) : null;
    if (match) taken.set(match[1]!.toUpperCase(), null);
  }
  return entries.map(({ text, base }) => {
    if (text === undefined || text === '' || isEnvReference(text)) return base;
    let name = base;
    for (let n = 2; taken.has(name) && taken.get(name) !== text; n++) name = `${base}_${n}`;
    taken.set(name, text);
    return name;
  });
}

/**
 * An app webhook's secret must be its service's webhook secret: when it is written as the same literal as
 * the serving service's inbound password, it gets the service's name; otherwise one from the app.
 */
function webhookBase(doc: ParsedDocument, app: AppModel, webhook: WebhookModel, appBase: string): string {
  const secret = webhook.secret?.text;
  const id = app.appId?.text?.toUpperCase();
  if (id && !secret?.trim()) {
    // No secret yet: the one to use is the serving service's, when it is written as a reference.
    for (const service of doc.relations.servingServices.get(id) ?? []) {
      const match = ENV_REFERENCE_PATTERN.exec(doc.relations.inboundAuthentications(service)[0]?.password?.text ?? '');
      if (match) return match[1]!;
    }
  }
  if (secret && id) {
    const services = doc.relations.servingServices.get(id) ?? [];
    for (const service of services) {
      const inbound = doc.relations.inboundAuthentications(service)[0];
      if (inbound?.password?.text === secret) return `${serviceStem(service, doc.model.services.indexOf(service))}_WEBHOOK_SECRET`;
    }
  }
  return `${appBase}_WEBHOOK_SECRET`;
}

function serviceStem(service: ServiceModel, index: number): string {
  return envStem(service.name?.text ?? `SERVICE_${index + 1}`, 'SERVICE');
}

/** `Sinch EU` → `SINCH_EU`: uppercase letters, digits and `_`, starting with a letter. */
export function envStem(name: string, fallback: string): string {
  const stem = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!stem) return fallback;
  return /^[0-9]/.test(stem) ? `${fallback}_${stem}` : stem;
}

function outboundSuffix(doc: ParsedDocument, service: ServiceModel, auth: AuthenticationModel): string {
  if (doc.relations.outboundAuthentications(service).length < 2) return '';
  const id = auth.authenticationId?.text;
  return id ? ` (entry \`${id}\`)` : '';
}

export function describeApp(app: AppModel): string {
  const name = app.name?.text;
  const id = app.appId?.text;
  if (name && id) return `\`${name}\` (${id})`;
  if (name) return `\`${name}\``;
  if (id) return `\`${id}\``;
  return '(without appId)';
}

export function firstKeySpan(element: Element): Span {
  const first = element.keys.values().next();
  return first.done ? { start: element.span.start, end: element.span.start } : first.value;
}

// -------------------------------------------------------------------------------------- Contact Pro webhooks

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
  if (!(LANDSCAPE_NAMES as string[]).includes(landscape)) return undefined;
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

/** What Sinch itself refuses in any webhook target (domain-facts §3.1): too long, or a conversation-api host. */
export function apiTargetProblems(url: string): UrlProblem[] {
  const problems: UrlProblem[] = [];
  if (url.length > MAX_WEBHOOK_TARGET_LENGTH) {
    problems.push({ from: 0, to: url.length, message: `This URL is ${url.length} characters long; Sinch accepts webhook targets of at most ${MAX_WEBHOOK_TARGET_LENGTH} characters.` });
  }
  const parts = parseWebhookTarget(url);
  if (parts && isForbiddenWebhookHost(parts.host.text)) {
    problems.push({
      from: parts.host.start, to: parts.host.start + parts.host.text.length,
      message: `\`${parts.host.text}\` is a \`conversation-api.*.sinch.com\` host, which Sinch refuses as a webhook target.`,
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
    problems.push({ from: lead, to: lead + parts.scheme.length, message: `The URL starts with \`${parts.scheme}://\`; Contact Pro's webhook endpoint is \`https://\`.` });
  }
  const tenantLandscape = tenant?.landscape?.text;
  const knownTenantLandscape = tenantLandscape && (LANDSCAPE_NAMES as string[]).includes(tenantLandscape) ? tenantLandscape : undefined;
  const host = /^login-([^.]*)\.cc\.sinch\.com$/i.exec(parts.host.text);
  const hostEnd = parts.host.start + parts.host.text.length;
  if (host && parts.landscape) {
    const landscape = parts.landscape.text.toLowerCase();
    const from = parts.landscape.start;
    const to = from + parts.landscape.text.length;
    if (!(LANDSCAPE_NAMES as string[]).includes(landscape)) {
      problems.push({
        from: landscape ? from : parts.host.start, to: landscape ? to : hostEnd,
        message: `\`${parts.host.text}\` is not a Contact Pro login host: the landscape \`${parts.landscape.text}\` does not exist ` +
          `(Contact Pro landscapes: ${LANDSCAPE_LIST}; the US one is na-w2, there is no login-us-* host).`,
      });
    } else if (knownTenantLandscape && landscape !== knownTenantLandscape) {
      problems.push({
        from, to,
        message: `The URL's landscape \`${parts.landscape.text}\` is not the tenant's landscape \`${knownTenantLandscape}\` (tenant.landscape).`,
      });
    }
  } else if (!forbidden) {
    problems.push({
      from: parts.host.start, to: hostEnd,
      message: `\`${parts.host.text || '(empty host)'}\` is not a Contact Pro login host (\`login-{landscape}.cc.sinch.com\`).`,
    });
  }
  const segment = parts.tenant;
  const tenantName = tenant?.name?.text;
  const knownTenantName = tenantName && TENANT_NAME_PATTERN.test(tenantName) ? tenantName : undefined;
  if (!segment || (segment.text === '' && parts.rest.text === '')) {
    problems.push({ from: 0, to: url.length, message: `The URL has no path; Contact Pro's is \`/{tenant}${CONTACT_PRO_PATH}\`.` });
    return problems;
  }
  const segFrom = segment.start;
  const segTo = segment.start + segment.text.length;
  if (segment.text === '') {
    problems.push({ from: segFrom - 1, to: segFrom + 1, message: 'The tenant segment of the path is empty (`//`).' });
  } else if (/[[\]{}<>]/.test(segment.text) || /^tenant(_?name)?$/i.test(segment.text)) {
    problems.push({
      from: segFrom, to: segTo,
      message: `\`${segment.text}\` is the help page's placeholder, not a tenant name` +
        (knownTenantName ? ` (this tenant: \`${knownTenantName}\`).` : '; put your Contact Pro tenant name there.'),
    });
  } else if (!TENANT_NAME_PATTERN.test(segment.text)) {
    problems.push({ from: segFrom, to: segTo, message: `\`${segment.text}\` is not a tenant name (letters, digits, \`_\` and \`-\` only).` });
  } else if (knownTenantName && segment.text.toLowerCase() !== knownTenantName.toLowerCase()) {
    problems.push({ from: segFrom, to: segTo, message: `The tenant \`${segment.text}\` in the URL is not this file's tenant \`${knownTenantName}\` (tenant.name).` });
  }
  const matchedEnd = parts.rest.start + parts.rest.text.length;
  const rest = parts.rest;
  if (rest.text.toLowerCase() !== CONTACT_PRO_PATH) {
    const [from, to] = rest.text ? [rest.start, matchedEnd] : [segFrom, segTo];
    problems.push({ from, to, message: `The path after the tenant is \`${rest.text || '(nothing)'}\`; Contact Pro's webhook path is \`${CONTACT_PRO_PATH}\`.` });
  }
  const trimmedEnd = url.trimEnd().length;
  if (matchedEnd < trimmedEnd) {
    problems.push({ from: matchedEnd, to: trimmedEnd, message: `\`${truncate(url.slice(matchedEnd, trimmedEnd))}\` after the path does not belong in Contact Pro's webhook URL.` });
  }
  return problems;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

// --------------------------------------------------------------------------------------------------- edits

/** The text of a field's value as written, quotes included. */
export function writtenValue(doc: ParsedDocument, field: Field): string {
  return doc.text.slice(field.span.start, field.span.end);
}

/** Replaces a scalar value with `newText`, keeping the user's quotes (see edits/replaceValue.ts). */
export function replaceValue(doc: ParsedDocument, field: Field, newText: string): TextEditSpan[] {
  const edit = replaceValueEdit(doc, field, newText);
  return edit ? [edit] : [];
}

/** Replaces one list item (a scalar) keeping its quotes. */
export function replaceItem(doc: ParsedDocument, item: { span: Span; text: string | undefined }, newText: string): TextEditSpan {
  const written = doc.text.slice(item.span.start, item.span.end);
  const quote = written.length >= 2 && (written[0] === '"' || written[0] === "'") && written.endsWith(written[0]!) ? written[0]! : '';
  return { span: item.span, newText: `${quote}${newText}${quote}` };
}
