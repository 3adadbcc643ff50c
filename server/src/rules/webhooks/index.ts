import type { Rule } from '../types';
import missingSecret from './missing-secret';
import plaintextSecret from './plaintext-secret';
import missingTrigger from './missing-trigger';
import unknownTrigger from './unknown-trigger';
import webhookTargetUrl from './webhook-target-url';

export const webhookRules: Rule[] = [missingSecret, plaintextSecret, missingTrigger, unknownTrigger, webhookTargetUrl];
