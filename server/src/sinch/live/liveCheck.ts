// The live check: the file compared with what the Sinch project holds, as findings at the file's lines.
// Pure: the project's snapshot and the environment (for `${env:…}` webhook secrets, compared in memory and
// reported only as "differs") come in; nothing is fetched here.
import type { AppModel, Field, WebhookModel } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { isContactProWebhookUrl } from '../../model/urls';
import { normalizeUrl } from '../../rules/support/contactProWebhooks';
import { MAX_WEBHOOKS_PER_APP } from '../../schema/domain';
import type { Severity } from '../../rules/types';
import type { Span } from '../../util/span';
import type { ApiWebhook, LiveApp, ProjectSnapshot } from '../api';
import { resolveSecret } from '../secretValues';
import { liveChannels } from '../import/liveEntries';

/** The live rules: names start with `live-`, so they never clash with the file's own rules. */
export const LIVE_RULES = {
  'live-connection': {
    severity: 'error',
    summary: 'The live check could not read the Sinch project (network, access key, rate limit, server).',
  },
  'live-project': {
    severity: 'info',
    summary: 'The file names no conversationApi.projectId, so there is nothing to compare with Sinch.',
  },
  'live-unknown-app': { severity: 'error', summary: 'An app in the file that the Sinch project does not have.' },
  'live-app-not-in-file': { severity: 'info', summary: 'An app of the Sinch project that the file does not list.' },
  'live-app-region': { severity: 'error', summary: 'An app lives in a different region than the file says.' },
  'live-processing-mode': { severity: 'warning', summary: "An app's processing mode differs from the file." },
  'live-channels': { severity: 'warning', summary: "The channels configured on an app differ from the file's list." },
  'live-webhook-missing': { severity: 'error', summary: 'The Contact Pro webhook is missing on an app.' },
  'live-webhook-target': { severity: 'warning', summary: 'No webhook of the app has the target the file names.' },
  'live-webhook-triggers': { severity: 'warning', summary: "A webhook's triggers differ from the file." },
  'live-webhook-target-type': { severity: 'warning', summary: "A webhook's target type differs from the file." },
  'live-webhook-limit': { severity: 'warning', summary: 'An app has more than 5 webhooks.' },
  'live-webhook-secret': {
    severity: 'warning',
    summary: "A webhook's secret differs from the value of the variable the file names.",
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type LiveRuleName = keyof typeof LIVE_RULES;
export const LIVE_RULE_NAMES = Object.keys(LIVE_RULES) as LiveRuleName[];

export interface LiveFinding {
  rule: LiveRuleName;
  severity: Severity;
  span: Span;
  message: string;
}

function finding(
  rule: LiveRuleName,
  span: Span,
  message: string,
  severity: Severity = LIVE_RULES[rule].severity,
): LiveFinding {
  return { rule, severity, span, message };
}

/** Where a finding about the whole project goes: the projectId value, else the conversationApi key, else the start. */
export function projectAnchor(doc: ParsedDocument): Span {
  const api = doc.model.conversationApi;
  return (
    api?.projectId?.span ?? api?.keySpan ?? { start: 0, end: Math.min(doc.text.indexOf('\n') >>> 0, doc.text.length) }
  );
}

export function liveCheck(doc: ParsedDocument, snapshot: ProjectSnapshot, env: NodeJS.ProcessEnv): LiveFinding[] {
  const findings: LiveFinding[] = [];
  const apps = doc.model.conversationApi?.apps ?? [];
  const inFile = new Set(apps.map((a) => a.appId?.text?.toUpperCase()).filter(Boolean));
  for (const app of apps) {
    const id = app.appId?.text;
    if (!id || !app.appId) continue;
    const live = snapshot.apps.find((a) => a.app.id?.toUpperCase() === id.toUpperCase());
    if (!live) {
      findings.push(
        finding(
          'live-unknown-app',
          app.appId.span,
          `The Sinch project has no app \`${id}\`: check the ID, or remove the app from the file.\nProject ${snapshot.projectId} has no such app in any region (us, eu, br); see the Sinch dashboard (Conversation API > Apps).`,
        ),
      );
      continue;
    }
    checkApp(doc, app, live, env, findings);
  }
  const missing = snapshot.apps.filter((a) => !inFile.has(a.app.id?.toUpperCase()));
  if (missing.length && doc.model.conversationApi) {
    const list = missing
      .map((a) => `\`${a.app.id}\`${a.app.display_name ? ` (${a.app.display_name}, ${a.region})` : ` (${a.region})`}`)
      .join(', ');
    findings.push(
      finding(
        'live-app-not-in-file',
        projectAnchor(doc),
        `The project has ${missing.length === 1 ? 'an app' : `${missing.length} apps`} the file does not list: ${list}. Run "Import Apps from Sinch" (sinchcp import) to add ${missing.length === 1 ? 'it' : 'them'}.`,
      ),
    );
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
}

function checkApp(
  doc: ParsedDocument,
  app: AppModel,
  live: LiveApp,
  env: NodeJS.ProcessEnv,
  findings: LiveFinding[],
): void {
  const id = live.app.id!;
  const region = app.region?.text?.toLowerCase();
  if (region && region !== live.region) {
    findings.push(
      finding(
        'live-app-region',
        app.region!.span,
        `App \`${id}\` lives in region \`${live.region}\` in Sinch, not \`${region}\`: write \`region: ${live.region}\`.\nAn app never changes region: serve it from a messaging service on ${live.region}.conversation.api.sinch.com.`,
      ),
    );
  }
  const mode = app.processingMode?.text;
  if (mode && live.app.processing_mode && mode !== live.app.processing_mode) {
    findings.push(
      finding(
        'live-processing-mode',
        app.processingMode!.span,
        `App \`${id}\` runs in processing mode \`${live.app.processing_mode}\` in Sinch, not \`${mode}\`.\nSinch dashboard: Conversation API > Apps > [the app] > Processing mode.`,
      ),
    );
  }
  if (app.channels) {
    const declared = new Set(app.channels.items.map((i) => i.text).filter((t): t is string => !!t));
    const actual = new Set(liveChannels(live));
    const notLive = [...declared].filter((c) => !actual.has(c));
    const notInFile = [...actual].filter((c) => !declared.has(c));
    if (notLive.length || notInFile.length) {
      const parts = [
        notLive.length ? `Not configured in Sinch: ${notLive.join(', ')}` : '',
        notInFile.length
          ? `${notLive.length ? 'c' : 'C'}onfigured in Sinch but not listed: ${notInFile.join(', ')}`
          : '',
      ].filter(Boolean);
      findings.push(
        finding(
          'live-channels',
          listSpan(
            app.channels.keySpan,
            app.channels.items.map((i) => i.span),
          ),
          `The channels of app \`${id}\` differ from Sinch.\n${parts.join('; ')}. Sinch has: [${[...actual].join(', ')}].`,
        ),
      );
    }
  }
  const appAnchor = app.appId!.span;
  if (live.webhooks.length > MAX_WEBHOOKS_PER_APP) {
    findings.push(
      finding(
        'live-webhook-limit',
        app.webhooksKeySpan ?? appAnchor,
        `App \`${id}\` has ${live.webhooks.length} webhooks in Sinch; Sinch allows ${MAX_WEBHOOKS_PER_APP} per app. Remove the ones no system uses (Sinch dashboard: Conversation API > Apps > [the app] > Webhooks).`,
      ),
    );
  }
  const contactProTarget = expectedContactProTarget(doc, app);
  let contactProReported = false;
  for (const webhook of app.webhooks) {
    const target = webhook.target?.text;
    if (!target || !webhook.target) continue;
    const remote = live.webhooks.find((w) => w.target && normalizeUrl(w.target) === normalizeUrl(target));
    const isContactPro =
      isContactProWebhookUrl(target) ||
      (contactProTarget !== undefined && normalizeUrl(target) === normalizeUrl(contactProTarget));
    if (!remote) {
      if (isContactPro) {
        contactProReported = true;
        findings.push(
          finding(
            'live-webhook-missing',
            webhook.target.span,
            `App \`${id}\` has no webhook to this Contact Pro URL in Sinch: create it.\nContact Pro receives none of its messages. ${liveTargets(live.webhooks)} Create it with "Sinch CP: Plan Webhook Changes" (sinchcp webhooks plan/apply) or in the Sinch dashboard.`,
          ),
        );
      } else {
        findings.push(
          finding(
            'live-webhook-target',
            webhook.target.span,
            `No webhook of app \`${id}\` targets this URL in Sinch.\n${liveTargets(live.webhooks)}`,
          ),
        );
      }
      continue;
    }
    if (isContactPro) contactProReported = true;
    checkWebhook(webhook, remote, id, env, findings);
  }
  if (
    !contactProReported &&
    contactProTarget &&
    !live.webhooks.some((w) => w.target && normalizeUrl(w.target) === normalizeUrl(contactProTarget))
  ) {
    findings.push(
      finding(
        'live-webhook-missing',
        appAnchor,
        `App \`${id}\` has no webhook to its Contact Pro URL in Sinch: create it.\nIt has no webhook to ${contactProTarget} (the targetUrl of the service that serves it), so Contact Pro receives none of its messages. ${liveTargets(live.webhooks)} Create it with "Sinch CP: Plan Webhook Changes" (sinchcp webhooks plan/apply).`,
      ),
    );
  }
}

function checkWebhook(
  webhook: WebhookModel,
  remote: ApiWebhook,
  id: string,
  env: NodeJS.ProcessEnv,
  findings: LiveFinding[],
): void {
  if (webhook.triggers) {
    const declared = new Set(webhook.triggers.items.map((i) => i.text).filter((t): t is string => !!t));
    const actual = new Set(remote.triggers ?? []);
    if (declared.size !== actual.size || [...declared].some((t) => !actual.has(t))) {
      findings.push(
        finding(
          'live-webhook-triggers',
          listSpan(
            webhook.triggers.keySpan,
            webhook.triggers.items.map((i) => i.span),
          ),
          `In Sinch this webhook of app \`${id}\` has the triggers [${[...actual].join(', ')}], not [${[...declared].join(', ')}].`,
        ),
      );
    }
  }
  const declaredType = webhook.targetType?.text ?? 'HTTP';
  const actualType = remote.target_type ?? 'HTTP';
  if (declaredType !== actualType) {
    findings.push(
      finding(
        'live-webhook-target-type',
        (webhook.targetType ?? webhook.target!).span,
        `In Sinch this webhook of app \`${id}\` has target type \`${actualType}\`, not \`${declaredType}\`${actualType === 'DISMISS' ? ' (DISMISS: Sinch sends it no events)' : ''}.`,
      ),
    );
  }
  checkSecret(webhook.secret, remote, id, env, findings);
}

function checkSecret(
  field: Field | undefined,
  remote: ApiWebhook,
  id: string,
  env: NodeJS.ProcessEnv,
  findings: LiveFinding[],
): void {
  const secret = resolveSecret(field, env);
  if (secret.kind === 'none' || !field) return;
  if (secret.kind === 'unset') {
    findings.push(
      finding(
        'live-webhook-secret',
        field.span,
        `The secret of this webhook was not compared with Sinch: ${secret.variable} is not set in the environment.`,
        'info',
      ),
    );
    return;
  }
  if (remote.secret === undefined) {
    findings.push(
      finding(
        'live-webhook-secret',
        field.span,
        `The secret of this webhook was not compared: Sinch did not return it (not returned by the API).`,
        'info',
      ),
    );
    return;
  }
  if (remote.secret !== secret.value) {
    findings.push(
      finding(
        'live-webhook-secret',
        field.span,
        `The secret of this webhook in Sinch differs from ${secret.label}: set the same value in both.\nApp \`${id}\`: set it in the Sinch dashboard (Conversation API > Apps > [the app] > Webhook > Secret token) and in SC, or run the webhook plan.`,
      ),
    );
  }
}

/** The targetUrl of the first service serving the app that has one. */
function expectedContactProTarget(doc: ParsedDocument, app: AppModel): string | undefined {
  const services = doc.relations.servingServices.get(app.appId!.text!.toUpperCase()) ?? [];
  for (const service of services) {
    for (const auth of doc.relations.inboundAuthentications(service)) {
      if (auth.targetUrl?.text?.trim()) return auth.targetUrl.text.trim();
    }
  }
  return undefined;
}

function liveTargets(webhooks: readonly ApiWebhook[]): string {
  if (!webhooks.length) return 'The app has no webhooks in Sinch.';
  return `Its webhooks in Sinch target: ${webhooks.map((w) => w.target ?? '(none)').join(', ')}.`;
}

/** The key and its items, as one span (the key alone when the list is empty). */
function listSpan(keySpan: Span, items: readonly Span[]): Span {
  const last = items[items.length - 1];
  return { start: keySpan.start, end: last ? Math.max(last.end, keySpan.end) : keySpan.end };
}
