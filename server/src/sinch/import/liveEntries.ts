// What an imported app looks like in the file: its exact ID, name, region, processing mode, the channels
// configured on it and its webhooks — each webhook secret as an `${env:…}` reference, never the value, and
// nothing of the channel credentials but the channel's name.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { InsertEntry } from '../../rules/edits/values';
import { envStem } from '../../rules/webhooks/secretSites';
import { isContactProWebhookUrl } from '../../model/urls';
import { CHANNEL_NAMES, ENV_REFERENCE_PATTERN } from '../../schema/domain';
import type { ApiWebhook, LiveApp } from '../api';
import { normalizeUrl } from '../../rules/support/contactProWebhooks';
import { isOneOf } from '../../util/oneOf';

/** The channels of a live app, in the app's priority order, as the file names them (unknown ones left out). */
export function liveChannels(live: LiveApp): string[] {
  const names = (live.app.channel_credentials ?? []).map((c) => c.channel).filter((c): c is string => !!c);
  return [...new Set(names)].filter((c) => isOneOf(CHANNEL_NAMES, c));
}

/** Whether a live webhook is one that feeds Contact Pro (its URL shape, or a service's inbound targetUrl). */
export function isContactProTarget(doc: ParsedDocument | undefined, target: string | undefined): boolean {
  if (!target) return false;
  if (isContactProWebhookUrl(target)) return true;
  return !!doc && inboundTargets(doc).has(normalizeUrl(target));
}

function inboundTargets(doc: ParsedDocument): Set<string> {
  const set = new Set<string>();
  for (const service of doc.model.services) {
    for (const auth of doc.relations.inboundAuthentications(service)) {
      if (auth.targetUrl?.text) set.add(normalizeUrl(auth.targetUrl.text));
    }
  }
  return set;
}

/** The env-reference name of the Contact Pro webhook secret of a region when the file names none: SINCH_EU_WEBHOOK_SECRET. */
export function regionSecretName(region: string): string {
  return `SINCH_${region.toUpperCase()}_WEBHOOK_SECRET`;
}

/**
 * The `${env:…}` reference for a live webhook's secret: for a Contact Pro webhook, the one its app's service
 * already uses as inbound password (one secret per service), else the region's default name; for another
 * webhook, a name from the app's name and the webhook's position. Undefined when the webhook has no secret
 * and is not a Contact Pro one (nothing to refer to).
 */
export function secretReference(
  doc: ParsedDocument | undefined,
  live: LiveApp,
  webhook: ApiWebhook,
  index: number,
): string | undefined {
  if (isContactProTarget(doc, webhook.target)) {
    const named = doc ? serviceSecretReference(doc, live) : undefined;
    return named ?? `\${env:${regionSecretName(live.region)}}`;
  }
  if (!webhook.secret) return undefined;
  const stem = envStem(live.app.display_name ?? `APP_${live.app.id}`, 'APP');
  return `\${env:${stem}_WEBHOOK_${index + 1}_SECRET}`;
}

function serviceSecretReference(doc: ParsedDocument, live: LiveApp): string | undefined {
  const id = live.app.id?.toUpperCase() ?? '';
  const serving = doc.relations.servingServices.get(id) ?? [];
  const sameRegion = doc.model.services.filter((s) => doc.relations.serviceRegion(s) === live.region);
  for (const service of [...serving, ...sameRegion]) {
    for (const auth of doc.relations.inboundAuthentications(service)) {
      const text = auth.password?.text;
      if (text && ENV_REFERENCE_PATTERN.test(text)) return text;
    }
  }
  return undefined;
}

/** A live webhook as a file entry. */
export function webhookEntries(
  doc: ParsedDocument | undefined,
  live: LiveApp,
  webhook: ApiWebhook,
  index: number,
): InsertEntry[] {
  const entries: InsertEntry[] = [{ key: 'target', value: webhook.target ?? '' }];
  const secret = secretReference(doc, live, webhook, index);
  if (secret) entries.push({ key: 'secret', value: secret });
  entries.push({ key: 'triggers', value: { raw: flowList(webhook.triggers ?? []) } });
  if (webhook.target_type && webhook.target_type !== 'HTTP')
    entries.push({ key: 'targetType', value: webhook.target_type });
  return entries;
}

/** A live app as a file entry of `conversationApi.apps`. */
export function appEntries(doc: ParsedDocument | undefined, live: LiveApp): InsertEntry[] {
  const entries: InsertEntry[] = [{ key: 'appId', value: live.app.id ?? '' }];
  if (live.app.display_name) entries.push({ key: 'name', value: live.app.display_name });
  entries.push({ key: 'region', value: live.region });
  if (live.app.processing_mode) entries.push({ key: 'processingMode', value: live.app.processing_mode });
  entries.push({ key: 'channels', value: { raw: flowList(liveChannels(live)) } });
  if (live.webhooks.length) {
    entries.push({ key: 'webhooks', value: { list: live.webhooks.map((w, i) => webhookEntries(doc, live, w, i)) } });
  }
  return entries;
}

/** `[A, B]`: enum values only (channel and trigger names), safe as plain flow scalars. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((v) => (/^[A-Z0-9_]+$/.test(v) ? v : JSON.stringify(v))).join(', ')}]`;
}
