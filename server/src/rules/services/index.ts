import type { Rule } from '../types';

export const serviceRules: Rule<any>[] = [];
