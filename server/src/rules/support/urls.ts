// The service connection URL: its host, and what a broken one can be rebuilt from.
import type { ServiceModel } from '../../model/types';
import { parseServiceConnection } from '../../model/urls';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { Region } from '../../schema/domain';
import { declaredProjectId } from './projectId';
import { agreedAppRegion, mapRegion } from './regions';

export const SERVICE_HOST = 'conversation.api.sinch.com';

const UUID_ANYWHERE = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/**
 * What a service connection URL can be rebuilt from: the region (its host label, or the declared region of
 * the apps it serves) and the project ID (a UUID anywhere in it, or `conversationApi.projectId`).
 */
export function rebuildParts(doc: ParsedDocument, service: ServiceModel): { region?: Region; projectId?: string } {
  const url = service.serviceConnection?.text ?? '';
  const parts = parseServiceConnection(url);
  let region: Region | undefined;
  if (parts) {
    const label =
      parts.hostRest.toLowerCase() === SERVICE_HOST || /\./.test(parts.host.text)
        ? parts.region.text
        : (/^[a-z]+/i.exec(parts.host.text)?.[0] ?? ''); // the host part dropped: `https://eu[project ID]/…`
    region = mapRegion(label);
  }
  region ??= agreedAppRegion(doc, service);
  const projectId = UUID_ANYWHERE.exec(url)?.[0] ?? declaredProjectId(doc);
  return { region, projectId };
}
