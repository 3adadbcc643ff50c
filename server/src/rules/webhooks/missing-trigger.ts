import { isScalar, isSeq, type YAMLMap } from 'yaml';
import { findPair } from '../../parse/yamlNodes';
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { ListField } from '../../model/types';
import { CONTACT_PRO_TRIGGERS } from '../../schema/domain';
import type { Span } from '../../util/span';
import { insertKeyEdit } from '../edits/insertKey';
import { insertListItemsEdit } from '../edits/insertListItem';
import { defineRule, type Finding, type QuickFix, type TextEditSpan } from '../types';
import { inboundTargetUrls, isContactProWebhook } from '../support/contactProWebhooks';
import { isOneOf } from '../../util/oneOf';
import { closestTrigger } from './closestTrigger';
import { describeApp } from '../support/labels';
import { firstKeySpan } from '../support/spans';

interface MissingTriggerData {
  /** The Contact Pro triggers the list lacks, in the order they would be added. */
  missing: string[];
  /** The list has MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION instead of MESSAGE_INBOUND: redaction may be wanted. */
  redacted?: boolean;
}

/** An entry that must carry Contact Pro's triggers: an inbound authentication, or a Contact Pro webhook of an app. */
interface Target {
  owner: YAMLMap;
  triggers?: ListField;
  span: Span;
  label: string;
  where: string;
}

const REDACTION = 'MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION';

function targets(doc: ParsedDocument): Target[] {
  const out: Target[] = [];
  const inboundTargets = inboundTargetUrls(doc);
  for (const app of doc.model.conversationApi?.apps ?? []) {
    for (const webhook of app.webhooks) {
      if (!isContactProWebhook(webhook, inboundTargets)) continue;
      out.push({
        owner: webhook.node,
        triggers: webhook.triggers,
        span: listSpan(webhook.triggers) ?? webhook.target?.keySpan ?? firstKeySpan(webhook),
        label: `The Contact Pro webhook of app ${describeApp(app)}`,
        where: 'Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Triggers',
      });
    }
  }
  doc.model.services.forEach((service, index) => {
    const name = service.name?.text ? `service \`${service.name.text}\`` : `messaging service ${index + 1}`;
    for (const auth of doc.relations.inboundAuthentications(service)) {
      out.push({
        owner: auth.node,
        triggers: auth.triggers,
        span: listSpan(auth.triggers) ?? auth.direction?.span ?? firstKeySpan(auth),
        label: `The inbound authentication of ${name}`,
        where:
          "here and on the app's webhook: Sinch dashboard: Conversation API > Apps > [the app] > Webhooks > Triggers",
      });
    }
  });
  return out;
}

/** A one-line flow list (`[A, B]`) is a tight range; otherwise the `triggers` key. */
function listSpan(list: ListField | undefined): Span | undefined {
  if (!list) return undefined;
  if (list.alias) return list.alias;
  const range = list.node?.range;
  if (list.flow && range && !/[\r\n]/.test(list.node!.toString()) && range[1] - range[0] < 200) {
    return { start: range[0], end: range[1] };
  }
  return list.keySpan;
}

export default defineRule<MissingTriggerData>({
  name: 'missing-trigger',
  severity: 'error',
  summary: 'An inbound entry or Contact Pro webhook lacks MESSAGE_INBOUND (error) or MESSAGE_DELIVERY (warning).',
  check(doc) {
    const findings: Finding<MissingTriggerData>[] = [];
    for (const target of targets(doc)) {
      const list = target.triggers;
      // `triggers: MESSAGE_INBOUND` (not a list) is unknown-trigger's to explain.
      if (list && !list.alias && notAList(target.owner)) continue;
      // A misspelt trigger (`MESSAGE_INBOUNDS`, `message_inbound`) is unknown-trigger's: its fix restores it.
      const present = new Set(
        (list?.items ?? []).map((item) => {
          const match = item.text ? closestTrigger(item.text) : undefined;
          return match?.certain ? match.closest : undefined;
        }),
      );
      const missing = CONTACT_PRO_TRIGGERS.filter((t) => !present.has(t));
      if (!missing.length) continue;
      const lacksInbound = missing.includes('MESSAGE_INBOUND');
      const redacted = lacksInbound && present.has(REDACTION);
      const reasons: string[] = [];
      if (lacksInbound) {
        reasons.push(
          redacted
            ? `MESSAGE_INBOUND: it has ${REDACTION}, which sends redacted messages (\`message_redaction\`) instead; ` +
                'Contact Pro documents only MESSAGE_INBOUND, so messages usually do not arrive'
            : 'MESSAGE_INBOUND: without it no customer message reaches Contact Pro',
        );
      }
      if (missing.includes('MESSAGE_DELIVERY')) {
        reasons.push(
          'MESSAGE_DELIVERY: without it Contact Pro logs no delivery events (the setup procedure subscribes to it)',
        );
      }
      findings.push({
        span: target.span,
        severity: lacksInbound && !redacted ? 'error' : 'warning',
        message:
          (list
            ? `Missing ${missing.length === 1 ? 'trigger' : 'triggers'} ${missing.join(' and ')}: add ${missing.length === 1 ? 'it' : 'them'} to \`triggers\`.`
            : `No \`triggers\`: add ${missing.join(' and ')}.`) +
          `\n${target.label} ${list ? 'lacks' : 'has no `triggers`, so it lacks'} ${reasons.join('; and ')} (${target.where}).`,
        data: { missing: [...missing], ...(redacted ? { redacted: true } : {}) },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    const missing = finding.data?.missing ?? [];
    if (!missing.length || missing.some((t) => !isOneOf(CONTACT_PRO_TRIGGERS, t))) return [];
    const target = targets(doc).find((t) => t.span.start === finding.span.start && t.span.end === finding.span.end);
    if (!target) return [];
    let edit: TextEditSpan | undefined;
    const list = target.triggers;
    // `triggers: *t`: adding to the anchored list would change its other uses too; the user decides.
    if (list?.alias) return [];
    if (!list) {
      edit = insertKeyEdit(doc, target.owner, { key: 'triggers', value: { raw: `[${missing.join(', ')}]` } });
    } else if (isSeq(list.node)) {
      edit = insertListItemsEdit(doc, list.node, missing);
    } else {
      // `triggers:` with no value: the list goes right after the colon (a trailing comment stays).
      const colon = doc.text.indexOf(':', list.keySpan.end);
      if (colon >= 0 && colon - list.keySpan.end < 8)
        edit = { span: { start: colon + 1, end: colon + 1 }, newText: ` [${missing.join(', ')}]` };
    }
    if (!edit) return [];
    // With the redaction trigger, adding MESSAGE_INBOUND restores unredacted delivery: the admin decides, never fix-all.
    const choice = finding.data?.redacted && missing.includes('MESSAGE_INBOUND');
    const fix: QuickFix = {
      title: `Add ${missing.join(' and ')}`,
      edits: [edit],
      ...(choice ? {} : { preferred: true, fixAll: true }),
    };
    return [fix];
  },
});

/** The `triggers` value when it is neither a list nor empty (a scalar or a mapping). */
function notAList(owner: YAMLMap): boolean {
  const value = findPair(owner, 'triggers')?.pair.value;
  if (value === null || value === undefined || isSeq(value)) return false;
  return !(isScalar(value) && (value.value === null || value.value === undefined));
}
