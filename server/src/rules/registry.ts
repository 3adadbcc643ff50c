// Every rule of RULES.md, in the order of its tables. A rule's file is named after the rule.
import type { Rule } from './types';
import { documentRules } from './document';
import { tenantRules } from './tenant';
import { serviceRules } from './services';
import { webhookRules } from './webhooks';
import { appRules } from './apps';
import { queueRules } from './queues';
import { touchesPlaceholder } from '../model/placeholders';
import { quoteValues } from './messageStyle';

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
 * Every message and fix title in VS Code's style (messageStyle.ts): values quoted, never in backticks. (The first
 * sentence is not yet put on a line of its own: the CLI's stylish output prints a message on one line.)
 */
function styled<D>(rule: Rule<D>): Rule<D> {
  const { check, fixes } = rule;
  return {
    ...rule,
    check: (doc) => check(doc).map((f) => ({ ...f, message: quoteValues(f.message) })),
    ...(fixes ? { fixes: (finding, doc) => fixes(finding, doc).map((fix) => ({ ...fix, title: quoteValues(fix.title) })) } : {}),
  };
}

export const allRules: readonly Rule[] = [
  ...documentRules, ...tenantRules, ...serviceRules, ...webhookRules, ...appRules, ...queueRules,
].map((rule) => styled(silentOnPlaceholders(rule)));

export const ruleNames: readonly string[] = allRules.map((rule) => rule.name);
