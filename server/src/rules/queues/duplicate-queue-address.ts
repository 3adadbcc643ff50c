import { subSpan } from '../../model/build';
import type { QueueModel } from '../../model/types';
import { defineRule, type Finding } from '../types';
import { addressEntries } from './address';

interface DuplicateQueueAddressData {
  /** The address as first written, and the name of the queue that has it. */
  first: string;
  firstQueue?: string;
}

/**
 * Addresses are compared without regard to case: Sinch app IDs are uppercase (a lowercase one is
 * app-id-case's error, and once fixed the two entries are the same), and the subchannel and domain are a
 * host name, which is case-insensitive. Surrounding white space is ignored too.
 */
function addressKey(text: string): string {
  return text.trim().toUpperCase();
}

export default defineRule<DuplicateQueueAddressData>({
  name: 'duplicate-queue-address',
  severity: 'warning',
  summary: 'The same queue address appears twice in the file.',
  check(doc) {
    const findings: Finding<DuplicateQueueAddressData>[] = [];
    const seen = new Map<string, { text: string; queue: QueueModel; offset: number }>();
    for (const { queue, entry } of addressEntries(doc.model.queues)) {
      const field = entry.address;
      if (!field?.text || field.text.trim() === '') continue;
      const key = addressKey(field.text);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { text: field.text, queue, offset: field.span.start });
        continue;
      }
      const line = doc.textDocument.positionAt(first.offset).line + 1;
      const firstQueue = first.queue.name?.text;
      const message =
        first.queue === queue
          ? `This queue lists the same address twice: remove one of the two entries.\nThe address \`${field.text}\` is first on line ${line}; the second entry adds nothing.`
          : `This address is also in queue ${firstQueue ? `\`${firstQueue}\`` : 'above'} (line ${line}).\nThe address is \`${field.text}\`. ` +
            'An address usually belongs to one queue only, so its messages may reach only one of them: keep it in the queue ' +
            'that should receive them (SC: Queue Management > Queues > [queue] > Numbers/Addresses).';
      findings.push({
        span: subSpan(field, 0, field.text.length),
        message,
        data: { first: first.text, firstQueue },
      });
    }
    return findings;
  },
});
