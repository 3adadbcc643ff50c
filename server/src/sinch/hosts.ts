// Where the client sends its requests. The defaults are Sinch's public hosts; the overrides
// (SINCHCP_AUTH_URL / SINCHCP_CONVERSATION_URL, or the matching VS Code settings) exist for tests and
// self-hosted proxies only.
import type { Region } from '../schema/domain';

export const DEFAULT_AUTH_URL = 'https://auth.sinch.com/oauth2/token';
export const DEFAULT_CONVERSATION_URL = 'https://{region}.conversation.api.sinch.com';

export interface SinchHosts {
  /** The full token endpoint URL. */
  authUrl: string;
  /** The Conversation API base URL; `{region}` is replaced by us, eu or br. */
  conversationUrl: string;
}

export function hostsFromEnv(env: NodeJS.ProcessEnv): SinchHosts {
  return {
    authUrl: env.SINCHCP_AUTH_URL?.trim() || DEFAULT_AUTH_URL,
    conversationUrl: env.SINCHCP_CONVERSATION_URL?.trim() || DEFAULT_CONVERSATION_URL,
  };
}

/** The base URL of one region's Conversation API, without a trailing slash. */
export function regionBaseUrl(conversationUrl: string, region: Region): string {
  return conversationUrl.replaceAll('{region}', region).replace(/\/+$/, '');
}
