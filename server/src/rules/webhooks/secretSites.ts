// Where the file writes secrets (each authentication's `password`, each webhook's `secret`), with a label and
// the environment-variable name a literal there would become. Used by the secret rules; never reads a value out.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppModel, AuthenticationModel, Element, Field, ServiceModel, WebhookModel } from '../../model/types';
import { ENV_REFERENCE_PATTERN } from '../../schema/domain';
import { writtenDirection } from '../../model/build';
import type { Span } from '../../util/span';
import { inboundTargetUrls, isContactProWebhook } from '../support/contactProWebhooks';
import { describeApp } from '../support/labels';
import { firstKeySpan } from '../support/spans';
import { isEnvReference } from '../support/envReference';
import { DASHBOARD_ACCESS_KEYS, DASHBOARD_WEBHOOK_SECRET, SC_SERVICES } from '../support/vocabulary';

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

const ACCESS_KEY_WHERE =
  `${DASHBOARD_ACCESS_KEYS} (the key secret, shown once when the key is created); ` +
  `${SC_SERVICES} > [the service] > Authentication > Password`;
const WEBHOOK_WHERE = DASHBOARD_WEBHOOK_SECRET;

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
    const appBase = envStem(
      app.name?.text ?? (app.appId?.text ? `APP_${app.appId.text}` : `APP_${appIndex + 1}`),
      'APP',
    );
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
      const direction = writtenDirection(auth);
      const kind: SecretKind = direction ?? 'authentication';
      sites.push({
        kind,
        field: auth.password,
        owner: auth,
        anchor:
          auth.direction?.span && auth.direction.text
            ? auth.direction.span
            : (auth.authenticationId?.keySpan ?? firstKeySpan(auth)),
        label:
          kind === 'outbound'
            ? `the outbound Password of ${serviceLabel}${outboundSuffix(doc, service, auth)}`
            : kind === 'inbound'
              ? `the inbound (webhook) Password of ${serviceLabel}`
              : `the Password of an authentication of ${serviceLabel}`,
        where:
          kind === 'inbound'
            ? `SC: System Management > Messaging Services > ${name ?? '[the service]'} > Authentication (inbound) > Password; the same value as ${WEBHOOK_WHERE}`
            : ACCESS_KEY_WHERE,
        contactPro: kind === 'inbound',
        service,
      });
      bases.push(
        kind === 'inbound' ? inboundBase(doc, service, auth, stem, inboundTargets) : `${stem}_ACCESS_KEY_SECRET`,
      );
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
    // No secret yet: the one to use is the serving service's, when it is written as a reference; else the name
    // the service's own inbound password gets, so both places are told the same variable (one secret, one name).
    const services = doc.relations.servingServices.get(id) ?? [];
    for (const service of services) {
      const match = ENV_REFERENCE_PATTERN.exec(doc.relations.inboundAuthentications(service)[0]?.password?.text ?? '');
      if (match) return match[1]!;
    }
    const first = services[0];
    if (first && doc.relations.inboundAuthentications(first).length)
      return `${serviceStem(first, doc.model.services.indexOf(first))}_WEBHOOK_SECRET`;
  }
  if (secret && id) {
    const services = doc.relations.servingServices.get(id) ?? [];
    for (const service of services) {
      const inbound = doc.relations.inboundAuthentications(service)[0];
      if (inbound?.password?.text === secret)
        return `${serviceStem(service, doc.model.services.indexOf(service))}_WEBHOOK_SECRET`;
    }
  }
  return `${appBase}_WEBHOOK_SECRET`;
}

/**
 * The inbound password's variable: when it has no value yet and the Contact Pro webhooks of the apps the service
 * serves all use one reference, that reference's name (the same secret); otherwise one from the service's name.
 */
function inboundBase(
  doc: ParsedDocument,
  service: ServiceModel,
  auth: AuthenticationModel,
  stem: string,
  inboundTargets: Set<string>,
): string {
  if (!auth.password?.text?.trim()) {
    const names = new Set<string>();
    for (const id of doc.relations.servedApps(service)) {
      for (const hook of doc.relations.declaredApps.get(id)?.webhooks ?? []) {
        const match = isContactProWebhook(hook, inboundTargets)
          ? ENV_REFERENCE_PATTERN.exec(hook.secret?.text ?? '')
          : null;
        if (match) names.add(match[1]!);
      }
    }
    if (names.size === 1) return [...names][0]!;
  }
  return `${stem}_WEBHOOK_SECRET`;
}

function serviceStem(service: ServiceModel, index: number): string {
  return envStem(service.name?.text ?? `SERVICE_${index + 1}`, 'SERVICE');
}

/** `Sinch EU` → `SINCH_EU`: uppercase letters, digits and `_`, starting with a letter. */
export function envStem(name: string, fallback: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!stem) return fallback;
  return /^[0-9]/.test(stem) ? `${fallback}_${stem}` : stem;
}

function outboundSuffix(doc: ParsedDocument, service: ServiceModel, auth: AuthenticationModel): string {
  if (doc.relations.outboundAuthentications(service).length < 2) return '';
  const id = auth.authenticationId?.text;
  return id ? ` (entry \`${id}\`)` : '';
}
