import type { Rule } from '../types';

export const queueRules: Rule<any>[] = [];
