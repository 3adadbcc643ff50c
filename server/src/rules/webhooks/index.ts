import type { Rule } from '../types';

export const webhookRules: Rule<any>[] = [];
