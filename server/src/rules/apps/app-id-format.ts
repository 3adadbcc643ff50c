import { APP_ID_PATTERN } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { valueSpan } from '../edits/replaceValue';

interface AppIdFormatData {
  /** Where the ID is written. */
  site: 'conversationApi' | 'outbound' | 'address';
}

const SITE_LABEL = {
  conversationApi: 'in conversationApi',
  outbound: 'in the outbound Authentication ID',
  address: 'in the queue address',
} as const;

/** What is off about an app ID, in a few words (it is compared uppercased: case is app-id-case's). */
function whatIsOff(upper: string): string {
  if (upper.length !== 26) return `it has ${upper.length} characters, not 26`;
  const bad = [...new Set(upper.replace(/[0-9A-HJKMNP-TV-Z]/g, ''))];
  if (bad.length)
    return `it contains ${bad.map((c) => (/\s/.test(c) ? 'white space' : `\`${c}\``)).join(', ')}, which Sinch never uses in app IDs`;
  return `it starts with \`${upper[0]}\`; app IDs start with 0–7`;
}

export default defineRule<AppIdFormatData>({
  name: 'app-id-format',
  severity: 'warning',
  summary: 'An app ID is not 26 Crockford base32 characters (the form Sinch generates).',
  check(doc) {
    const findings: Finding<AppIdFormatData>[] = [];
    for (const ref of doc.model.appIdReferences) {
      // The ID as meant: white space in it is the format rule's (queue-address-format, outbound-authentication-id).
      const upper = ref.id.toUpperCase();
      if (ref.site === 'conversationApi' && ref.field.text !== ref.id) {
        // No format rule owns `appId` but this one: white space in it (`"01HZ… "`) is reported here, once.
        findings.push({
          span: ref.field.span,
          message:
            `App ID \`${ref.field.text!.trim()}\` in conversationApi contains white space; Sinch app IDs have none. ` +
            'Remove it (copy the ID from the Sinch dashboard: Conversation API > Apps).',
          data: { site: ref.site },
        });
        continue;
      }
      if (APP_ID_PATTERN.test(upper)) continue;
      findings.push({
        span: ref.span,
        message:
          `App ID \`${ref.id}\` looks wrong: ${whatIsOff(upper)}. ` +
          `This is the app ID ${SITE_LABEL[ref.site]}. ` +
          'App IDs are usually 26 characters, digits and capital letters without I, L, O or U ' +
          '(e.g. `01HZX3K7M2Q9V5B8N4T6W1R0CD`). Copy it from the Sinch dashboard: Conversation API > Apps.',
        data: { site: ref.site },
      });
    }
    // An app whose appId is there but empty (or not a single value): the schema leaves appId's content to this rule.
    for (const app of doc.model.conversationApi?.apps ?? []) {
      const field = app.appId;
      if (!field || (field.text !== undefined && field.text.trim() !== '')) continue;
      findings.push({
        span: valueSpan(field),
        message:
          "`appId` has no value. Copy the app's ID from the Sinch dashboard: Conversation API > Apps " +
          '(26 characters, e.g. `01HZX3K7M2Q9V5B8N4T6W1R0CD`).',
        data: { site: 'conversationApi' },
      });
    }
    findings.sort((a, b) => a.span.start - b.span.start);
    return findings;
  },
});
