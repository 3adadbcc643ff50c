import { subSpan } from '../../model/build';
import { replaceValueEdit, valueSpan } from '../edits/replaceValue';
import { SERVICE_TYPE } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { hasNoValue, notTextProblem, SC_SERVICES, serviceLabel, shown } from './shared';

interface ServiceTypeData { service: number; replaceable: boolean }

/** Other types on the same SC screen (domain-facts §6.3). */
const OTHER_TYPES = new Set(['facebook', 'c4semail', 'c4semailv2', 'sinchsms', 'wavy', 'twilio', 'sap365', 'social365', 'microsoft teams', 'msteams', 'teams']);

export default defineRule<ServiceTypeData>({
  name: 'service-type',
  severity: 'error',
  summary: 'A messaging service\'s `type` is not `sinchconversation`.',
  check(doc) {
    const findings: Finding<ServiceTypeData>[] = [];
    doc.model.services.forEach((service, index) => {
      const field = service.type;
      if (!field || field.text === SERVICE_TYPE) return; // a missing type is missing-key's
      const where = `In ${SC_SERVICES} > Add New, choose \`${SERVICE_TYPE}\`.`;
      const text = field.text;
      if (text === undefined) {
        const empty = hasNoValue(field);
        findings.push({
          span: valueSpan(field),
          message: `The type of ${serviceLabel(doc, service)} ${notTextProblem(field)}: the Conversation API service type is \`${SERVICE_TYPE}\`. ${where}`,
          data: { service: index, replaceable: empty },
        });
        return;
      }
      const lower = text.trim().toLowerCase();
      const reason = text.trim() === SERVICE_TYPE
        ? 'remove the white space around it: SC compares the type exactly'
        : lower === SERVICE_TYPE
        ? `the type name is lowercase in SC: \`${SERVICE_TYPE}\``
        : lower === 'sinchsms'
          ? `\`sinchsms\` is SC's SMS connector, not the Conversation API; this file describes \`${SERVICE_TYPE}\` services`
          : OTHER_TYPES.has(lower)
            ? `\`${shown(text)}\` is another SC service type; this file describes Conversation API services, type \`${SERVICE_TYPE}\``
            : `the Conversation API service type is \`${SERVICE_TYPE}\``;
      findings.push({
        span: subSpan(field, 0, text.length),
        message: `Messaging service type \`${shown(text)}\` of ${serviceLabel(doc, service)}: ${reason}. ${where}`,
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
