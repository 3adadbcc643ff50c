import { subSpan } from '../../model/build';
import { parseServiceConnection } from '../../model/urls';
import { replaceValueEdit } from '../edits/replaceValue';
import { defineRule, type Finding, type QuickFix } from '../types';
import { shown, serviceLabel } from '../support/labels';
import { agreedAppRegion, isContactProRegion, mapRegion } from '../support/regions';
import { SC_SERVICES } from '../support/vocabulary';
import { SERVICE_HOST } from '../support/urls';

interface ServiceConnectionRegionData {
  service: number;
  /** Offsets of the label inside the URL text, so the fix replaces only the label. */
  from: number;
  to: number;
  /** The labels to offer, first the alias mapping, then the declared region of the apps; one = certain. */
  candidates: string[];
  /** Whether the finding's span is the label alone (the URL text's offsets are exact). */
  exact: boolean;
}

export default defineRule<ServiceConnectionRegionData>({
  name: 'service-connection-region',
  severity: 'error',
  summary:
    "The Service Connection host's region is not `eu` or `us` (`br` is a real region Contact Pro does not document).",
  check(doc) {
    const findings: Finding<ServiceConnectionRegionData>[] = [];
    doc.model.services.forEach((service, index) => {
      const field = service.serviceConnection;
      const parts = field?.text !== undefined ? parseServiceConnection(field.text) : undefined;
      // Only a `{label}.conversation.api.sinch.com` host has a region label; other hosts are the format rule's.
      if (!field?.text || !parts || parts.hostRest.toLowerCase() !== SERVICE_HOST) return;
      const label = parts.region.text;
      const lower = label.toLowerCase();
      if (isContactProRegion(lower)) return;
      const from = parts.region.start;
      const to = from + label.length;
      const span = label
        ? subSpan(field, from, to)
        : subSpan(field, parts.host.start, parts.host.start + parts.host.text.length);
      const exact = field.textStart !== undefined;
      const name = serviceLabel(doc, service);
      if (lower === 'br') {
        findings.push({
          span,
          severity: 'warning',
          message: `The Service Connection uses region \`br\` (Brazil), which Contact Pro does not document.\nService: ${name}. It is a real Conversation API region, but Contact Pro documents only \`eu\` and \`us\` here, so it may not be supported: check with Sinch before going live, or use an app in \`eu\` or \`us\`.`,
          data: { service: index, from, to, candidates: [], exact },
        });
        return;
      }
      const candidates: string[] = [];
      const mapped = mapRegion(label);
      if (mapped && mapped !== 'br') candidates.push(mapped);
      const apps = agreedAppRegion(doc, service);
      if (apps && !candidates.includes(apps)) candidates.push(apps);
      const hint = mapped && mapped !== 'br' ? ` \`${shown(label)}\` usually stands for \`${mapped}\`.` : '';
      const appsHint = apps ? ` The apps this service serves are declared in \`${apps}\` (conversationApi).` : '';
      findings.push({
        span,
        message:
          `${label ? `\`${shown(label)}\` is not a Conversation API region` : 'The region label is missing'}: write \`eu\` or \`us\` (\`eu.${SERVICE_HOST}\`).\n` +
          `It is in the Service Connection host of ${name}. Write the region the apps were created in (Sinch dashboard: Conversation API > Apps).${hint}${appsHint} (${SC_SERVICES} > [service] > Basics > Service Connection)`,
        data: { service: index, from, to, candidates, exact },
      });
    });
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    const field = doc.model.services[data?.service ?? -1]?.serviceConnection;
    if (!data || !field?.text || !data.candidates.length) return [];
    const certain = data.candidates.length === 1;
    return data.candidates.flatMap((region): QuickFix[] => {
      const url = field.text!.slice(0, data.from) + region + field.text!.slice(data.to);
      const edit = data.exact
        ? { span: { start: field.textStart! + data.from, end: field.textStart! + data.to }, newText: region }
        : replaceValueEdit(doc, field, url);
      if (!edit) return [];
      return [{ title: `Set the region to \`${region}\``, edits: [edit], preferred: certain, fixAll: certain }];
    });
  },
});
