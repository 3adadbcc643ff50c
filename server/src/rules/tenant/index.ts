import type { Rule } from '../types';
import tenantName from './tenant-name';
import unknownLandscape from './unknown-landscape';

export const tenantRules: Rule[] = [tenantName, unknownLandscape];
