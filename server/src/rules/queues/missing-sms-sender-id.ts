import { isScalar } from 'yaml';
import { subSpan } from '../../model/build';
import { defineRule, type Finding } from '../types';
import { insertKeyEdit } from '../edits/insertKey';
import { addressEntries, isSmsAddress, splitAddress } from './address';

interface MissingSmsSenderIdData {
  /** Whether the key is absent (the fix inserts it) rather than present with an empty value. */
  absent: boolean;
}

export default defineRule<MissingSmsSenderIdData>({
  name: 'missing-sms-sender-id',
  severity: 'error',
  summary: 'An SMS address of a US app (a US number) has no `smsSenderId`.',
  check(doc) {
    const findings: Finding<MissingSmsSenderIdData>[] = [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const address = entry.address;
      const text = address?.text?.trim();
      if (!address?.text || !text || !isSmsAddress(text)) continue;
      const app = splitAddress(text)!.app.toUpperCase();
      if (!app || doc.relations.appRegion(app)?.toLowerCase() !== 'us') continue;
      const regionFrom = doc.relations.declaredApps.get(app)?.region?.text
        ? 'its `conversationApi` entry says `region: us`'
        : 'the messaging service that serves it connects to `us.conversation.api.sinch.com`';
      const sender = entry.smsSenderId;
      if (sender?.node && !isScalar(sender.node)) continue; // a mapping or list: the schema check reports its shape
      if (sender && sender.text !== undefined && sender.text.trim() !== '') continue;
      findings.push(
        sender
          ? {
              span: sender.keySpan,
              message:
                `\`smsSenderId\` is empty. App ${app} is in the US region (${regionFrom}), so this SMS address is a US number and ` +
                'Contact Pro needs its SMS sender ID: the number Sinch set up for the app (you cannot choose it: ask Sinch), ' +
                'e.g. `"+12025550143"` or a 5–6 digit short code. Enter it in SC: Queue Management > Queues > [queue] > Numbers/Addresses > SMS sender ID.',
              data: { absent: false },
            }
          : {
              span: subSpan(address, 0, address.text.length),
              message:
                `This SMS address has no \`smsSenderId\`. App ${app} is in the US region (${regionFrom}), so the address is a US number ` +
                'and Contact Pro needs an SMS sender ID: the number Sinch set up for the app (you cannot choose it: ask Sinch), ' +
                'e.g. `"+12025550143"` or a 5–6 digit short code. Add `smsSenderId` under the address, and in SC: Queue Management > Queues > [queue] > Numbers/Addresses > SMS sender ID.',
              data: { absent: true },
            },
      );
    }
    return findings;
  },
  fixes(finding, doc) {
    if (!finding.data?.absent) return [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const address = entry.address;
      if (!address || entry.smsSenderId) continue;
      if (finding.span.start < address.span.start || finding.span.end > address.span.end) continue;
      const edit = insertKeyEdit(doc, entry.node, { key: 'smsSenderId', value: { raw: '""' } }, { after: address });
      if (!edit) return [];
      return [
        {
          title: 'Insert an empty `smsSenderId` after the address',
          edits: [edit],
          // Preferred (it is the way to resolve this), but never in fix-all: an empty sender ID is not a value.
          preferred: true,
        },
      ];
    }
    return [];
  },
});
