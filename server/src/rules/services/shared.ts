// What the messaging-service rules share: naming a service in messages, reading an entry's direction
// tolerantly, region aliases, and what the file says about a service's region and project.
import type { AuthenticationModel, Field, ServiceModel } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { parseServiceConnection } from '../../model/urls';
import { CONTACT_PRO_REGIONS, INBOUND_AUTHENTICATION_ID, REGION_NAMES, UUID_PATTERN, type Region } from '../../schema/domain';

export const SC_SERVICES = 'SC: System Management > Messaging Services';
export const SERVICE_HOST = 'conversation.api.sinch.com';

/** "service `Sinch EU`", or "the messaging service on line 12" when it has no name. */
export function serviceLabel(doc: ParsedDocument, service: ServiceModel): string {
  const name = service.name?.text?.trim();
  if (name) return `service \`${shown(name)}\``;
  return `the messaging service on line ${doc.textDocument.positionAt(service.span.start).line + 1}`;
}

/**
 * An entry's direction, read tolerantly (`Outbound` counts as outbound; the schema reports the spelling),
 * or guessed from its Authentication ID when the direction is missing.
 */
export function directionOf(auth: AuthenticationModel): 'outbound' | 'inbound' | undefined {
  const written = auth.direction?.text?.trim().toLowerCase();
  if (written === 'outbound' || written === 'inbound') return written;
  if (written) return undefined;
  const id = auth.authenticationId?.text?.trim().toLowerCase();
  if (id === undefined) return undefined;
  if (id.startsWith(INBOUND_AUTHENTICATION_ID)) return 'inbound';
  if (id.includes('@')) return 'outbound';
  return undefined;
}

/** Every authentication entry that reads as `direction` (see directionOf), with the indexes a fix finds it again by. */
export function authenticationsWithDirection(
  doc: ParsedDocument, direction: 'inbound' | 'outbound',
): { service: ServiceModel; serviceIndex: number; auth: AuthenticationModel; entryIndex: number }[] {
  return doc.model.services.flatMap((service, serviceIndex) => service.authentications.flatMap((auth, entryIndex) =>
    (directionOf(auth) === direction ? [{ service, serviceIndex, auth, entryIndex }] : [])));
}

/** Where an Authentication ID is set in SC, in parentheses; the service by name when it has one. */
export function authenticationIdLocation(service: ServiceModel): string {
  return `(${SC_SERVICES} > ${service.name?.text ? `\`${shown(service.name.text)}\`` : '[service]'} > Authentication > Authentication ID)`;
}

/** Whether a field is written without a value (`key:`), rather than with a list or a mapping where text belongs. */
export function hasNoValue(field: Field): boolean {
  return field.node === null || field.span.start === field.span.end;
}

/** What is wrong with a value that is not text, for messages: empty, or a list/mapping where text belongs. */
export function notTextProblem(field: Field): string {
  return hasNoValue(field) ? 'has no value' : 'should be text, not a list or a mapping';
}

/**
 * The Conversation API region a written region label stands for (the aliases of
 * docs/rules/service-connection-region.md), lowercase.
 */
export function mapRegion(label: string): Region | undefined {
  const value = label.trim().toLowerCase();
  if ((REGION_NAMES as string[]).includes(value)) return value as Region;
  if (value.startsWith('eu') || value === 'emea') return 'eu';
  if (value.startsWith('us') || value === 'na' || value.startsWith('na-')) return 'us';
  return undefined;
}

export function isContactProRegion(region: string): boolean {
  return (CONTACT_PRO_REGIONS as readonly string[]).includes(region);
}

/** The regions declared in `conversationApi` for the apps a service serves, with those apps (in file order). */
export function declaredRegionsOfServedApps(doc: ParsedDocument, service: ServiceModel): Map<Region, string[]> {
  const regions = new Map<Region, string[]>();
  for (const appId of doc.relations.servedApps(service)) {
    const region = doc.relations.declaredApps.get(appId)?.region?.text;
    if (!region || !(REGION_NAMES as string[]).includes(region)) continue;
    const apps = regions.get(region as Region) ?? [];
    if (!apps.includes(appId)) apps.push(appId);
    regions.set(region as Region, apps);
  }
  return regions;
}

/** The one region the apps a service serves are declared in, when they agree. */
export function agreedAppRegion(doc: ParsedDocument, service: ServiceModel): Region | undefined {
  const regions = [...declaredRegionsOfServedApps(doc, service).keys()];
  return regions.length === 1 ? regions[0] : undefined;
}

/** A project ID placeholder as the help pages write it: `[project ID]`, `{projectId}`, `<project-id>`, `project ID`. */
export function isPlaceholder(text: string): boolean {
  return /[[\]{}<>]|\s/.test(text) || /^(your)?[-_]?project[-_ ]?id$/i.test(text);
}

const UUID_ANYWHERE = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/** The declared project ID, when it is a UUID. */
export function declaredProjectId(doc: ParsedDocument): string | undefined {
  const text = doc.model.conversationApi?.projectId?.text?.trim();
  return text && UUID_PATTERN.test(text) ? text : undefined;
}

/**
 * What a service connection URL can be rebuilt from: the region (its host label, or the declared region of
 * the apps it serves) and the project ID (a UUID anywhere in it, or `conversationApi.projectId`).
 */
export function rebuildParts(doc: ParsedDocument, service: ServiceModel): { region?: Region; projectId?: string } {
  const url = service.serviceConnection?.text ?? '';
  const parts = parseServiceConnection(url);
  let region: Region | undefined;
  if (parts) {
    const label = parts.hostRest.toLowerCase() === SERVICE_HOST || /\./.test(parts.host.text)
      ? parts.region.text
      : /^[a-z]+/i.exec(parts.host.text)?.[0] ?? ''; // the host part dropped: `https://eu[project ID]/…`
    region = mapRegion(label);
  }
  region ??= agreedAppRegion(doc, service);
  const projectId = UUID_ANYWHERE.exec(url)?.[0] ?? declaredProjectId(doc);
  return { region, projectId };
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A written value as messages echo it: its first line, at most 100 characters. A broken quote can make a
 * value swallow what follows it (a password among them), so a message never repeats more than this.
 */
export function shown(text: string): string {
  const line = text.split(/\r?\n|\r/)[0] ?? '';
  const cut = line.length > 100 ? `${line.slice(0, 97)}…` : line;
  return cut !== text ? cut.replace(/…?$/, '…') : cut;
}
