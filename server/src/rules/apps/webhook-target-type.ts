import type { ParsedDocument } from '../../parse/parsedDocument';
import { defineRule, type Finding } from '../types';
import { inboundTargetUrls, isContactProWebhook } from '../support/contactProWebhooks';
import { describeApp } from '../support/labels';
import { replaceValue } from '../edits/replaceValue';

interface WebhookTargetTypeData {
  /** Whether the webhook targets Contact Pro (then HTTP is certainly right). */
  contactPro: boolean;
}

function dismissed(doc: ParsedDocument) {
  const inbound = inboundTargetUrls(doc);
  return (doc.model.conversationApi?.apps ?? []).flatMap((app) =>
    app.webhooks
      .filter((webhook) => webhook.targetType?.text === 'DISMISS')
      .map((webhook) => ({
        app,
        webhook,
        field: webhook.targetType!,
        contactPro: isContactProWebhook(webhook, inbound),
      })),
  );
}

export default defineRule<WebhookTargetTypeData>({
  name: 'webhook-target-type',
  severity: 'warning',
  summary: "A webhook's targetType is DISMISS: its events are dropped.",
  check(doc) {
    const findings: Finding<WebhookTargetTypeData>[] = [];
    for (const { app, field, contactPro } of dismissed(doc)) {
      findings.push({
        span: field.span,
        message:
          'This webhook has targetType DISMISS: Sinch drops its events instead of posting them. Use `HTTP`.\n' +
          `It is a webhook of app ${describeApp(app)}` +
          (contactPro ? '; Contact Pro receives no messages from this app.' : '.') +
          ' Use `HTTP` (Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Target type).',
        data: { contactPro },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    const site = dismissed(doc).find((s) => s.field.span.start === finding.span.start);
    if (!site) return [];
    return [
      {
        title: 'Set HTTP',
        edits: replaceValue(doc, site.field, 'HTTP'),
        // Certain for Contact Pro's webhook; another system's webhook may be parked on purpose.
        ...(site.contactPro ? { preferred: true, fixAll: true } : {}),
      },
    ];
  },
});
