// The access key for the command line: SINCH_KEY_ID and SINCH_KEY_SECRET from the environment, never from
// the file or an argument (an argument shows in the process list and the shell history).
import type { SinchCredentials } from './client';

export type CredentialsResult = { ok: true; credentials: SinchCredentials } | { ok: false; reason: string };

export function credentialsFromEnv(env: NodeJS.ProcessEnv): CredentialsResult {
  const keyId = env.SINCH_KEY_ID?.trim();
  const keySecret = env.SINCH_KEY_SECRET;
  const missing = [!keyId && 'SINCH_KEY_ID', !keySecret && 'SINCH_KEY_SECRET'].filter(Boolean);
  if (missing.length) {
    return {
      ok: false,
      reason: `no Sinch access key: set ${missing.join(' and ')} (Sinch dashboard > Settings > Access keys) in the environment.`,
    };
  }
  return { ok: true, credentials: { keyId: keyId!, keySecret: keySecret! } };
}
