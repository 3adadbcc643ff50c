import { subSpan } from '../../model/build';
import { replaceValueEdit } from '../edits/replaceValue';
import { APP_ID_PATTERN } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { authenticationIdLocation, serviceLabel, shown } from '../support/labels';
import { authenticationsWithDirection } from './directions';
import { readText } from '../support/fieldText';
import { DASHBOARD_ACCESS_KEYS } from '../support/vocabulary';

interface OutboundIdData {
  service: number;
  entry: number;
  /** `{KeyID}@{APPID}` when the ID looks swapped (`APPID@KeyID`). */
  swapped?: string;
  /** The ID without the white space a paste left in it. */
  compact?: string;
}

/** What to write, for a first line. */
const WRITE = 'write `{KeyID}@{APPID}`';
const EXPECTED = `Expected \`{KeyID}@{APPID}\`: the Key ID (${DASHBOARD_ACCESS_KEYS}), \`@\`, then the App ID in capitals (Conversation API > Apps)`;
const KEY_PLACEHOLDER = /[[\]{}<>]|^(your[_-]?)?key[_-]?id$/i;

export default defineRule<OutboundIdData>({
  name: 'outbound-authentication-id',
  severity: 'error',
  summary: 'An outbound Authentication ID is not `{KeyID}@{APPID}`.',
  check(doc) {
    const findings: Finding<OutboundIdData>[] = [];
    authenticationsWithDirection(doc, 'outbound').forEach(({ service, serviceIndex, auth, entryIndex }) => {
      const field = auth.authenticationId;
      if (!field) return; // missing-key's
      const data = { service: serviceIndex, entry: entryIndex };
      const where = authenticationIdLocation(service);
      const { text, notText } = readText(field);
      if (notText) {
        findings.push({
          span: notText.span,
          message: `The outbound Authentication ID ${notText.problem}: ${WRITE}.\nIt is the one of ${serviceLabel(doc, service)}. ${EXPECTED} ${where}.`,
          data,
        });
        return;
      }
      const whole = subSpan(field, 0, text.length);
      const ats = [...text].filter((c) => c === '@').length;
      if (ats === 0) {
        const hint = APP_ID_PATTERN.test(text.trim().toUpperCase())
          ? ' This looks like an App ID alone: put the Key ID and `@` before it.'
          : '';
        findings.push({
          span: whole,
          message: `The outbound Authentication ID has no \`@\`: ${WRITE}.\nIt is \`${shown(text)}\`. ${EXPECTED} ${where}.${hint}`,
          data,
        });
        return;
      }
      if (ats > 1) {
        findings.push({
          span: whole,
          message: `The outbound Authentication ID has ${ats} \`@\`; it must have exactly one: ${WRITE}.\nIt is \`${shown(text)}\`. ${EXPECTED} ${where}.`,
          data,
        });
        return;
      }
      const at = text.indexOf('@');
      const keyId = text.slice(0, at);
      const appId = text.slice(at + 1);
      if (
        keyId.trim() !== '' &&
        appId.trim() !== '' &&
        APP_ID_PATTERN.test(keyId.toUpperCase()) &&
        !APP_ID_PATTERN.test(appId.toUpperCase())
      ) {
        // An inference from the shape of the two parts (docs/sources.md#authentication-entries): a warning, worded as
        // such.
        findings.push({
          span: whole,
          severity: 'warning',
          message: `The outbound Authentication ID looks swapped: write the Key ID first, \`{KeyID}@{APPID}\`.\nIt is \`${shown(text)}\`: the part before \`@\` looks like an App ID and the part after like a Key ID. Write \`${shown(`${appId}@${keyId}`)}\` ${where}.`,
          data: { ...data, swapped: `${appId}@${keyId}` },
        });
        return;
      }
      if (keyId === '') {
        findings.push({
          span: subSpan(field, at, at + 1),
          message: `The outbound Authentication ID has no Key ID before the \`@\`: ${WRITE}.\nIt is \`${shown(text)}\`. ${EXPECTED} ${where}.`,
          data,
        });
        return;
      }
      if (appId === '') {
        findings.push({
          span: subSpan(field, at, at + 1),
          message: `The outbound Authentication ID has no App ID after the \`@\`: ${WRITE}.\nIt is \`${shown(text)}\`. ${EXPECTED} ${where}.`,
          data,
        });
        return;
      }
      const space = /\s+/.exec(text);
      if (space) {
        findings.push({
          span: subSpan(field, space.index, space.index + space[0].length),
          message: `The outbound Authentication ID contains white space: remove it (SC compares it character by character).\nIt is \`${shown(text.trim())}\`. ${EXPECTED} ${where}.`,
          data: { ...data, compact: text.replace(/\s+/g, '') },
        });
        return;
      }
      if (KEY_PLACEHOLDER.test(keyId)) {
        findings.push({
          span: subSpan(field, 0, at),
          message: `\`${shown(keyId)}\` is a placeholder: put your access key's Key ID before the \`@\` (Sinch dashboard: Settings > Access keys) ${where}.`,
          data,
        });
      }
    });
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    const field = doc.model.services[data?.service ?? -1]?.authentications[data?.entry ?? -1]?.authenticationId;
    if (data?.compact && field?.text?.replace(/\s+/g, '') === data.compact) {
      const edit = replaceValueEdit(doc, field, data.compact);
      // An Authentication ID never holds white space: removing it is certain (as for a queue address).
      return edit
        ? [{ title: 'Remove the white space from the Authentication ID', edits: [edit], preferred: true, fixAll: true }]
        : [];
    }
    if (!data?.swapped || !field) return [];
    const edit = replaceValueEdit(doc, field, data.swapped);
    if (!edit) return [];
    return [{ title: `Swap to ${data.swapped}`, edits: [edit], preferred: true, fixAll: true }];
  },
});
