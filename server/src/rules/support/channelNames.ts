// Channels as admins write them in an app's `channels`: the Conversation API's names, and the common (or
// Contact Pro subchannel) names some write instead, which invalid-value corrects and the relations read as meant.
import { CHANNEL_NAMES } from '../../schema/domain';
import { isOneOf } from '../../util/oneOf';

/** Channels written by their common (or Contact Pro subchannel) name, with the Conversation API's name for them. */
export const CHANNEL_COMMON_NAMES: Readonly<Record<string, { channel: string; label: string }>> = {
  FACEBOOK: { channel: 'MESSENGER', label: 'Facebook Messenger' },
  FACEBOOK_MESSENGER: { channel: 'MESSENGER', label: 'Facebook Messenger' },
  FB_MESSENGER: { channel: 'MESSENGER', label: 'Facebook Messenger' },
  NATIVECHANNEL: { channel: 'SINCH_CHAT', label: 'Sinch Chat' },
  SINCHCHAT: { channel: 'SINCH_CHAT', label: 'Sinch Chat' },
  VIBER_BOT: { channel: 'VIBER', label: 'Viber Bot' },
  VIBERBOT: { channel: 'VIBER', label: 'Viber Bot' },
  VIBER_BUSINESS: { channel: 'VIBERBM', label: 'Viber Business Messages' },
  GOOGLE_RCS: { channel: 'RCS', label: 'Google RCS' },
  APPLE_MESSAGES: { channel: 'APPLEBC', label: 'Apple Messages for Business' },
  APPLE_BUSINESS_CHAT: { channel: 'APPLEBC', label: 'Apple Messages for Business' },
  KAKAO: { channel: 'KAKAOTALK', label: 'KakaoTalk' },
};

/** The channel a common name stands for (`facebook`, `Facebook Messenger` → MESSENGER). */
export function channelByCommonName(written: string): { channel: string; label: string } | undefined {
  const key = written
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return Object.prototype.hasOwnProperty.call(CHANNEL_COMMON_NAMES, key) ? CHANNEL_COMMON_NAMES[key] : undefined;
}

/** The channel a written item means: an API name in any case, or a common name; undefined when unknown. */
export function meantChannel(written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  const upper = written.trim().toUpperCase();
  if (isOneOf(CHANNEL_NAMES, upper)) return upper;
  return channelByCommonName(written)?.channel;
}
