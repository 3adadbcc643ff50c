import { insertListItemsEdit } from '../edits/insertListItem';
import { defineRule, type Finding } from '../types';
import { authenticationsSeq, outboundEntry } from './authenticationEntries';
import { directionOf, SC_SERVICES, serviceLabel, capitalize } from './shared';

interface MissingOutboundData { service: number }

export default defineRule<MissingOutboundData>({
  name: 'missing-outbound-authentication',
  severity: 'error',
  summary: 'A messaging service has no `outbound` authentication entry.',
  check(doc) {
    const findings: Finding<MissingOutboundData>[] = [];
    doc.model.services.forEach((service, index) => {
      // A missing `authentications` key is missing-key's; a non-list is invalid-value's.
      if (!service.authenticationsKeySpan || !authenticationsSeq(service)) return;
      const directions = service.authentications.map(directionOf);
      // An entry whose direction cannot be read may be the outbound one: its direction is reported instead.
      if (directions.includes('outbound') || directions.includes(undefined)) return;
      findings.push({
        span: service.authenticationsKeySpan,
        message: `${capitalize(serviceLabel(doc, service))} has no \`outbound\` authentication entry: add one per app.\nWithout it Contact Pro cannot send through the Conversation API. Add one per app: Authentication ID \`{KeyID}@{APPID}\` (Key ID from Sinch dashboard Settings > Access keys, App ID from Conversation API > Apps, in capitals), Password the access key's secret (${SC_SERVICES} > [service] > Authentication).`,
        data: { service: index },
      });
    });
    return findings;
  },
  fixes(finding, doc) {
    const service = doc.model.services[finding.data?.service ?? -1];
    const seq = service && authenticationsSeq(service);
    if (!service || !seq) return [];
    const edit = insertListItemsEdit(doc, seq, [outboundEntry(doc, service)], 'start');
    if (!edit) return [];
    // The key ID and often the app ID are placeholders to fill in: offered, never applied automatically.
    return [{ title: 'Insert an outbound authentication entry', edits: [edit] }];
  },
});
