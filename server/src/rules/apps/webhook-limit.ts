import { MAX_WEBHOOKS_PER_APP } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { describeApp } from '../support/labels';

interface WebhookLimitData {
  count: number;
}

export default defineRule<WebhookLimitData>({
  name: 'webhook-limit',
  severity: 'error',
  summary: `An app has more than ${MAX_WEBHOOKS_PER_APP} webhooks.`,
  check(doc) {
    const findings: Finding<WebhookLimitData>[] = [];
    for (const app of doc.model.conversationApi?.apps ?? []) {
      const count = app.webhooks.length;
      if (count <= MAX_WEBHOOKS_PER_APP || !app.webhooksKeySpan) continue;
      findings.push({
        span: app.webhooksKeySpan,
        message:
          `App ${describeApp(app)} has ${count} webhooks; Sinch allows at most ${MAX_WEBHOOKS_PER_APP} per app, ` +
          `so ${count - MAX_WEBHOOKS_PER_APP} of them cannot exist. Remove or merge some ` +
          '(Sinch dashboard: Conversation API > Apps > [the app] > Webhooks).',
        data: { count },
      });
    }
    return findings;
  },
});
