import { insertListItemsEdit } from '../edits/insertListItem';
import { defineRule, type Finding } from '../types';
import { authenticationsSeq, outboundEntry, servicesWithout } from './authenticationEntries';
import { SC_SERVICES } from '../support/vocabulary';
import { serviceLabel, capitalize } from '../support/labels';

interface MissingOutboundData {
  service: number;
}

export default defineRule<MissingOutboundData>({
  name: 'missing-outbound-authentication',
  severity: 'error',
  summary: 'A messaging service has no `outbound` authentication entry.',
  check(doc) {
    const findings: Finding<MissingOutboundData>[] = [];
    servicesWithout(doc, 'outbound').forEach(({ service, index, span }) => {
      findings.push({
        span,
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
