// The relations of docs/format.md#how-the-parts-relate, computed once per parse and shared by the rules,
// hover and navigation: which services serve an app, a service's region, an app's region.
import type { AppModel, AuthenticationModel, ConfigModel, ServiceModel } from './types';
import { parseServiceConnection } from './urls';
import { cleanId, splitOutboundId, writtenDirection } from './build';
import { REGION_NAMES } from '../schema/domain';
import { isOneOf } from '../util/oneOf';

export interface Relations {
  /** The apps declared in `conversationApi`, by uppercased app ID. */
  declaredApps: Map<string, AppModel>;
  /** The services whose outbound entries name an app, by uppercased app ID. */
  servingServices: Map<string, ServiceModel[]>;
  /** The app IDs (uppercased) each service serves, in file order. */
  servedApps(service: ServiceModel): string[];
  /** The region label of a service's connection host, lowercased, when it is a Conversation API region. */
  serviceRegion(service: ServiceModel): string | undefined;
  /**
   * An app's region: declared in conversationApi, else that of a service serving it
   * (docs/format.md#how-the-parts-relate).
   */
  appRegion(appIdUpper: string): string | undefined;
  inboundAuthentications(service: ServiceModel): AuthenticationModel[];
  outboundAuthentications(service: ServiceModel): AuthenticationModel[];
}

export function computeRelations(model: ConfigModel): Relations {
  const declaredApps = new Map<string, AppModel>();
  for (const app of model.conversationApi?.apps ?? []) {
    const id = app.appId?.text !== undefined ? cleanId(app.appId.text).toUpperCase() : undefined;
    if (id && !declaredApps.has(id)) declaredApps.set(id, app);
  }

  const servedBy = new Map<ServiceModel, string[]>();
  const servingServices = new Map<string, ServiceModel[]>();
  for (const service of model.services) {
    const ids: string[] = [];
    for (const auth of service.authentications) {
      if (writtenDirection(auth) !== 'outbound' || !auth.authenticationId?.text) continue;
      const parts = splitOutboundId(auth.authenticationId.text);
      const written = parts?.swapped ? parts.keyId : parts?.appId;
      const id = written !== undefined ? cleanId(written).toUpperCase() : undefined;
      if (!id) continue;
      ids.push(id);
      const list = servingServices.get(id) ?? [];
      if (!list.includes(service)) list.push(service);
      servingServices.set(id, list);
    }
    servedBy.set(service, ids);
  }

  const regionCache = new Map<ServiceModel, string | undefined>();
  const serviceRegion = (service: ServiceModel): string | undefined => {
    if (!regionCache.has(service)) {
      // Only a Conversation API host names a region (`eu.sms.api.sinch.com` is another API's host).
      const parts = parseServiceConnection(service.serviceConnection?.text ?? '');
      const label =
        parts?.hostRest.toLowerCase() === 'conversation.api.sinch.com' ? parts.region.text.toLowerCase() : undefined;
      regionCache.set(service, label && isOneOf(REGION_NAMES, label) ? label : undefined);
    }
    return regionCache.get(service);
  };

  return {
    declaredApps,
    servingServices,
    servedApps: (service) => servedBy.get(service) ?? [],
    serviceRegion,
    appRegion(appIdUpper) {
      const declared = declaredApps.get(appIdUpper)?.region?.text?.trim().toLowerCase();
      if (declared) return declared;
      for (const service of servingServices.get(appIdUpper) ?? []) {
        const region = serviceRegion(service);
        if (region) return region;
      }
      return undefined;
    },
    inboundAuthentications: (service) => service.authentications.filter((a) => writtenDirection(a) === 'inbound'),
    outboundAuthentications: (service) => service.authentications.filter((a) => writtenDirection(a) === 'outbound'),
  };
}
