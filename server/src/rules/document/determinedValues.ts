// The value a missing key must have when the rest of the file determines it: an inbound entry's targetUrl
// from `tenant`, a service's Service Connection from its apps' region and the project ID. missing-key names it
// in its message and inserts it; never a secret.
import type { ParsedDocument } from '../../parse/parsedDocument';
import { serviceConnectionUrl } from '../../model/urls';
import type { SchemaPath } from '../../schema/navigate';
import { expectedTargetUrl } from '../support/contactProWebhooks';
import { agreedAppRegion } from '../support/regions';
import { declaredProjectId } from '../support/projectId';

export function determinedValue(doc: ParsedDocument, parentPath: SchemaPath, key: string): string | undefined {
  if (parentPath[0] !== 'messagingServices' || typeof parentPath[1] !== 'number') return undefined;
  if (key === 'targetUrl' && parentPath.length === 4) return expectedTargetUrl(doc.model.tenant);
  if (key === 'serviceConnection' && parentPath.length === 2) {
    const service = doc.model.services[parentPath[1]];
    const region = service && agreedAppRegion(doc, service);
    const projectId = declaredProjectId(doc);
    return region && projectId ? serviceConnectionUrl(region, projectId) : undefined;
  }
  return undefined;
}
