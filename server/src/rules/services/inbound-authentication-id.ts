import { subSpan } from '../../model/build';
import { replaceValueEdit } from '../edits/replaceValue';
import { APP_ID_PATTERN, INBOUND_AUTHENTICATION_ID } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { authenticationIdLocation, serviceLabel, shown } from '../support/labels';
import { authenticationsWithDirection } from './directions';
import { readText } from '../support/fieldText';

interface InboundIdData {
  service: number;
  entry: number;
  /** Whether the value is a near miss of `webhook` (case, plural, spaces), so setting it is certainly right. */
  certain: boolean;
}

export default defineRule<InboundIdData>({
  name: 'inbound-authentication-id',
  severity: 'error',
  summary: 'An inbound Authentication ID is not exactly `webhook`.',
  check(doc) {
    const findings: Finding<InboundIdData>[] = [];
    authenticationsWithDirection(doc, 'inbound').forEach(({ service, serviceIndex, auth, entryIndex }) => {
      const field = auth.authenticationId;
      if (!field || field.text === INBOUND_AUTHENTICATION_ID) return;
      const where = authenticationIdLocation(service);
      const { text, notText } = readText(field);
      if (notText) {
        findings.push({
          span: notText.span,
          message: `The inbound Authentication ID ${notText.problem}: write \`webhook\`.\nIt is the literal \`webhook\` for ${serviceLabel(doc, service)} ${where}.`,
          data: { service: serviceIndex, entry: entryIndex, certain: notText.empty },
        });
        return;
      }
      const near = /^webhooks?$/i.test(text.trim());
      const reason = text.includes('@')
        ? ' This looks like an outbound ID (`{KeyID}@{APPID}`): is `direction` right?'
        : text !== text.trim()
          ? ' Remove the white space around it.'
          : near
            ? ' SC compares it exactly: lowercase and singular.'
            : APP_ID_PATTERN.test(text.toUpperCase())
              ? ' This looks like an App ID; App IDs go in the outbound entries (`{KeyID}@{APPID}`).'
              : '';
      findings.push({
        span: subSpan(field, 0, text.length),
        message:
          `The inbound Authentication ID must be exactly \`webhook\` (lowercase).\n` +
          `It is \`${shown(text)}\` (${where.replace(/^\((.*)\)$/, '$1')}).${reason}`,
        data: { service: serviceIndex, entry: entryIndex, certain: !text.includes('@') },
      });
    });
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    const field = doc.model.services[data?.service ?? -1]?.authentications[data?.entry ?? -1]?.authenticationId;
    if (!data || !field) return [];
    const edit = replaceValueEdit(doc, field, INBOUND_AUTHENTICATION_ID);
    if (!edit) return [];
    return [{ title: 'Set to `webhook`', edits: [edit], preferred: data.certain, fixAll: data.certain }];
  },
});
