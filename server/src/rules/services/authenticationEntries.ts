// The services missing-outbound-authentication and missing-inbound-authentication report, and the authentication
// entries they insert, built from what the file already says (tenant, the apps' webhook secrets, the other
// services' entries).
import type { ServiceModel } from '../../model/types';
import { contactProWebhookUrl } from '../../model/urls';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { findPair } from '../../parse/yamlNodes';
import { isSeq, type YAMLSeq } from 'yaml';
import { CONTACT_PRO_TRIGGERS, ENV_REFERENCE_PATTERN, LANDSCAPE_NAMES, TENANT_NAME_PATTERN } from '../../schema/domain';
import type { InsertEntry } from '../edits/values';
import { isOneOf } from '../../util/oneOf';
import type { Span } from '../../util/span';
import { directionOf } from './directions';

/** The `authentications` list of a service, when it is a list (else the schema reports its shape). */
export function authenticationsSeq(service: ServiceModel): YAMLSeq | undefined {
  const value = findPair(service.node, 'authentications')?.pair.value;
  return isSeq(value) ? value : undefined;
}

/**
 * The services whose `authentications` list has no entry reading as `direction`, with the `authentications`
 * key to report on. A missing `authentications` key is missing-key's and a non-list invalid-value's; an entry
 * whose direction cannot be read may be the one missing, so its direction is reported instead.
 */
export function servicesWithout(
  doc: ParsedDocument,
  direction: 'inbound' | 'outbound',
): { service: ServiceModel; index: number; span: Span }[] {
  return doc.model.services.flatMap((service, index) => {
    if (!service.authenticationsKeySpan || !authenticationsSeq(service)) return [];
    const directions = service.authentications.map(directionOf);
    return directions.includes(direction) || directions.includes(undefined)
      ? []
      : [{ service, index, span: service.authenticationsKeySpan }];
  });
}

/** `Sinch EU` → `SINCH_EU`; empty when nothing usable remains. */
export function envName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .replace(/^(\d)/, '_$1');
}

/** The one value every item yields, when they all agree (and there is at least one). */
function agreed(values: (string | undefined)[]): string | undefined {
  const set = new Set(values.filter((v): v is string => !!v));
  return set.size === 1 ? [...set][0] : undefined;
}

/** `- direction: inbound …` for a service: targetUrl from `tenant`, the password an `${env:NAME}` reference. */
export function inboundEntry(
  doc: ParsedDocument,
  service: ServiceModel,
  serviceIndex: number,
): InsertEntry[] | undefined {
  const tenant = doc.model.tenant;
  const name = tenant?.name?.text;
  const landscape = tenant?.landscape?.text;
  if (!name || !TENANT_NAME_PATTERN.test(name) || !landscape || !isOneOf(LANDSCAPE_NAMES, landscape)) return undefined;
  const targetUrl = contactProWebhookUrl(landscape, name);
  // The secret: the reference the served apps' Contact Pro webhooks already use, when they agree.
  const webhookSecrets = doc.relations
    .servedApps(service)
    .flatMap((appId) =>
      (doc.relations.declaredApps.get(appId)?.webhooks ?? [])
        .filter((hook) => hook.target?.text === targetUrl)
        .map((hook) => hook.secret?.text),
    );
  const reused = agreed(webhookSecrets);
  const password =
    reused && ENV_REFERENCE_PATTERN.test(reused)
      ? reused
      : `\${env:${envName(service.name?.text ?? '') || `SERVICE_${serviceIndex + 1}`}_WEBHOOK_SECRET}`;
  return [
    { key: 'direction', value: 'inbound' },
    { key: 'authenticationId', value: 'webhook' },
    { key: 'password', value: password },
    { key: 'triggers', value: { raw: `[${CONTACT_PRO_TRIGGERS.join(', ')}]` } },
    { key: 'targetUrl', value: targetUrl },
  ];
}

/** `- direction: outbound …`: the key ID and secret reference the file's other outbound entries share. */
export function outboundEntry(doc: ParsedDocument, service: ServiceModel): InsertEntry[] {
  const outbound = doc.model.services.flatMap((s) => s.authentications).filter((a) => directionOf(a) === 'outbound');
  const keyId = agreed(
    outbound.map((a) => {
      const parts = a.authenticationId?.text?.split('@');
      return parts?.length === 2 && parts[0] && !/\s/.test(parts[0]) ? parts[0] : undefined;
    }),
  );
  const password = agreed(outbound.map((a) => a.password?.text));
  // The app: the one declared app of the service's region that no service serves yet.
  const region = doc.relations.serviceRegion(service);
  const unserved = [...doc.relations.declaredApps.entries()]
    .filter(([id, app]) => !doc.relations.servingServices.has(id) && (!region || app.region?.text === region))
    .map(([id]) => id);
  const appId = unserved.length === 1 ? unserved[0]! : 'APP_ID';
  return [
    { key: 'direction', value: 'outbound' },
    { key: 'authenticationId', value: `${keyId ?? 'KEY_ID'}@${appId}` },
    {
      key: 'password',
      value: password && ENV_REFERENCE_PATTERN.test(password) ? password : '${env:SINCH_ACCESS_KEY_SECRET}',
    },
  ];
}
