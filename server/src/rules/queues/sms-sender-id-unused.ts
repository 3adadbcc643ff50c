import { defineRule, type Finding } from '../types';
import { removeField } from '../edits/removeField';
import { addressEntries, resolvedSubchannel, splitAddress } from './address';
import { SUBCHANNELS } from '../../schema/domain';

interface SmsSenderIdUnusedData {
  /** The address's subchannel (known, not `sms`). */
  subchannel: string;
}

export default defineRule<SmsSenderIdUnusedData>({
  name: 'sms-sender-id-unused',
  severity: 'warning',
  summary: '`smsSenderId` on an address that is not an SMS address.',
  check(doc) {
    const findings: Finding<SmsSenderIdUnusedData>[] = [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const sender = entry.smsSenderId;
      const parts = entry.address?.text === undefined ? undefined : splitAddress(entry.address.text.trim());
      if (!sender || !parts) continue;
      // Only when the address clearly names another channel: with an unknown subchannel (`smss`) the admin may
      // have meant `sms`, and queue-address-format says so.
      const subchannel = resolvedSubchannel(parts);
      if (!subchannel || subchannel === 'sms') continue;
      findings.push({
        span: sender.keySpan,
        message:
          `\`smsSenderId\` is not used on a ${SUBCHANNELS[subchannel].label} address (\`${parts.sub}\`): remove it.\n` +
          'Contact Pro uses an SMS sender ID only for `sms` addresses. Remove it, or check the subchannel if this was meant to be an SMS address.',
        data: { subchannel },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    for (const { entry } of addressEntries(doc.model.queues)) {
      const sender = entry.smsSenderId;
      if (!sender || sender.keySpan.start !== finding.span.start) continue;
      const edit = removeField(doc, entry.node, sender);
      // Not in fix-all: removing a value is right only when the subchannel is; the admin decides.
      return edit ? [{ title: 'Remove `smsSenderId`', edits: [edit] }] : [];
    }
    return [];
  },
});
