import { subSpan } from '../../model/build';
import { replaceValueEdit } from '../edits/replaceValue';
import { SERVICE_TYPE } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { shown, serviceLabel } from '../support/labels';
import { readText } from '../support/fieldText';
import { SC_SERVICES } from '../support/vocabulary';

interface ServiceTypeData {
  service: number;
  replaceable: boolean;
}

/** Other types on the same SC screen (docs/sources.md#messaging-services). */
const OTHER_TYPES = new Set([
  'facebook',
  'c4semail',
  'c4semailv2',
  'sinchsms',
  'wavy',
  'twilio',
  'sap365',
  'social365',
  'microsoft teams',
  'msteams',
  'teams',
]);

export default defineRule<ServiceTypeData>({
  name: 'service-type',
  severity: 'error',
  summary: "A messaging service's `type` is not `sinchconversation`.",
  check(doc) {
    const findings: Finding<ServiceTypeData>[] = [];
    doc.model.services.forEach((service, index) => {
      const field = service.type;
      if (!field || field.text === SERVICE_TYPE) return; // a missing type is missing-key's
      const where = `In ${SC_SERVICES} > Add New, choose \`${SERVICE_TYPE}\`.`;
      const { text, notText } = readText(field);
      if (notText) {
        findings.push({
          span: notText.span,
          message: `The service type ${notText.problem}: write \`${SERVICE_TYPE}\`.\nIt is the type of ${serviceLabel(doc, service)}; the Conversation API service type is \`${SERVICE_TYPE}\`. ${where}`,
          data: { service: index, replaceable: notText.empty },
        });
        return;
      }
      const lower = text.trim().toLowerCase();
      const reason =
        text.trim() === SERVICE_TYPE
          ? 'remove the white space around it: SC compares the type exactly'
          : lower === SERVICE_TYPE
            ? `the type name is lowercase in SC: \`${SERVICE_TYPE}\``
            : lower === 'sinchsms'
              ? `it is SC's SMS connector; write \`${SERVICE_TYPE}\``
              : OTHER_TYPES.has(lower)
                ? `another SC service type; write \`${SERVICE_TYPE}\``
                : `the Conversation API service type is \`${SERVICE_TYPE}\``;
      findings.push({
        span: subSpan(field, 0, text.length),
        message: `Messaging service type \`${shown(text)}\`: ${reason}.\nIt is the type of ${serviceLabel(doc, service)}. ${where}`,
        data: { service: index, replaceable: true },
      });
    });
    return findings;
  },
  fixes(finding, doc) {
    const field = doc.model.services[finding.data?.service ?? -1]?.type;
    if (!finding.data?.replaceable || !field) return [];
    const edit = replaceValueEdit(doc, field, SERVICE_TYPE);
    if (!edit) return [];
    return [{ title: `Set type to \`${SERVICE_TYPE}\``, edits: [edit], preferred: true, fixAll: true }];
  },
});
