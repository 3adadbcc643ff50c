import { subSpan } from '../../model/build';
import { defineRule, type Finding, type QuickFix } from '../types';
import { replaceValueEdit } from '../edits/replaceValue';
import { addressEntries, isSmsAddress, splitAddress } from './address';
import { SC_QUEUE_ADDRESSES } from '../support/vocabulary';

type Problem = 'alphanumeric' | 'formatted' | 'national' | 'not-nanp';

interface SmsSenderIdFormatData {
  problem: Problem;
  /** The normalised `+1NXXNXXXXXX`, when the value is a NANP number written another way. */
  normalized?: string;
}

/** docs/sources.md#sms-sender-id: NANP 10DLC / toll-free, with or without `+`. */
const NANP = /^\+?1[2-9]\d{2}[2-9]\d{6}$/;
/** docs/sources.md#sms-sender-id: a US short code. */
const SHORT_CODE = /^\d{5,6}$/;
/** NXXNXXXXXX: a NANP number without its country code. */
const NATIONAL = /^[2-9]\d{2}[2-9]\d{6}$/;
/** A NANP number once spaces, dashes, brackets and dots are dropped: optional `+1` / `001` / `1`, then NXXNXXXXXX. */
const NANP_LOOSE = /^(?:\+1|001|1)?([2-9]\d{2}[2-9]\d{6})$/;
const FORMATTING = /[\s\-().\u2010-\u2013]/g;

const WHERE = `${SC_QUEUE_ADDRESSES} > SMS sender ID`;

export default defineRule<SmsSenderIdFormatData>({
  name: 'sms-sender-id-format',
  severity: 'error',
  summary: 'A US SMS sender ID is not a NANP number (`+1NXXNXXXXXX`) or a 5–6 digit short code.',
  check(doc) {
    const findings: Finding<SmsSenderIdFormatData>[] = [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const sender = entry.smsSenderId;
      const address = entry.address?.text?.trim();
      // Empty values are missing-sms-sender-id's; non-SMS addresses are sms-sender-id-unused's.
      if (!sender || sender.text === undefined || sender.text.trim() === '' || !address || !isSmsAddress(address))
        continue;
      const app = splitAddress(address)!.app.toUpperCase();
      // Outside the US any sender (alphanumeric included) may be valid; with no known region, nothing to check.
      if (!app || doc.relations.appRegion(app)?.toLowerCase() !== 'us') continue;
      const value = sender.text;
      if (NANP.test(value) || SHORT_CODE.test(value)) continue;
      const span = subSpan(sender, 0, value.length);
      const compact = value.replace(FORMATTING, '');
      const loose = NANP_LOOSE.exec(compact);
      if (NATIONAL.test(value)) {
        // A US sender is a number in E.164 form (country code 1); a 10-digit national number is not one.
        findings.push({
          span,
          message:
            `The SMS sender ID \`${value}\` has no country code. A US sender is written in E.164 form with the ` +
            `country code 1, \`+1${value}\` (or \`1${value}\`) (${WHERE}).`,
          data: { problem: 'national', normalized: `+1${value}` },
        });
      } else if (loose) {
        findings.push({
          span,
          message:
            `The SMS sender ID \`${value}\` is written with spaces, dashes, brackets or dots. ` +
            `Enter the US number as digits only, \`+1${loose[1]}\` (${WHERE}).`,
          data: { problem: 'formatted', normalized: `+1${loose[1]}` },
        });
      } else if (/[A-Za-z]/.test(value)) {
        findings.push({
          span,
          message:
            `The SMS sender ID \`${value}\` is alphanumeric, but US carriers do not accept alphanumeric senders. ` +
            'Use the number Sinch set up for the app: a 10DLC or toll-free number `+1NXXNXXXXXX` (e.g. `+12025550143`), ' +
            `or a 5–6 digit short code (${WHERE}).`,
          data: { problem: 'alphanumeric' },
        });
      } else {
        findings.push({
          span,
          message:
            `The SMS sender ID \`${value}\` is not a US number: write \`+1NXXNXXXXXX\` or a short code.\n` +
            'Expected a NANP number (N is 2–9, e.g. `+12025550143`) or a 5–6 digit short code. The app is in the US region, so Sinch sends from a US number ' +
            `(${WHERE}).`,
          data: { problem: 'not-nanp' },
        });
      }
    }
    return findings;
  },
  fixes(finding, doc) {
    const normalized = finding.data?.normalized;
    if (!normalized) return [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const sender = entry.smsSenderId;
      if (!sender || finding.span.start < sender.span.start || finding.span.end > sender.span.end) continue;
      // Quoted, so YAML keeps the `+` (a plain +12025550143 is read as a number).
      const edit = replaceValueEdit(doc, sender, normalized);
      if (!edit) return [];
      const fix: QuickFix = { title: `Change the sender ID to \`${normalized}\``, edits: [edit], preferred: true };
      // Reformatting the same digits is certain; adding a country code Contact Pro may not want is not.
      if (finding.data!.problem === 'formatted') fix.fixAll = true;
      return [fix];
    }
    return [];
  },
});
