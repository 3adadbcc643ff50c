import { insertListItemsEdit } from '../edits/insertListItem';
import { defineRule, type Finding } from '../types';
import { authenticationsSeq, inboundEntry, servicesWithout } from './authenticationEntries';
import { SC_SERVICES } from '../support/vocabulary';
import { serviceLabel, capitalize } from '../support/labels';

interface MissingInboundData {
  service: number;
}

export default defineRule<MissingInboundData>({
  name: 'missing-inbound-authentication',
  severity: 'error',
  summary: 'A messaging service has no `inbound` authentication entry (the webhook).',
  check(doc) {
    const findings: Finding<MissingInboundData>[] = [];
    servicesWithout(doc, 'inbound').forEach(({ service, index, span }) => {
      findings.push({
        span,
        message: `${capitalize(serviceLabel(doc, service))} has no \`inbound\` authentication entry: add one.\nWithout it Contact Pro cannot verify the webhooks Sinch sends, so no messages arrive. Add one: Authentication ID \`webhook\`, Password the webhook secret token of the apps it serves (Sinch dashboard: Conversation API > Apps > [the app] > Webhook > Secret token; ${SC_SERVICES} > [service] > Authentication).`,
        data: { service: index },
      });
    });
    return findings;
  },
  fixes(finding, doc) {
    const index = finding.data?.service ?? -1;
    const service = doc.model.services[index];
    const seq = service && authenticationsSeq(service);
    const entry = service && inboundEntry(doc, service, index);
    if (!service || !seq || !entry) return [];
    const edit = insertListItemsEdit(doc, seq, [entry], 'end');
    if (!edit) return [];
    // Built from the tenant; the secret is a reference to set in the environment.
    return [{ title: 'Insert an inbound authentication entry (webhook)', edits: [edit], preferred: true }];
  },
});
