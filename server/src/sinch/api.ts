// The parts of the Conversation API's JSON that sinchcp reads and writes (snake_case, as on the wire). Only
// what the import, the live check and the webhook plan need; everything else in an answer is ignored, and
// channel credentials are never read beyond the channel's name.
import type { Region } from '../schema/domain';

export const API_REGIONS: readonly Region[] = ['us', 'eu', 'br'];

export interface ApiChannelCredential {
  channel?: string;
}

export interface ApiApp {
  id?: string;
  display_name?: string;
  processing_mode?: string;
  channel_credentials?: ApiChannelCredential[];
}

export interface ApiWebhook {
  id?: string;
  app_id?: string;
  target?: string;
  target_type?: string;
  /** Absent, empty or masked in some answers: a client must not rely on it. */
  secret?: string;
  triggers?: string[];
}

/** The fields of a webhook sinchcp may write: the others (client_credentials…) stay as they are. */
export type WebhookField = 'target' | 'triggers' | 'secret' | 'target_type';

export interface WebhookWrite {
  app_id: string;
  target: string;
  triggers: string[];
  secret?: string;
  target_type?: string;
}

/** One app of the project as the API describes it, with the region whose host answered for it. */
export interface LiveApp {
  region: Region;
  app: ApiApp;
  webhooks: ApiWebhook[];
}

/** What the project holds in all three regions. */
export interface ProjectSnapshot {
  projectId: string;
  apps: LiveApp[];
}
