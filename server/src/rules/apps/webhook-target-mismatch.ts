import { isAlias, isSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppModel, Field, ServiceModel } from '../../model/types';
import { findPair } from '../../parse/yamlNodes';
import { isContactProWebhookUrl } from '../../model/urls';
import { CONTACT_PRO_TRIGGERS } from '../../schema/domain';
import type { Span } from '../../util/span';
import { insertKeyEdit } from '../edits/insertKey';
import { insertListItemsEdit } from '../edits/insertListItem';
import type { InsertEntry } from '../edits/values';
import { defineRule, type QuickFix, type TextEditSpan } from '../types';
import { contactProUrlProblems, expectedTargetUrl, normalizeUrl } from '../support/contactProWebhooks';
import { isEnvReference } from '../support/envReference';
import { describeApp } from '../support/labels';
import { firstKeySpan } from '../support/spans';
import { replaceValue } from '../edits/replaceValue';

interface WebhookTargetMismatchData {
  /** The service's targetUrl the app's webhook must target (a URL, never a secret). */
  targetUrl: string;
  /** Whether that targetUrl is itself a correct Contact Pro URL for the tenant (else no fix). */
  valid: boolean;
  /** What the fix does: set the target of an existing webhook, or add a webhook. */
  action: 'set-target' | 'add-webhook';
}

interface Mismatch {
  app: AppModel;
  service: ServiceModel;
  targetUrl: string;
  valid: boolean;
  /** The app's webhook target that looks like the one meant for Contact Pro, if any. */
  candidate?: Field;
  /** How many such webhooks (the fix is certain only when there is exactly one). */
  candidates: number;
  span: Span;
  /** The app has no `webhooks` key: the file does not describe its webhooks (info), unlike `webhooks: []` (error). */
  undescribed: boolean;
  /** The service's inbound entry has no targetUrl: the tenant's Contact Pro URL stands for it. */
  fromTenant: boolean;
}

function mismatches(doc: ParsedDocument): Mismatch[] {
  const out: Mismatch[] = [];
  const seen = new Set<string>();
  for (const service of doc.model.services) {
    const inbound = doc.relations.inboundAuthentications(service);
    const written = inbound.map((a) => a.targetUrl?.text?.trim()).find((t) => t);
    // An inbound entry without targetUrl (missing-key says so): the webhooks must still target the tenant's URL.
    const fromTenant = !written && inbound.some((a) => !a.targetUrl);
    const targetUrl = written ?? (fromTenant ? expectedTargetUrl(doc.model.tenant) : undefined);
    if (!targetUrl) continue;
    const valid = contactProUrlProblems(targetUrl, doc.model.tenant).length === 0;
    for (const id of doc.relations.servedApps(service)) {
      const app = doc.relations.declaredApps.get(id);
      const key = `${id}\n${normalizeUrl(targetUrl)}`;
      if (!app || seen.has(key)) continue;
      seen.add(key);
      // `webhooks: *hooks` or `- *contactProHook`: the model does not follow aliased mappings, so the file
      // does not show what this app's webhooks are; stay silent rather than report a webhook as missing.
      if (hasAliasedWebhooks(app)) continue;
      if (
        app.webhooks.some(
          (w) => w.target?.text !== undefined && normalizeUrl(w.target.text) === normalizeUrl(targetUrl),
        )
      )
        continue;
      const candidates = app.webhooks.flatMap((w) =>
        w.target?.text && isContactProWebhookUrl(w.target.text) ? [w.target] : [],
      );
      const candidate = candidates[0];
      const span = candidate?.span ?? app.webhooksKeySpan ?? app.appId?.span ?? firstKeySpan(app);
      out.push({
        app,
        service,
        targetUrl,
        valid,
        candidate,
        candidates: candidates.length,
        span,
        undescribed: !app.webhooksKeySpan,
        fromTenant,
      });
    }
  }
  return out;
}

function hasAliasedWebhooks(app: AppModel): boolean {
  const value = findPair(app.node, 'webhooks')?.pair.value;
  return isAlias(value) || (isSeq(value) && value.items.some((item) => isAlias(item)));
}

export default defineRule<WebhookTargetMismatchData>({
  name: 'webhook-target-mismatch',
  severity: 'error',
  summary: "An app served by a service has no webhook whose target is the service's targetUrl.",
  check(doc) {
    return mismatches(doc).map((m) => {
      const service = m.service.name?.text ? `service \`${m.service.name.text}\`` : 'its messaging service';
      const url = m.fromTenant
        ? `the tenant's Contact Pro URL \`${m.targetUrl}\``
        : `${service}'s targetUrl \`${m.targetUrl}\``;
      const data = {
        targetUrl: m.targetUrl,
        valid: m.valid,
        action: m.candidate ? ('set-target' as const) : ('add-webhook' as const),
      };
      if (m.undescribed) {
        // No `webhooks` key: the file does not say what the app's webhooks are, so nothing is wrong yet.
        return {
          span: m.span,
          severity: 'info' as const,
          message:
            `The webhooks of this app are not described here: add them to check their target.\n` +
            `App ${describeApp(m.app)} is served by ${service}; sinchcp cannot check that one of its webhooks targets ${url}. Add its \`webhooks\` as set in the Sinch dashboard (Conversation API > Apps > [the app] > Webhooks).`,
          data,
        };
      }
      const what = m.candidate
        ? `its Contact Pro webhook targets \`${m.candidate.text}\` instead of ${url}`
        : `none of its webhooks targets ${url}`;
      return {
        span: m.span,
        message:
          `${m.candidate ? 'The Contact Pro webhook of this app targets another URL' : "No webhook of this app targets its service's URL"}, ` +
          'so its messages never reach Contact Pro.\n' +
          `App ${describeApp(m.app)} is served by ${service}, but ${what}. ` +
          (m.valid
            ? `${m.candidate ? "Set the webhook's target to" : 'Add a webhook with the target'} \`${m.targetUrl}\` ` +
              '(Sinch dashboard: Conversation API > Apps > [the app] > Webhooks).'
            : "Both must be the tenant's Contact Pro webhook URL: correct the service's targetUrl first (see webhook-target-url), " +
              'then use the same URL here (Sinch dashboard: Conversation API > Apps > [the app] > Webhooks).'),
        data,
      };
    });
  },
  fixes(finding, doc) {
    const m = mismatches(doc).find(
      (x) =>
        x.span.start === finding.span.start &&
        x.span.end === finding.span.end &&
        x.targetUrl === finding.data?.targetUrl,
    );
    if (!m || !m.valid) return [];
    if (m.candidate) {
      const edits = replaceValue(doc, m.candidate, m.targetUrl);
      if (!edits.length) return [];
      const certain = m.candidates === 1;
      return [
        { title: `Set the target to ${m.targetUrl}`, edits, ...(certain ? { preferred: true, fixAll: true } : {}) },
      ];
    }
    const edit = addWebhook(doc, m);
    if (!edit) return [];
    // Without a `webhooks` key the app may well have its webhook already: describing it is offered, not preferred.
    const fix: QuickFix = { title: `Add a webhook targeting ${m.targetUrl}`, edits: [edit], preferred: !m.undescribed };
    return [fix];
  },
});

/** A new webhook for Contact Pro: the target, the service's secret when it is a reference, Contact Pro's triggers. */
function addWebhook(doc: ParsedDocument, m: Mismatch): TextEditSpan | undefined {
  const password = doc.relations.inboundAuthentications(m.service)[0]?.password?.text;
  const secret = password && isEnvReference(password) ? password : undefined;
  // The target is a valid Contact Pro URL, written as is; the secret reference is written as a scalar, so it
  // is quoted in a flow collection, where `{` ends a plain scalar.
  const webhook: InsertEntry[] = [
    { key: 'target', value: { raw: m.targetUrl } },
    ...(secret ? [{ key: 'secret', value: secret }] : []),
    { key: 'triggers', value: { raw: `[${CONTACT_PRO_TRIGGERS.join(', ')}]` } },
  ];
  const pair = findPair(m.app.node, 'webhooks');
  const list = pair?.pair.value;
  if (isSeq(list)) return insertListItemsEdit(doc, list, [webhook]);
  if (pair) return undefined; // `webhooks:` with no list: nothing safe to append to
  if (m.app.node.flow) return undefined; // a whole webhook inside a one-line app entry: left to the admin, as before
  return insertKeyEdit(doc, m.app.node, { key: 'webhooks', value: { list: [webhook] } });
}
