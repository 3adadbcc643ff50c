// Placeholder until this feature lands (issue 4): serves nothing yet.
import type { Feature } from '../context';

export const completionFeature: Feature = {
  capabilities: {},
  register() {},
};
