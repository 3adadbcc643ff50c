import type { Rule } from '../types';
import appIdCase from './app-id-case';
import appIdFormat from './app-id-format';
import unknownApp from './unknown-app';
import processingMode from './processing-mode';
import webhookSecretMismatch from './webhook-secret-mismatch';
import webhookTargetMismatch from './webhook-target-mismatch';
import webhookLimit from './webhook-limit';
import webhookTargetType from './webhook-target-type';

export const appRules: Rule[] = [
  appIdCase,
  appIdFormat,
  unknownApp,
  processingMode,
  webhookSecretMismatch,
  webhookTargetMismatch,
  webhookLimit,
  webhookTargetType,
];
