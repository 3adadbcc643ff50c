// The project the tests seed the double with, typed with the official SDK's own models so the double's
// answers have the shape the SDK (and Sinch) use. Every secret here is a marker string that tests search for
// in outputs, logs and files: none may ever appear there.
import type { Conversation } from '@sinch/sdk-core';
import { SinchDouble, type DoubleKey, type DoubleProject, type SeedApp } from './double';

export const PROJECT_ID = 'c36f3d3d-1513-4edd-ae42-11995557ff61';
export const FOREIGN_PROJECT_ID = '9b1c0f4e-2222-4a5b-8c6d-7e8f90a1b2c3';
export const KEY_ID = '5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08';
export const KEY_SECRET = 'KEYSECRET-never-printed-4b8e';
export const EU_APP = '01HZX3K7M2Q9V5B8N4T6W1R0CD';
export const US_APP = '01ER4ABSP36WG80BMAR2CN1XEY';
export const CP_TARGET = 'https://login-eu-c1.cc.sinch.com/acme/sms/sinchconversation/all';
export const EU_WEBHOOK_SECRET = 'WHSECRET-eu-never-printed-91c2';
export const US_WEBHOOK_SECRET = 'WHSECRET-us-never-printed-55d0';
export const CHANNEL_TOKEN = 'CHANNELTOKEN-never-imported-a7f1';

/** Every secret value of the fixtures, for "never printed" assertions. */
export const SECRET_MARKERS = [KEY_SECRET, EU_WEBHOOK_SECRET, US_WEBHOOK_SECRET, CHANNEL_TOKEN];

export const KEY: DoubleKey = { keyId: KEY_ID, keySecret: KEY_SECRET, projects: [PROJECT_ID] };

const euApp: Conversation.AppResponse = {
  id: EU_APP,
  display_name: 'ACME support EU',
  processing_mode: 'DISPATCH',
  conversation_metadata_report_view: 'NONE',
  channel_credentials: [
    {
      channel: 'WHATSAPP',
      static_bearer: { claimed_identity: '447700900123', token: CHANNEL_TOKEN },
      callback_secret: '',
      state: { status: 'ACTIVE' },
    },
    { channel: 'MESSENGER', static_token: { token: CHANNEL_TOKEN }, state: { status: 'ACTIVE' } },
  ],
};

const usApp: Conversation.AppResponse = {
  id: US_APP,
  display_name: 'ACME SMS US',
  processing_mode: 'DISPATCH',
  channel_credentials: [
    {
      channel: 'SMS',
      static_bearer: { claimed_identity: 'sp-123', token: CHANNEL_TOKEN },
      state: { status: 'ACTIVE' },
    },
  ],
};

export function euWebhook(overrides: Partial<Conversation.Webhook> = {}): Conversation.Webhook {
  return {
    id: '01HZXWEBHOOKEU0000000000001',
    target: CP_TARGET,
    target_type: 'HTTP',
    secret: EU_WEBHOOK_SECRET,
    triggers: ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'],
    ...overrides,
  };
}

export function usWebhook(overrides: Partial<Conversation.Webhook> = {}): Conversation.Webhook {
  return {
    id: '01ERWEBHOOKUS00000000000001',
    target: CP_TARGET,
    target_type: 'HTTP',
    secret: US_WEBHOOK_SECRET,
    triggers: ['MESSAGE_DELIVERY', 'MESSAGE_INBOUND'],
    ...overrides,
  };
}

/** The clean project: the two apps of the README's example, each with its Contact Pro webhook. */
export function cleanProject(changes: { eu?: Partial<SeedApp>; us?: Partial<SeedApp> } = {}): DoubleProject {
  return {
    projectId: PROJECT_ID,
    apps: [
      { region: 'eu', app: euApp, webhooks: [euWebhook()], ...changes.eu },
      { region: 'us', app: usApp, webhooks: [usWebhook()], ...changes.us },
    ],
  };
}

export function foreignProject(): DoubleProject {
  return {
    projectId: FOREIGN_PROJECT_ID,
    apps: [{ region: 'eu', app: { ...euApp, id: '01JFOREIGN0000000000000000' } }],
  };
}

export async function startDouble(project: DoubleProject = cleanProject()): Promise<SinchDouble> {
  const double = new SinchDouble([KEY], [project, foreignProject()]);
  await double.start();
  return double;
}

/** The environment a CLI run against the double gets. */
export function doubleEnv(double: SinchDouble, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SINCH_KEY_ID: KEY_ID,
    SINCH_KEY_SECRET: KEY_SECRET,
    SINCHCP_AUTH_URL: double.authUrl,
    SINCHCP_CONVERSATION_URL: double.conversationTemplate,
    ...extra,
  };
}
