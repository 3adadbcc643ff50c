// A secret written as a reference to an environment variable (`${env:NAME}`) rather than as the secret itself.
import { ENV_REFERENCE_PATTERN } from '../../schema/domain';

export function isEnvReference(text: string): boolean {
  return ENV_REFERENCE_PATTERN.test(text);
}
