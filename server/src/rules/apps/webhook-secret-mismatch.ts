import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppModel, Field, ServiceModel, WebhookModel } from '../../model/types';
import { defineRule, type Finding } from '../types';
import { inboundTargetUrls, isContactProWebhook } from '../support/contactProWebhooks';
import { isEnvReference } from '../support/envReference';
import { describeApp } from '../support/labels';
import { replaceValue } from '../edits/replaceValue';

interface WebhookSecretMismatchData {
  /** Index of the serving service in `messagingServices`: the fix copies its inbound password (never carried here). */
  serviceIndex: number;
  /** Both sides are `${env:…}` references (different variables) rather than literals. */
  references: boolean;
}

interface Mismatch {
  app: AppModel;
  service: ServiceModel;
  serviceIndex: number;
  webhook: WebhookModel;
  secret: Field;
  password: Field;
  references: boolean;
}

/** Every Contact Pro webhook whose secret differs from the inbound password of a service serving its app. */
function mismatches(doc: ParsedDocument): Mismatch[] {
  const out: Mismatch[] = [];
  const seen = new Set<number>();
  const inbound = inboundTargetUrls(doc);
  doc.model.services.forEach((service, serviceIndex) => {
    const password = doc.relations.inboundAuthentications(service)[0]?.password;
    const expected = password?.text;
    if (!password || !expected?.trim()) return;
    for (const id of new Set(doc.relations.servedApps(service))) {
      const app = doc.relations.declaredApps.get(id);
      if (!app) continue;
      for (const webhook of app.webhooks) {
        const secret = webhook.secret;
        const actual = secret?.text;
        if (!secret || !actual?.trim() || actual === expected || !isContactProWebhook(webhook, inbound)) continue;
        const refs = [isEnvReference(actual), isEnvReference(expected)];
        // A reference against a literal cannot be compared without the environment.
        if (refs[0] !== refs[1] || seen.has(secret.span.start)) continue;
        seen.add(secret.span.start);
        out.push({ app, service, serviceIndex, webhook, secret, password, references: refs[0]! });
      }
    }
  });
  return out;
}

export default defineRule<WebhookSecretMismatchData>({
  name: 'webhook-secret-mismatch',
  severity: 'error',
  summary: "An app's Contact Pro webhook secret differs from the inbound password of the service that serves it.",
  check(doc) {
    return mismatches(doc).map((m): Finding<WebhookSecretMismatchData> => {
      const serviceName = m.service.name?.text
        ? `service \`${m.service.name.text}\``
        : `messaging service ${m.serviceIndex + 1}`;
      const where =
        'Sinch dashboard: Conversation API > Apps > [the app] > Webhook > Secret token, and SC: Messaging Services > ' +
        `${m.service.name?.text ?? '[the service]'} > Authentication (inbound) > Password`;
      // References may be shown; literal values never are.
      return m.references
        ? {
            span: m.secret.span,
            severity: 'warning',
            message:
              `This webhook secret is not the one ${serviceName} uses as its inbound Password.\n` +
              `The Contact Pro webhook of app ${describeApp(m.app)} uses \`${m.secret.text}\`, but ${serviceName}, which ` +
              `serves this app, uses \`${m.password.text}\` as its inbound Password. Contact Pro keeps one webhook secret per ` +
              `service, so both usually refer to the same variable (${where}).`,
            data: { serviceIndex: m.serviceIndex, references: true },
          }
        : {
            span: m.secret.span,
            message:
              `This webhook secret differs from the inbound Password of ${serviceName}: use the same secret token.\n` +
              `It is the Contact Pro webhook secret of app ${describeApp(m.app)}, which ${serviceName} serves. Contact Pro checks every webhook call against that one secret, so calls from this app are ` +
              `rejected. Use the same secret token in both places (${where}).`,
            data: { serviceIndex: m.serviceIndex, references: false },
          };
    });
  },
  fixes(finding, doc) {
    const m = mismatches(doc).find(
      (x) => x.secret.span.start === finding.span.start && x.serviceIndex === finding.data?.serviceIndex,
    );
    if (!m?.password.text) return [];
    const name = m.service.name?.text;
    return [
      {
        // Which side is stale is unknown: offered, never applied by itself. The title never shows a literal.
        title: m.references
          ? `Use ${m.password.text}, the secret of ${name ? `service ${name}` : 'the serving service'}`
          : `Use the inbound secret of ${name ? `service ${name}` : 'the serving service'}`,
        edits: replaceValue(doc, m.secret, m.password.text),
      },
    ];
  },
});
