import { isScalar, isSeq } from 'yaml';
import { subSpan } from '../../model/build';
import type { Field } from '../../model/types';
import { SUBCHANNELS, SUBCHANNEL_NAMES, type Subchannel } from '../../schema/domain';
import { closestMatch } from '../../util/closest';
import type { Span } from '../../util/span';
import { defineRule, type Finding, type QuickFix } from '../types';
import { SC_QUEUE_ADDRESSES } from '../support/vocabulary';
import {
  addressEntries,
  CANONICAL_DOMAIN,
  isSubchannel,
  splitAddress,
  SUBCHANNEL_ALIASES,
  type AddressParts,
} from './address';

type Problem =
  | 'empty'
  | 'not-text'
  | 'white-space'
  | 'no-at'
  | 'several-at'
  | 'empty-app'
  | 'no-subchannel'
  | 'subchannel-case'
  | 'unknown-subchannel'
  | 'wechat'
  | 'no-domain'
  | 'domain-case'
  | 'wrong-domain'
  | 'not-conversation-api';

interface QueueAddressFormatData {
  problem: Problem;
  /** The text that replaces the finding's range (the wrong part only), when a fix is known. */
  replacement?: string;
  /** Whether the replacement is certainly right (an alias, a case or a domain fix; not a typo guess). */
  certain?: boolean;
  /** Insert the replacement at the end of the finding's range instead of replacing it. */
  insertAtEnd?: boolean;
  /** The corrected address, for the fix's title. */
  corrected?: string;
}

const WHERE = SC_QUEUE_ADDRESSES;
const SHAPE = `\`{APPID}@{subchannel}.${CANONICAL_DOMAIN}\``;
const SUBCHANNEL_LIST = SUBCHANNEL_NAMES.map((s) => `\`${s}\``).join(', ');

export default defineRule<QueueAddressFormatData>({
  name: 'queue-address-format',
  severity: 'error',
  summary: `A queue address is not ${SHAPE} with a known subchannel and the \`${CANONICAL_DOMAIN}\` domain.`,
  check(doc) {
    const findings: Finding<QueueAddressFormatData>[] = [];
    for (const { entry } of addressEntries(doc.model.queues)) {
      const field = entry.address;
      if (field) findings.push(...checkAddress(field));
    }
    return findings;
  },
  fixes(finding) {
    const data = finding.data;
    if (!data || data.replacement === undefined) return [];
    const fix: QuickFix = {
      title: fixTitle(data),
      edits: [
        {
          span: data.insertAtEnd ? { start: finding.span.end, end: finding.span.end } : finding.span,
          newText: data.replacement,
        },
      ],
    };
    if (data.certain) {
      fix.preferred = true;
      fix.fixAll = true;
    }
    return [fix];
  },
});

function fixTitle(data: QueueAddressFormatData): string {
  const to = data.corrected ? ` (${data.corrected})` : '';
  switch (data.problem) {
    case 'white-space':
      return 'Remove the white space from the address';
    case 'subchannel-case':
    case 'domain-case':
      return `Lowercase to \`${data.replacement}\``;
    case 'unknown-subchannel':
      return `Change the subchannel to \`${data.replacement}\`${to}`;
    case 'no-domain':
      return `Append \`${data.replacement}\``;
    default:
      return `Change the domain to \`${data.replacement}\`${to}`;
  }
}

/** What every step of checkAddress needs: the address field, its text, and how to place a range inside it. */
interface Address {
  field: Field;
  text: string;
  /** The range of the text's characters `from` to `to` (the whole value when its offsets are not exact). */
  at: (from: number, to: number) => Span;
  /** A fix's data, kept only when the text's offsets are exact (escapes make a replacement's range unsure). */
  fixable: (data: QueueAddressFormatData) => QueueAddressFormatData;
}

/**
 * The address's findings, in order: its shape as a whole (text, white space, one `@`), then the app ID, then
 * what follows the `@` (the subchannel, then the domain).
 */
function checkAddress(field: Field): Finding<QueueAddressFormatData>[] {
  const text = field.text;
  if (text === undefined) return [notText(field)];
  if (text.trim() === '') return [empty(field)];
  const exact = field.textStart !== undefined;
  const address: Address = {
    field,
    text,
    at: (from, to) => subSpan(field, from, to),
    fixable: (d) => (exact ? d : { problem: d.problem }),
  };
  if (/\s/.test(text)) return [whiteSpace(address)];
  const parts = splitAddress(text);
  if (!parts) return [noAt(address)];
  if (parts.atCount > 1) return [severalAt(address, parts)];
  return [...checkAppId(address, parts), ...checkAfterAt(address, parts)];
}

/**
 * A mapping or list where the address belongs, or no value at all (`address:`): the schema check leaves the
 * address to this rule (it owns the key).
 */
function notText(field: Field): Finding<QueueAddressFormatData> {
  if (!field.node || isScalar(field.node)) return empty(field);
  return {
    span: field.keySpan,
    message: `The queue address should be text, ${SHAPE}, not a ${isSeq(field.node) ? 'list' : 'mapping'}. Copy it from ${WHERE}.`,
    data: { problem: 'not-text' },
  };
}

function whiteSpace({ text, at, fixable }: Address): Finding<QueueAddressFormatData> {
  const compact = text.replace(/\s+/g, '');
  return {
    span: at(0, text.length),
    message: `The queue address contains white space: remove it (Contact Pro matches addresses exactly).\nIt is \`${text}\`. Expected ${SHAPE}, without spaces.`,
    data: fixable({ problem: 'white-space', replacement: compact, certain: true }),
  };
}

function noAt({ text, at }: Address): Finding<QueueAddressFormatData> {
  return {
    span: at(0, text.length),
    message: `The queue address \`${text}\` has no \`@\`. Expected ${SHAPE}: the app ID (Sinch dashboard: Conversation API > Apps), \`@\`, then the channel's subchannel, e.g. \`01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp.${CANONICAL_DOMAIN}\`.`,
    data: { problem: 'no-at' },
  };
}

function severalAt({ text, at }: Address, parts: AddressParts): Finding<QueueAddressFormatData> {
  return {
    span: at(0, text.length),
    message: `The queue address has ${parts.atCount} \`@\`: write exactly one, between the app ID and the subchannel.\nIt is \`${text}\`. Expected ${SHAPE}.`,
    data: { problem: 'several-at' },
  };
}

function checkAppId({ text, at }: Address, parts: AddressParts): Finding<QueueAddressFormatData>[] {
  if (parts.app !== '') return [];
  return [
    {
      span: at(parts.at, parts.at + 1),
      message: `The queue address \`${text}\` has no app ID before the \`@\`. Expected ${SHAPE}, with the app ID in capitals from the Sinch dashboard (Conversation API > Apps).`,
      data: { problem: 'empty-app' },
    },
  ];
}

/** How the subchannel of an address reads: lowercased, and the subchannel it stands for when it is not one. */
interface SubchannelReading {
  lower: string;
  /** The subchannel an alias stands for (`messenger` → facebook). */
  alias: Subchannel | undefined;
  /** The closest subchannel to a name that is neither a subchannel, an alias nor `wechat`. */
  typo: Subchannel | undefined;
  span: Span;
}

/** The subchannel after the `@` and then the domain; a missing subchannel or a foreign domain is one finding. */
function checkAfterAt(address: Address, parts: AddressParts): Finding<QueueAddressFormatData>[] {
  const { text, at } = address;
  const lower = parts.sub.toLowerCase();
  // `APPID@sinchconversation.com`, `APPID@`, `APPID@.sinchconversation.com`: the subchannel is missing.
  if (parts.after === '' || parts.sub === '' || lower === 'sinchconversation') {
    return [
      {
        span: parts.after === '' ? at(parts.at, parts.at + 1) : at(parts.subStart, text.length),
        message: `The queue address \`${text}\` has no subchannel after the \`@\`. Expected ${SHAPE}, where the subchannel names the channel: ${SUBCHANNEL_LIST}.`,
        data: { problem: 'no-subchannel' },
      },
    ];
  }
  const alias = Object.prototype.hasOwnProperty.call(SUBCHANNEL_ALIASES, lower) ? SUBCHANNEL_ALIASES[lower] : undefined;
  const typo =
    alias || isSubchannel(lower) || lower === 'wechat'
      ? undefined
      : (closestMatch(lower, SUBCHANNEL_NAMES) as Subchannel | undefined);
  const sinchDomain = /sinch/i.test(parts.after);
  if (!isSubchannel(lower) && !alias && !typo && lower !== 'wechat' && !sinchDomain && parts.domain !== undefined) {
    // `support@acme.com`: not a Conversation API address at all; one finding, not one per part.
    return [
      {
        span: at(parts.subStart, text.length),
        message: `\`${parts.after}\` is not a Conversation API queue address domain. Expected ${SHAPE}, with a subchannel among ${SUBCHANNEL_LIST}.`,
        data: { problem: 'not-conversation-api' },
      },
    ];
  }
  const reading: SubchannelReading = {
    lower,
    alias,
    typo,
    span: at(parts.subStart, parts.subStart + parts.sub.length),
  };
  return [...checkSubchannel(address, parts, reading), ...checkDomain(address, parts, reading)];
}

function checkSubchannel(
  { fixable }: Address,
  parts: AddressParts,
  { lower, alias, typo, span }: SubchannelReading,
): Finding<QueueAddressFormatData>[] {
  if (isSubchannel(lower)) {
    if (parts.sub === lower) return [];
    return [
      {
        span,
        severity: 'warning',
        message: `Write the subchannel \`${parts.sub}\` in lowercase, \`${lower}\`, as Contact Pro lists it.\nAn address that differs in case may not match the incoming messages.`,
        data: fixable({ problem: 'subchannel-case', replacement: lower, certain: true }),
      },
    ];
  }
  if (lower === 'wechat') {
    return [
      {
        span,
        severity: 'warning',
        message: `\`${parts.sub}\`: Contact Pro documents no subchannel for WeChat, so this address is a guess.\nContact Pro lists WeChat among its verified channels. Check the exact address with Sinch; the documented subchannels are ${SUBCHANNEL_LIST}.`,
        data: { problem: 'wechat' },
      },
    ];
  }
  const suggestion = alias ?? typo;
  const reason = alias
    ? ` Contact Pro's subchannel for ${SUBCHANNELS[alias].label} is \`${alias}\`.`
    : suggestion
      ? ` Did you mean \`${suggestion}\` (${SUBCHANNELS[suggestion].label})?`
      : '';
  return [
    {
      span,
      message: `Unknown subchannel \`${parts.sub}\` in the queue address.${reason} Contact Pro's subchannels are ${SUBCHANNEL_LIST} (${WHERE}).`,
      data: suggestion
        ? fixable({
            problem: 'unknown-subchannel',
            replacement: suggestion,
            certain: !!alias,
            corrected: corrected(parts, suggestion, parts.domain ?? CANONICAL_DOMAIN),
          })
        : { problem: 'unknown-subchannel' },
    },
  ];
}

function checkDomain(
  { text, at, fixable }: Address,
  parts: AddressParts,
  { span }: SubchannelReading,
): Finding<QueueAddressFormatData>[] {
  if (parts.domain === undefined) {
    return [
      {
        span,
        message: `The queue address ends after the subchannel: add \`.${CANONICAL_DOMAIN}\`.\nIt is \`${text}\`. Expected ${SHAPE}.`,
        data: fixable({ problem: 'no-domain', replacement: `.${CANONICAL_DOMAIN}`, certain: true, insertAtEnd: true }),
      },
    ];
  }
  const domainSpan = at(parts.domainStart, text.length);
  if (parts.domain.toLowerCase() === CANONICAL_DOMAIN) {
    if (parts.domain === CANONICAL_DOMAIN) return [];
    return [
      {
        span: domainSpan,
        severity: 'warning',
        message: `Write the domain \`${parts.domain}\` in lowercase, \`${CANONICAL_DOMAIN}\`.\nAn address that differs in case may not match the incoming messages.`,
        data: fixable({ problem: 'domain-case', replacement: CANONICAL_DOMAIN, certain: true }),
      },
    ];
  }
  return [
    {
      span: domainSpan,
      message: `Wrong domain \`${parts.domain}\` in the queue address: write \`${CANONICAL_DOMAIN}\`.\nConversation API addresses end in it (${SHAPE}).`,
      data: fixable({
        problem: 'wrong-domain',
        replacement: CANONICAL_DOMAIN,
        certain: true,
        corrected: corrected(parts, parts.sub),
      }),
    },
  ];
}

/** The address with its subchannel and domain replaced, for a fix's title. */
function corrected(parts: AddressParts, sub: string, domain = CANONICAL_DOMAIN): string {
  return `${parts.app}@${sub}.${domain}`;
}

function empty(field: Field): Finding<QueueAddressFormatData> {
  return {
    span: field.span.end > field.span.start ? field.span : field.keySpan,
    message: `The queue address is empty. Expected ${SHAPE}, e.g. \`01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp.${CANONICAL_DOMAIN}\`, as in ${WHERE}.`,
    data: { problem: 'empty' },
  };
}
