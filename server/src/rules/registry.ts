// Every rule of RULES.md, in the order of its tables. A rule's file is named after the rule.
import type { Rule } from './types';
import { documentRules } from './document';
import { tenantRules } from './tenant';
import { serviceRules } from './services';
import { webhookRules } from './webhooks';
import { appRules } from './apps';
import { queueRules } from './queues';

export const allRules: readonly Rule<any>[] = [
  ...documentRules, ...tenantRules, ...serviceRules, ...webhookRules, ...appRules, ...queueRules,
];

const byName = new Map(allRules.map((rule) => [rule.name, rule]));

export function ruleByName(name: string): Rule<any> | undefined {
  return byName.get(name);
}

export const ruleNames: readonly string[] = allRules.map((rule) => rule.name);
