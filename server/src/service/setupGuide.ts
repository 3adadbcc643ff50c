// The seed procedure as numbered steps with this file's values filled in, for the admin to follow in the
// Sinch dashboard and SC. Secrets appear only as their reference: a literal is never copied into the guide.
import type { ParsedDocument } from '../parse/parsedDocument';
import type { Field } from '../model/types';
import { ENV_REFERENCE_PATTERN } from '../schema/domain';

const code = (text: string | undefined) => (text ? `\`${text}\`` : '_(not in the file)_');

/** A secret as the guide may show it: the env reference, or a note that a literal is written. */
function secretRef(field: Field | undefined): string {
  const text = field?.text?.trim();
  if (!text) return '_(missing: set a secret)_';
  const env = ENV_REFERENCE_PATTERN.exec(text);
  return env ? `the value of environment variable \`${env[1]}\`` : '_(a literal secret is written in the file; not shown)_';
}

export function setupGuideMarkdown(doc: ParsedDocument): string {
  const { model } = doc;
  const out: string[] = [];
  const tenant = model.tenant?.name?.text;
  out.push(`# Setup guide${tenant ? ` for tenant ${code(tenant)}` : ''}`, '');
  out.push('Follow the steps in order. Values come from this file; fix its problems first (Problems panel).', '');
  let step = 1;

  const apps = model.conversationApi?.apps ?? [];
  if (apps.length) {
    out.push(`## ${step++}. Sinch dashboard: the apps (Conversation API > Apps)`, '');
    out.push(`Project ID: ${code(model.conversationApi?.projectId?.text)}.`, '');
    for (const app of apps) {
      out.push(`- App ${code(app.appId?.text)}${app.name?.text ? ` (${app.name.text})` : ''}: region ${code(app.region?.text)}, processing mode ${code(app.processingMode?.text ?? 'DISPATCH')}.`);
      for (const hook of app.webhooks) {
        out.push(`  - Webhook: Target URL ${code(hook.target?.text)}; Secret token: ${secretRef(hook.secret)}; ` +
          `Triggers: ${code(hook.triggers?.items.map((t) => t.text).join(', '))}; target type ${code(hook.targetType?.text ?? 'HTTP')}.`);
      }
    }
    out.push('');
  }

  for (const service of model.services) {
    out.push(`## ${step++}. SC: System Management > Messaging Services > Add New > sinchconversation`, '');
    out.push(`1. Basics: Name ${code(service.name?.text)}; Service Connection ${code(service.serviceConnection?.text)}.`);
    out.push('2. Authentication block (a separate entry for each):');
    for (const auth of service.authentications) {
      if (auth.direction?.text === 'inbound') {
        out.push(`   - Inbound: Authentication ID ${code(auth.authenticationId?.text)}; Password: ${secretRef(auth.password)}; ` +
          `Triggers: ${code(auth.triggers?.items.map((t) => t.text).join(', '))}; target URL ${code(auth.targetUrl?.text)}.`);
      } else {
        out.push(`   - Outbound: Authentication ID ${code(auth.authenticationId?.text)} (Key ID from Settings > Access keys, ` +
          `App ID in capitals); Password: ${secretRef(auth.password)}.`);
      }
    }
    out.push('3. Save the messaging service (avoid changing it during business hours).', '');
  }

  if (model.queues.length) {
    out.push(`## ${step++}. SC: Queue Management > Queues (chat queues)`, '');
    for (const queue of model.queues) {
      out.push(`- Queue ${code(queue.name?.text)}, type ${code(queue.type?.text)}; Numbers/Addresses:`);
      for (const entry of queue.addresses) {
        out.push(`  - ${code(entry.address?.text)}${entry.smsSenderId ? `, SMS sender ID ${code(entry.smsSenderId.text)}` : ''}`);
      }
    }
    out.push('');
  }
  if (model.queues.some((q) => q.addresses.some((a) => /@sms\./i.test(a.address?.text ?? '')))) {
    out.push(`## ${step++}. Tell Sinch the outbound SMS number`, '',
      'You cannot configure it yourself: tell Sinch which number to use for outbound SMS (support portal).', '');
  }
  return out.join('\n');
}
