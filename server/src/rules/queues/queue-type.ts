import { isScalar } from 'yaml';
import { subSpan } from '../../model/build';
import { defineRule, type Finding, type QuickFix } from '../types';
import { replaceValueEdit } from '../edits/replaceValue';
import { isSinchAddress } from './address';

interface QueueTypeData {
  /** Whether the queue has Conversation API addresses (then `chat` is certainly right). */
  sinch: boolean;
}

const CHAT = 'chat';

export default defineRule<QueueTypeData>({
  name: 'queue-type',
  severity: 'error',
  summary: 'A queue with Conversation API addresses is not `type: chat`.',
  check(doc) {
    const findings: Finding<QueueTypeData>[] = [];
    for (const queue of doc.model.queues) {
      const type = queue.type;
      if (!type) continue; // a missing key is missing-key's
      const sinch = queue.addresses.some((entry) => isSinchAddress(entry.address?.text?.trim()));
      const name = queue.name?.text ? `Queue \`${queue.name.text}\`` : 'This queue';
      if (type.node && !isScalar(type.node)) {
        findings.push({
          span: type.keySpan,
          message: `The queue type should be the word \`${CHAT}\`, not a mapping or list.\n(SC: Queue Management > Queues > Add New > chat queue).`,
          data: { sinch },
        });
        continue;
      }
      const text = type.text;
      if (text === undefined || text.trim() === '') {
        // The schema check leaves this key to this rule, so an empty type is reported whatever the addresses.
        findings.push({
          span: type.span.end > type.span.start ? type.span : type.keySpan,
          message: `${name} has no type. Conversation API addresses are received by chat queues: \`type: ${CHAT}\` (SC: Queue Management > Queues > Add New > chat queue).`,
          data: { sinch },
        });
        continue;
      }
      if (!sinch || text === CHAT) continue;
      findings.push({
        span: subSpan(type, 0, text.length),
        message:
          `${name} has type \`${text}\`, but its addresses need a chat queue: write \`${CHAT}\`.\n` +
          `Its addresses are Conversation API addresses (\`…sinchconversation.com\`), which only a chat queue receives. Set \`type: ${CHAT}\`; in SC, create it as a chat queue (Queue Management > Queues > Add New).`,
        data: { sinch },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    for (const queue of doc.model.queues) {
      const type = queue.type;
      if (!type) continue;
      const covers =
        (finding.span.start >= type.span.start && finding.span.end <= type.span.end) ||
        finding.span.start === type.keySpan.start;
      if (!covers) continue;
      const edit = replaceValueEdit(doc, type, CHAT);
      if (!edit) return [];
      const fix: QuickFix = { title: `Set the queue type to \`${CHAT}\``, edits: [edit] };
      if (finding.data?.sinch) {
        fix.preferred = true;
        fix.fixAll = true;
      }
      return [fix];
    }
    return [];
  },
});
