// A secret as the file writes it, resolved in memory: `${env:NAME}` → the variable's value (or "not set"),
// a literal → itself. The value is only ever compared or sent to Sinch, never shown; what is shown is the
// reference.
import type { Field } from '../model/types';
import { ENV_REFERENCE_PATTERN } from '../schema/domain';

export type ResolvedSecret =
  | { kind: 'value'; value: string; label: string }
  | { kind: 'unset'; variable: string; label: string }
  | { kind: 'none' };

export function resolveSecret(field: Field | undefined, env: NodeJS.ProcessEnv): ResolvedSecret {
  const text = field?.text?.trim();
  if (!text) return { kind: 'none' };
  const match = ENV_REFERENCE_PATTERN.exec(text);
  if (!match) return { kind: 'value', value: text, label: 'the secret written in the file' };
  const variable = match[1]!;
  const value = env[variable];
  return value ? { kind: 'value', value, label: text } : { kind: 'unset', variable, label: text };
}
