// Every rule of RULES.md, in the order of its tables. A rule's file is named after the rule.
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
    ...(fixes ? { fixes: (finding, doc) => fixes(finding, doc).map((fix) => ({ ...fix, title: quoteValues(fix.title) })) } : {}),
  };
}

export const allRules: readonly Rule<any>[] = [
  ...documentRules, ...tenantRules, ...serviceRules, ...webhookRules, ...appRules, ...queueRules,
].map((rule) => styled(silentOnPlaceholders(rule)));

const byName = new Map(allRules.map((rule) => [rule.name, rule]));

export function ruleByName(name: string): Rule<any> | undefined {
  return byName.get(name);
}

export const ruleNames: readonly string[] = allRules.map((rule) => rule.name);
