import type { Rule } from '../types';
import appIdCase from './app-id-case';

export const appRules: Rule<any>[] = [appIdCase];
