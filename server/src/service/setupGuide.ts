// The seed procedure as numbered steps with this file's values filled in, for the admin to follow in the
// Sinch dashboard and SC. Secrets appear only as their reference: a literal is never copied into the guide.
// One structure (`setupGuide`) serves both the VS Code view (values copyable, steps to tick off) and the
// Markdown text (`setupGuideMarkdown`).
import type { ParsedDocument } from '../parse/parsedDocument';
import type { Field } from '../model/types';
import { ENV_REFERENCE_PATTERN } from '../schema/domain';

/** A run of text: plain words, a value to copy as is, or a note about a value that is not there / not shown. */
export type GuidePart = string | { value: string } | { note: string };

export interface GuideLine {
  /** 0: a line of the step; 1, 2: nested under the previous line. */
  depth: number;
  parts: GuidePart[];
  /** Numbered (1., 2., …) rather than bulleted, in the Markdown text. */
  numbered?: boolean;
}

export interface GuideStep {
  /** Stable within a file's structure: what the step is about (used to remember a ticked step). */
  id: string;
  title: string;
  lines: GuideLine[];
}

export interface SetupGuide {
  tenant?: string;
  steps: GuideStep[];
}

const value = (text: string | undefined): GuidePart => (text ? { value: text } : { note: 'not in the file' });

/** A secret as the guide may show it: the env reference, or a note that a literal is written. */
function secretRef(field: Field | undefined): GuidePart[] {
  const text = field?.text?.trim();
  if (!text) return [{ note: 'missing: set a secret' }];
  const env = ENV_REFERENCE_PATTERN.exec(text);
  return env
    ? ['the value of environment variable ', { value: env[1]! }]
    : [{ note: 'a literal secret is written in the file; not shown' }];
}

const list = (items: { text?: string }[] | undefined) => items?.map((t) => t.text).join(', ');

export function setupGuide(doc: ParsedDocument): SetupGuide {
  const { model } = doc;
  const steps: GuideStep[] = [];

  const apps = model.conversationApi?.apps ?? [];
  if (apps.length) {
    const lines: GuideLine[] = [
      { depth: 0, parts: ['Project ID: ', value(model.conversationApi?.projectId?.text), '.'] },
    ];
    for (const app of apps) {
      lines.push({
        depth: 0,
        parts: [
          'App ',
          value(app.appId?.text),
          ...(app.name?.text ? [` (${app.name.text})`] : []),
          ': region ',
          value(app.region?.text),
          ', processing mode ',
          value(app.processingMode?.text ?? 'DISPATCH'),
          '.',
        ],
      });
      for (const hook of app.webhooks) {
        lines.push({
          depth: 1,
          parts: [
            'Webhook: Target URL ',
            value(hook.target?.text),
            '; Secret token: ',
            ...secretRef(hook.secret),
            '; Triggers: ',
            value(list(hook.triggers?.items)),
            '; target type ',
            value(hook.targetType?.text ?? 'HTTP'),
            '.',
          ],
        });
      }
    }
    steps.push({ id: 'apps', title: 'Sinch dashboard: the apps (Conversation API > Apps)', lines });
  }

  model.services.forEach((service, index) => {
    const lines: GuideLine[] = [
      {
        depth: 0,
        numbered: true,
        parts: [
          'Basics: Name ',
          value(service.name?.text),
          '; Service Connection ',
          value(service.serviceConnection?.text),
          '.',
        ],
      },
      { depth: 0, numbered: true, parts: ['Authentication block (a separate entry for each):'] },
    ];
    for (const auth of service.authentications) {
      if (auth.direction?.text === 'inbound') {
        lines.push({
          depth: 1,
          parts: [
            'Inbound: Authentication ID ',
            value(auth.authenticationId?.text),
            '; Password: ',
            ...secretRef(auth.password),
            '; Triggers: ',
            value(list(auth.triggers?.items)),
            '; target URL ',
            value(auth.targetUrl?.text),
            '.',
          ],
        });
      } else {
        lines.push({
          depth: 1,
          parts: [
            'Outbound: Authentication ID ',
            value(auth.authenticationId?.text),
            ' (Key ID from Settings > Access keys, App ID in capitals); Password: ',
            ...secretRef(auth.password),
            '.',
          ],
        });
      }
    }
    lines.push({
      depth: 0,
      numbered: true,
      parts: ['Save the messaging service (avoid changing it during business hours).'],
    });
    steps.push({
      id: `service:${service.name?.text ?? index}`,
      title: 'SC: System Management > Messaging Services > Add New > sinchconversation',
      lines,
    });
  });

  if (model.queues.length) {
    const lines: GuideLine[] = [];
    for (const queue of model.queues) {
      lines.push({
        depth: 0,
        parts: ['Queue ', value(queue.name?.text), ', type ', value(queue.type?.text), '; Numbers/Addresses:'],
      });
      for (const entry of queue.addresses) {
        lines.push({
          depth: 1,
          parts: [
            value(entry.address?.text),
            ...(entry.smsSenderId ? [', SMS sender ID ', value(entry.smsSenderId.text)] : []),
          ],
        });
      }
    }
    steps.push({ id: 'queues', title: 'SC: Queue Management > Queues (chat queues)', lines });
  }
  if (model.queues.some((q) => q.addresses.some((a) => /@sms\./i.test(a.address?.text ?? '')))) {
    steps.push({
      id: 'sms-number',
      title: 'Tell Sinch the outbound SMS number',
      lines: [
        {
          depth: 0,
          parts: [
            'You cannot configure it yourself: tell Sinch which number to use for outbound SMS (support portal).',
          ],
        },
      ],
    });
  }
  return { tenant: model.tenant?.name?.text, steps };
}

function partMarkdown(part: GuidePart): string {
  if (typeof part === 'string') return part;
  return 'value' in part ? `\`${part.value}\`` : `_(${part.note})_`;
}

export function setupGuideMarkdown(doc: ParsedDocument): string {
  const guide = setupGuide(doc);
  const out: string[] = [`# Setup guide${guide.tenant ? ` for tenant \`${guide.tenant}\`` : ''}`, ''];
  out.push('Follow the steps in order. Values come from this file; fix its problems first (Problems panel).', '');
  guide.steps.forEach((step, index) => {
    out.push(`## ${index + 1}. ${step.title}`, '');
    let number = 0;
    for (const line of step.lines) {
      const text = line.parts.map(partMarkdown).join('');
      if (line.depth === 0 && !line.numbered) number = 0;
      const marker = line.numbered ? `${++number}.` : '-';
      out.push(
        `${'  '.repeat(line.depth)}${line.depth && step.lines.some((l) => l.numbered) ? ' ' : ''}${marker} ${text}`,
      );
    }
    out.push('');
  });
  return out.join('\n');
}
