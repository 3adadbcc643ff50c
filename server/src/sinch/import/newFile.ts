// A whole new file for an imported project: the tenant (from a Contact Pro webhook's URL when there is one),
// the `conversationApi` section, and one messaging service per region Contact Pro serves (Contact Pro needs
// a separate service for each region), each with an outbound entry per app and the inbound webhook entry.
import { entryLines, type InsertEntry } from '../../rules/edits/values';
import { contactProWebhookUrl, parseWebhookTarget, serviceConnectionUrl } from '../../model/urls';
import {
  CONTACT_PRO_REGIONS,
  CONTACT_PRO_TRIGGERS,
  INBOUND_AUTHENTICATION_ID,
  LANDSCAPE_NAMES,
  SERVICE_TYPE,
} from '../../schema/domain';
import type { ProjectSnapshot } from '../api';
import { appEntries, isContactProTarget, regionSecretName } from './liveEntries';
import { isOneOf } from '../../util/oneOf';

export interface NewFileOptions {
  /** The access key's ID, for the outbound `{KeyID}@{APPID}` entries (an identifier, not a secret). */
  keyId?: string;
}

const PLACEHOLDER_TENANT = 'your-tenant';
const PLACEHOLDER_KEY_ID = 'YOUR-ACCESS-KEY-ID';

/** The tenant and landscape named by the project's Contact Pro webhooks, when they name one. */
function tenantOf(snapshot: ProjectSnapshot): { name: string; landscape: string } | undefined {
  for (const live of snapshot.apps) {
    for (const webhook of live.webhooks) {
      if (!isContactProTarget(undefined, webhook.target)) continue;
      const parts = parseWebhookTarget(webhook.target!);
      const landscape = parts?.landscape?.text.toLowerCase();
      const name = parts?.tenant?.text;
      if (landscape && name && isOneOf(LANDSCAPE_NAMES, landscape) && /^[A-Za-z0-9_-]+$/.test(name))
        return { name, landscape };
    }
  }
  return undefined;
}

export function newFileText(snapshot: ProjectSnapshot, options: NewFileOptions, leadingComments = ''): string {
  const tenant = tenantOf(snapshot);
  const tenantName = tenant?.name ?? PLACEHOLDER_TENANT;
  const landscape = tenant?.landscape ?? 'eu-c1';
  const keyId = options.keyId ?? PLACEHOLDER_KEY_ID;
  const targetUrl = contactProWebhookUrl(landscape, tenantName);
  const sections: InsertEntry[] = [
    { key: 'version', value: { raw: '1' } },
    {
      key: 'tenant',
      value: [
        { key: 'name', value: tenantName },
        { key: 'landscape', value: landscape },
      ],
    },
    {
      key: 'conversationApi',
      value: [
        { key: 'projectId', value: snapshot.projectId },
        { key: 'apps', value: { list: snapshot.apps.map((live) => appEntries(undefined, live)) } },
      ],
    },
  ];
  const services: InsertEntry[][] = [];
  for (const region of CONTACT_PRO_REGIONS) {
    const apps = snapshot.apps.filter((a) => a.region === region);
    if (!apps.length) continue;
    services.push([
      { key: 'name', value: `Sinch ${region.toUpperCase()}` },
      { key: 'type', value: SERVICE_TYPE },
      { key: 'serviceConnection', value: serviceConnectionUrl(region, snapshot.projectId) },
      {
        key: 'authentications',
        value: {
          list: [
            ...apps.map((a) => [
              { key: 'direction', value: 'outbound' },
              { key: 'authenticationId', value: `${keyId}@${a.app.id}` },
              { key: 'password', value: '${env:SINCH_KEY_SECRET}' },
            ]),
            [
              { key: 'direction', value: 'inbound' },
              { key: 'authenticationId', value: INBOUND_AUTHENTICATION_ID },
              { key: 'password', value: `\${env:${regionSecretName(region)}}` },
              { key: 'triggers', value: { raw: `[${CONTACT_PRO_TRIGGERS.join(', ')}]` } },
              { key: 'targetUrl', value: targetUrl },
            ],
          ],
        },
      },
    ]);
  }
  if (services.length) sections.push({ key: 'messagingServices', value: { list: services } });
  const header = leadingComments.trim()
    ? leadingComments.trimEnd()
    : `# sinchcp: imported from Sinch project ${snapshot.projectId}`;
  const notes: string[] = [];
  if (!tenant)
    notes.push('# Set tenant.name and tenant.landscape to your Contact Pro tenant (no Contact Pro webhook named it).');
  if (!options.keyId)
    notes.push(
      `# Replace ${PLACEHOLDER_KEY_ID} with the access key's Key ID (Sinch dashboard > Settings > Access keys).`,
    );
  const body = sections.map((entry) => entryLines(entry, 0, 2).join('\n')).join('\n\n');
  return [header, ...notes, body].join('\n') + '\n';
}
