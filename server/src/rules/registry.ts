// The one list of rules, by group (each group's index.ts), in the order the docs list them. A rule's file is named
// after the rule. package.json's `sinchcp.rules` names and docs/README.md#rules are generated from this list
// (scripts/generate.ts); the tests take their rule lists from it.
import type { Rule } from './types';
import { documentRules } from './document';
import { tenantRules } from './tenant';
import { serviceRules } from './services';
import { webhookRules } from './webhooks';
import { appRules } from './apps';
import { queueRules } from './queues';
import { touchesPlaceholder } from '../model/placeholders';
import { firstSentenceFirst, quoteValues } from './messageStyle';

/**
 * A placeholder left in a value (`[App ID]`, `[tenantname]`, the template's all-zero IDs) is one thing to fill
 * in: the `placeholder` rule reports it, and no other rule reports on it (its case, its length, its white space,
 * what it fails to match), whether or not `placeholder` itself is switched on.
 */
function silentOnPlaceholders<D>(rule: Rule<D>): Rule<D> {
  if (rule.name === 'placeholder') return rule;
  return {
    ...rule,
    check: (doc) => {
      const findings = rule.check(doc);
      const placeholders = doc.model.placeholders;
      return placeholders.length ? findings.filter((f) => !touchesPlaceholder(placeholders, f.span)) : findings;
    },
  };
}

/**
 * Every message and fix title in VS Code's style (messageStyle.ts): values quoted, never in backticks, and a long
 * message's first sentence on a line of its own (the line the Problems view shows).
 */
function styled<D>(rule: Rule<D>): Rule<D> {
  const { check, fixes } = rule;
  return {
    ...rule,
    check: (doc) => check(doc).map((f) => ({ ...f, message: firstSentenceFirst(quoteValues(f.message)) })),
    ...(fixes
      ? { fixes: (finding, doc) => fixes(finding, doc).map((fix) => ({ ...fix, title: quoteValues(fix.title) })) }
      : {}),
  };
}

export interface RuleGroup {
  /** The group's heading in docs/README.md#rules and on each rule page ("Group: …"). */
  title: string;
  rules: readonly Rule[];
}

/** The groups, in the order the docs list them; each group's index.ts lists its rules in order. */
export const ruleGroups: readonly RuleGroup[] = (
  [
    ['Document', documentRules],
    ['Tenant', tenantRules],
    ['Messaging services', serviceRules],
    ['Secrets and webhooks', webhookRules],
    ['App IDs and the Sinch side', appRules],
    ['Queues', queueRules],
  ] as const
).map(([title, rules]) => ({ title, rules: rules.map((rule) => styled(silentOnPlaceholders(rule))) }));

export const allRules: readonly Rule[] = ruleGroups.flatMap((group) => group.rules);

export const ruleNames: readonly string[] = allRules.map((rule) => rule.name);
