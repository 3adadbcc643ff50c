import type { Rule } from '../types';
import yamlSyntax from './yaml-syntax';
import duplicateKey from './duplicate-key';
import unknownKey from './unknown-key';
import missingKey from './missing-key';
import invalidValue from './invalid-value';
import unsupportedVersion from './unsupported-version';
import placeholder from './placeholder';

export const documentRules: Rule[] = [
  yamlSyntax,
  duplicateKey,
  unknownKey,
  missingKey,
  invalidValue,
  unsupportedVersion,
  placeholder,
];
