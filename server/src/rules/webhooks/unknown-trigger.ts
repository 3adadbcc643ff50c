import { isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { removeListItemEdit } from '../edits/removeListItem';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { findPair, nodeSpan } from '../../parse/yamlNodes';
import { TRIGGER_NAMES } from '../../schema/domain';
import { defineRule, type Finding } from '../types';
import { isOneOf } from '../../util/oneOf';
import { closestTrigger } from './closestTrigger';
import { replaceItem } from '../edits/replaceValue';
import { truncate } from '../support/labels';
import { DASHBOARD_APPS } from '../support/vocabulary';

interface UnknownTriggerData {
  /** The closest trigger name, when one is close enough. */
  closest?: string;
  /** Whether the closest is the only candidate at its distance (certain enough for fix-all). */
  certain: boolean;
  /** Every trigger as close as `closest` (several when uncertain: each is offered, none preferred). */
  candidates?: string[];
  /** The value is one trigger name, or names separated by commas, instead of a list: the fix writes them as `[…]`. */
  items?: string[];
  /** `UNSPECIFIED_TRIGGER`: the fix removes the item. */
  remove?: boolean;
}

const DOCS = 'a Conversation API webhook trigger';
const DOCS_WHERE = `${DASHBOARD_APPS} > [the app] > Webhooks > Triggers`;

interface TriggerList {
  owner: YAMLMap;
  where: string;
  /** Whether the value is an alias of a list (`triggers: *t`): its items are checked where the list is written. */
  aliased: boolean;
}

function triggerLists(doc: ParsedDocument): TriggerList[] {
  const lists: TriggerList[] = [];
  for (const app of doc.model.conversationApi?.apps ?? []) {
    for (const webhook of app.webhooks)
      lists.push({ owner: webhook.node, where: 'webhook', aliased: webhook.triggers?.alias !== undefined });
  }
  for (const service of doc.model.services) {
    for (const auth of service.authentications)
      lists.push({ owner: auth.node, where: 'authentication', aliased: auth.triggers?.alias !== undefined });
  }
  return lists;
}

export default defineRule<UnknownTriggerData>({
  name: 'unknown-trigger',
  severity: 'error',
  summary: 'A trigger that is not a Conversation API webhook trigger, or UNSPECIFIED_TRIGGER.',
  check(doc) {
    const findings: Finding<UnknownTriggerData>[] = [];
    for (const { owner, aliased } of triggerLists(doc)) {
      if (aliased) continue;
      const found = findPair(owner, 'triggers');
      const value = found?.pair.value;
      if (!found || value === null || value === undefined) continue;
      if (!isSeq(value)) {
        if (isScalar(value) && (value.value === null || value.value === undefined)) continue; // `triggers:` (missing-trigger)
        const span = nodeSpan(value);
        if (!span) continue;
        const written = isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
        const names = written?.split(/\s*,\s*|\s+/).filter(Boolean) ?? [];
        const allKnown = names.length > 0 && names.every((n) => isOneOf(TRIGGER_NAMES, n));
        findings.push({
          span,
          message:
            '`triggers` should be a list, such as `[MESSAGE_DELIVERY, MESSAGE_INBOUND]`.' +
            (written !== undefined ? `\nIt is the single value \`${truncate(written)}\`.` : ''),
          data: allKnown ? { certain: true, items: names } : { certain: false },
        });
        continue;
      }
      for (const item of value.items) {
        const span = nodeSpan(item);
        if (!span) continue;
        if (!isScalar(item) || item.value === null || item.value === undefined) {
          findings.push({
            span,
            message: `Each trigger is a name such as \`MESSAGE_INBOUND\`; this entry is ${isScalar(item) ? 'empty' : 'not a name'}.`,
            data: { certain: false },
          });
          continue;
        }
        // A scalar's value (string, number, boolean): String() is its text.
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        const written = String(item.value);
        if (written === 'SMART_CONVERSATIONS') {
          // The sources spell this trigger both ways; the current API contract (Java SDK, .NET, the Smart
          // Conversations callback page) has the singular, the Node SDK the plural. Accepted, with a hint.
          findings.push({
            span,
            severity: 'info',
            message:
              "`SMART_CONVERSATIONS` is the Node SDK's spelling: the Conversation API spells it `SMART_CONVERSATION`.\n" +
              'The current Conversation API contract and the Smart Conversations callback page spell it `SMART_CONVERSATION`. If the Sinch dashboard does not list it, use the singular.',
            data: { certain: false },
          });
          continue;
        }
        if (isOneOf(TRIGGER_NAMES, written)) continue;
        if (written === 'UNSPECIFIED_TRIGGER') {
          findings.push({
            span,
            message:
              "`UNSPECIFIED_TRIGGER` is the API's placeholder value, not a trigger: Sinch answers it with an error. " +
              'Remove it; Contact Pro needs MESSAGE_DELIVERY and MESSAGE_INBOUND.',
            data: { certain: false, remove: true },
          });
          continue;
        }
        const match = closestTrigger(written);
        findings.push({
          span,
          message:
            `\`${truncate(written)}\` is not ${match.closest ? 'a webhook trigger' : DOCS}` +
            (match.closest
              ? `: did you mean ${match.candidates.map((c) => `\`${c}\``).join(' or ')}?\n(${DOCS_WHERE}.)`
              : `.\nContact Pro needs MESSAGE_DELIVERY and MESSAGE_INBOUND (${DOCS_WHERE}).`),
          data: { closest: match.closest, certain: match.certain, candidates: match.candidates },
        });
      }
    }
    return findings;
  },
  fixes(finding, doc) {
    const data = finding.data;
    if (data?.remove) {
      const seq = triggerLists(doc)
        .map(({ owner }) => findPair(owner, 'triggers')?.pair.value)
        .find(
          (value): value is YAMLSeq =>
            isSeq(value) && value.items.some((item) => nodeSpan(item)?.start === finding.span.start),
        );
      const edit = seq && removeListItemEdit(doc, seq, finding.span);
      // Sinch refuses the value outright, so removing it is certain.
      return edit ? [{ title: 'Remove UNSPECIFIED_TRIGGER', edits: [edit], preferred: true, fixAll: true }] : [];
    }
    const items = data?.items;
    if (items?.length && items.every((n) => isOneOf(TRIGGER_NAMES, n))) {
      const list = `[${items.join(', ')}]`;
      return [
        {
          title: `Make it a list: ${list}`,
          edits: [{ span: finding.span, newText: list }],
          preferred: true,
          fixAll: true,
        },
      ];
    }
    const closest = data?.closest;
    if (!closest || !isOneOf(TRIGGER_NAMES, closest)) return [];
    const item = { span: finding.span, text: undefined };
    if (data.certain) {
      return [
        { title: `Replace with ${closest}`, edits: [replaceItem(doc, item, closest)], preferred: true, fixAll: true },
      ];
    }
    const candidates = (data.candidates ?? [closest]).filter((c) => isOneOf(TRIGGER_NAMES, c));
    return candidates.map((c) => ({ title: `Replace with ${c}`, edits: [replaceItem(doc, item, c)] }));
  },
});
