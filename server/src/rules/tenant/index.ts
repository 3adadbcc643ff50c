import type { Rule } from '../types';

export const tenantRules: Rule<any>[] = [];
