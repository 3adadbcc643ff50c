// The webhook plan: what makes each app's Contact Pro webhook right, from the file — created with the serving
// service's targetUrl, the triggers Contact Pro needs and the service's webhook secret, or the existing one
// corrected (matched by target; a Contact Pro webhook with a wrong URL is corrected in place). Never deletes,
// never goes past Sinch's 5 webhooks per app, and updates only the fields it changes (update_mask).
// Secret values live only inside the changes' request fields; every text shown names the reference.
import type { AppModel, AuthenticationModel, ServiceModel } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { isContactProWebhookUrl } from '../../model/urls';
import { normalizeUrl } from '../../rules/support/contactProWebhooks';
import { CONTACT_PRO_TRIGGERS, MAX_WEBHOOKS_PER_APP, type Region } from '../../schema/domain';
import type { LiveApp, ProjectSnapshot, WebhookField, WebhookWrite } from '../api';
import type { SinchClient } from '../client';
import { resolveSecret } from '../secretValues';

export type WebhookChange =
  | { kind: 'create'; projectId: string; region: Region; appId: string; webhook: WebhookWrite; summary: string }
  | {
      kind: 'update';
      projectId: string;
      region: Region;
      appId: string;
      webhookId: string;
      fields: Partial<WebhookWrite>;
      mask: WebhookField[];
      summary: string;
    };

export interface WebhookPlan {
  changes: WebhookChange[];
  /** What the plan could not do, or did not compare, and why (one line each). */
  notes: string[];
}

interface Wanted {
  target: string;
  triggers: string[];
  secret: ReturnType<typeof resolveSecret>;
}

export function planWebhooks(doc: ParsedDocument, snapshot: ProjectSnapshot, env: NodeJS.ProcessEnv): WebhookPlan {
  const plan: WebhookPlan = { changes: [], notes: [] };
  for (const app of doc.model.conversationApi?.apps ?? []) {
    const id = app.appId?.text;
    if (!id) continue;
    const live = snapshot.apps.find((a) => a.app.id?.toUpperCase() === id.toUpperCase());
    const label = `app ${id}`;
    if (!live) {
      plan.notes.push(`${label}: not in project ${snapshot.projectId}; nothing planned.`);
      continue;
    }
    const wanted = wantedWebhook(doc, app, env);
    if (!wanted) {
      plan.notes.push(
        `${label}: no messaging service serves it with an inbound targetUrl, and the file lists no Contact Pro webhook for it; nothing planned.`,
      );
      continue;
    }
    planApp(plan, snapshot.projectId, live, wanted, `${label} (${live.region})`);
  }
  return plan;
}

/** The Contact Pro webhook the file asks for: the serving service's inbound entry, else the app's own Contact Pro webhook. */
function wantedWebhook(doc: ParsedDocument, app: AppModel, env: NodeJS.ProcessEnv): Wanted | undefined {
  const id = app.appId!.text!.toUpperCase();
  const services: ServiceModel[] = doc.relations.servingServices.get(id) ?? [];
  const inbound: AuthenticationModel | undefined = services
    .flatMap((s) => doc.relations.inboundAuthentications(s))
    .find((auth) => auth.targetUrl?.text);
  const fileWebhook = app.webhooks.find(
    (w) =>
      w.target?.text &&
      ((inbound?.targetUrl?.text && normalizeUrl(w.target.text) === normalizeUrl(inbound.targetUrl.text)) ||
        isContactProWebhookUrl(w.target.text)),
  );
  const target = inbound?.targetUrl?.text ?? fileWebhook?.target?.text;
  if (!target) return undefined;
  const listed =
    (fileWebhook?.triggers ?? inbound?.triggers)?.items.map((i) => i.text).filter((t): t is string => !!t) ?? [];
  const triggers = [...new Set([...listed, ...CONTACT_PRO_TRIGGERS])];
  const secret = resolveSecret(inbound?.password ?? fileWebhook?.secret, env);
  return { target: target.trim(), triggers, secret };
}

function planApp(plan: WebhookPlan, projectId: string, live: LiveApp, wanted: Wanted, label: string): void {
  const appId = live.app.id!;
  const byTarget = live.webhooks.find((w) => w.target && normalizeUrl(w.target) === normalizeUrl(wanted.target));
  // A Contact Pro webhook pointing at the wrong tenant or landscape is the one to correct, not a reason for a second.
  const existing = byTarget ?? live.webhooks.find((w) => w.target && isContactProWebhookUrl(w.target));
  const secretNote = (what: string) =>
    wanted.secret.kind === 'unset'
      ? `${label}: ${what}: the secret ${wanted.secret.label} cannot be used because ${wanted.secret.variable} is not set in the environment.`
      : `${label}: ${what}: the file gives no webhook secret for it (the service's inbound password).`;

  if (!existing) {
    if (live.webhooks.length >= MAX_WEBHOOKS_PER_APP) {
      plan.notes.push(
        `${label}: has ${live.webhooks.length} webhooks, Sinch's limit of ${MAX_WEBHOOKS_PER_APP}; the Contact Pro webhook cannot be added until one is removed in the Sinch dashboard (sinchcp never deletes one).`,
      );
      return;
    }
    if (wanted.secret.kind !== 'value') {
      plan.notes.push(secretNote('the Contact Pro webhook is missing but is not created'));
      return;
    }
    plan.changes.push({
      kind: 'create',
      projectId,
      region: live.region,
      appId,
      webhook: {
        app_id: appId,
        target: wanted.target,
        triggers: wanted.triggers,
        secret: wanted.secret.value,
        target_type: 'HTTP',
      },
      summary: `${label}: create the Contact Pro webhook ${wanted.target} with triggers [${wanted.triggers.join(', ')}], target type HTTP and the secret ${wanted.secret.label}`,
    });
    return;
  }
  const fields: Partial<WebhookWrite> = {};
  const mask: WebhookField[] = [];
  const what: string[] = [];
  if (existing !== byTarget) {
    fields.target = wanted.target;
    mask.push('target');
    what.push(`target ${existing.target} → ${wanted.target}`);
  }
  const liveTriggers = new Set(existing.triggers ?? []);
  if (wanted.triggers.some((t) => !liveTriggers.has(t))) {
    // Add what is missing; triggers the webhook has beyond those stay (another consumer may rely on them).
    const triggers = [...new Set([...(existing.triggers ?? []), ...wanted.triggers])];
    fields.triggers = triggers;
    mask.push('triggers');
    what.push(`triggers → [${triggers.join(', ')}]`);
  }
  if ((existing.target_type ?? 'HTTP') !== 'HTTP') {
    fields.target_type = 'HTTP';
    mask.push('target_type');
    what.push(`target type ${existing.target_type} → HTTP`);
  }
  if (wanted.secret.kind === 'value') {
    if (existing.secret === undefined) {
      plan.notes.push(
        `${label}: Sinch did not return the webhook's secret, so it was not compared with ${wanted.secret.label}.`,
      );
    } else if (existing.secret !== wanted.secret.value) {
      fields.secret = wanted.secret.value;
      mask.push('secret');
      what.push(`secret → ${wanted.secret.label}`);
    }
  } else {
    plan.notes.push(secretNote('the webhook secret is not checked'));
  }
  if (!mask.length) return;
  plan.changes.push({
    kind: 'update',
    projectId,
    region: live.region,
    appId,
    webhookId: existing.id ?? '',
    fields,
    mask,
    summary: `${label}: update webhook ${existing.id}: ${what.join('; ')}`,
  });
}

/** The plan as text: one line per change, then the notes. No secret value: the summaries name references. */
export function describePlan(plan: WebhookPlan): string {
  const lines = plan.changes.length
    ? [
        `${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} needed:`,
        ...plan.changes.map((c) => `  ${c.summary}`),
      ]
    : ["Nothing to do: every app's Contact Pro webhook is as the file describes it."];
  if (plan.notes.length) lines.push('Notes:', ...plan.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

/** Makes the changes one by one, in order; stops at the first failure (the error says which). */
export async function applyWebhookPlan(client: SinchClient, plan: WebhookPlan): Promise<string[]> {
  const done: string[] = [];
  for (const change of plan.changes) {
    if (change.kind === 'create') {
      await client.createWebhook(change.projectId, change.region, change.webhook);
    } else {
      await client.updateWebhook(change.projectId, change.region, change.webhookId, change.fields, change.mask);
    }
    done.push(change.summary);
  }
  return done;
}
