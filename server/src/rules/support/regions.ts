// Conversation API regions as the file writes them: the aliases admins use for a region, and the regions
// declared for the apps a messaging service serves.
import type { ServiceModel } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { CONTACT_PRO_REGIONS, REGION_NAMES, type Region } from '../../schema/domain';
import { isOneOf } from '../../util/oneOf';

/**
 * The Conversation API region a written region label stands for (the aliases of
 * docs/rules/service-connection-region.md), lowercase.
 */
export function mapRegion(label: string): Region | undefined {
  const value = label.trim().toLowerCase();
  if (isOneOf(REGION_NAMES, value)) return value;
  if (value.startsWith('eu') || value === 'emea') return 'eu';
  if (value.startsWith('us') || value === 'na' || value.startsWith('na-')) return 'us';
  return undefined;
}

export function isContactProRegion(region: string): boolean {
  return isOneOf(CONTACT_PRO_REGIONS, region);
}

/** The regions declared in `conversationApi` for the apps a service serves, with those apps (in file order). */
export function declaredRegionsOfServedApps(doc: ParsedDocument, service: ServiceModel): Map<Region, string[]> {
  const regions = new Map<Region, string[]>();
  for (const appId of doc.relations.servedApps(service)) {
    const region = doc.relations.declaredApps.get(appId)?.region?.text;
    if (!region || !isOneOf(REGION_NAMES, region)) continue;
    const apps = regions.get(region) ?? [];
    if (!apps.includes(appId)) apps.push(appId);
    regions.set(region, apps);
  }
  return regions;
}

/** The one region the apps a service serves are declared in, when they agree. */
export function agreedAppRegion(doc: ParsedDocument, service: ServiceModel): Region | undefined {
  const regions = [...declaredRegionsOfServedApps(doc, service).keys()];
  return regions.length === 1 ? regions[0] : undefined;
}
