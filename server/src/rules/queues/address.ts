// Splitting a queue address `{APPID}@{subchannel}.sinchconversation.com` into its parts, with offsets into
// the address text, and the subchannel aliases admins write instead of Contact Pro's names (shared by the
// queue rules, so each reads an address the same way).
import { QUEUE_ADDRESS_DOMAIN, SUBCHANNEL_NAMES, type Subchannel } from '../../schema/domain';
import type { QueueAddressModel, QueueModel } from '../../model/types';
import { isOtherChannelAddress } from '../../model/build';
import { isOneOf } from '../../util/oneOf';

export interface AddressParts {
  /** The text before the first `@` (the app ID). */
  app: string;
  /** Offset of the first `@`. */
  at: number;
  /** How many `@` the address has. */
  atCount: number;
  /** The text after the first `@`. */
  after: string;
  /** The first label after `@` (the subchannel), and where it starts. */
  sub: string;
  subStart: number;
  /** The text after the subchannel's dot (the domain), and where it starts; undefined when there is no dot. */
  domain: string | undefined;
  domainStart: number;
}

/** The parts of an address, or undefined when it has no `@`. */
export function splitAddress(text: string): AddressParts | undefined {
  const at = text.indexOf('@');
  if (at < 0) return undefined;
  const after = text.slice(at + 1);
  const dot = after.indexOf('.');
  const subStart = at + 1;
  return {
    app: text.slice(0, at),
    at,
    atCount: text.split('@').length - 1,
    after,
    sub: dot < 0 ? after : after.slice(0, dot),
    subStart,
    domain: dot < 0 ? undefined : after.slice(dot + 1),
    domainStart: dot < 0 ? text.length : subStart + dot + 1,
  };
}

/**
 * Names admins use for a channel, mapped to Contact Pro's subchannel (docs/rules/queue-address-format.md;
 * docs/sources.md#channels-and-subchannels).
 */
export const SUBCHANNEL_ALIASES: Readonly<Record<string, Subchannel>> = {
  messenger: 'facebook',
  'facebook-messenger': 'facebook',
  'sinch-chat': 'nativechannel',
  sinchchat: 'nativechannel',
  sinch_chat: 'nativechannel',
  chat: 'nativechannel',
  'google-rcs': 'rcs',
  viberbot: 'viber-bot',
};

export function isSubchannel(name: string): name is Subchannel {
  return isOneOf(SUBCHANNEL_NAMES, name);
}

/** The subchannel an address names: its own (case-insensitively) or the one its alias stands for. */
export function resolvedSubchannel(parts: AddressParts): Subchannel | undefined {
  const lower = parts.sub.toLowerCase();
  if (isSubchannel(lower)) return lower;
  return Object.prototype.hasOwnProperty.call(SUBCHANNEL_ALIASES, lower) ? SUBCHANNEL_ALIASES[lower] : undefined;
}

/** Whether an address is meant for the Conversation API (its domain part mentions Sinch). */
export function isSinchAddress(text: string | undefined): boolean {
  const parts = text === undefined ? undefined : splitAddress(text);
  return !!parts && /sinch/i.test(parts.after);
}

export const CANONICAL_DOMAIN = QUEUE_ADDRESS_DOMAIN;

/** Every Conversation API address entry of the file with its queue, in file order (not an email queue's addresses). */
export function* addressEntries(
  queues: readonly QueueModel[],
): Generator<{ queue: QueueModel; entry: QueueAddressModel }> {
  for (const queue of queues)
    for (const entry of queue.addresses) if (!isOtherChannelAddress(queue, entry)) yield { queue, entry };
}

/** Whether an entry's address is an SMS address (subchannel `sms`, in any case). */
export function isSmsAddress(text: string | undefined): boolean {
  const parts = text === undefined ? undefined : splitAddress(text.trim());
  return !!parts && parts.sub.toLowerCase() === 'sms';
}
