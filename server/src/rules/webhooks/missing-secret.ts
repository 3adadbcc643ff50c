import { isScalar } from 'yaml';
import { defineRule, type Finding } from '../types';
import { secretSites, type SecretKind } from './secretSites';
import { capitalize } from '../support/labels';

interface MissingSecretData {
  kind: SecretKind;
  /** Whether the key is absent (else it is there with no usable value). */
  absent: boolean;
}

const WHY: Record<SecretKind, string> = {
  inbound: 'Contact Pro verifies the signature of every webhook call with it, so without it no message is accepted',
  webhook: 'Sinch signs callbacks only when a secret is set, and Contact Pro rejects unsigned calls',
  outbound: "Contact Pro authenticates to the Conversation API with the access key's Key ID and this secret",
  authentication: 'SC needs a Password for every authentication entry',
};

export default defineRule<MissingSecretData>({
  name: 'missing-secret',
  severity: 'error',
  summary: 'A `password` or Contact Pro webhook `secret` is missing or empty.',
  check(doc) {
    const findings: Finding<MissingSecretData>[] = [];
    for (const site of secretSites(doc)) {
      // Only Contact Pro's webhooks need a secret; another system's webhook may go without.
      if (site.kind === 'webhook' && !site.contactPro) continue;
      const key = site.kind === 'webhook' ? 'secret' : 'password';
      const field = site.field;
      const write = `write \`\${env:${site.envName}}\``;
      const set = `Set the environment variable ${site.envName} to it`;
      if (!field) {
        findings.push({
          span: site.anchor,
          message: `Missing \`${key}\`: ${write}.\n${capitalize(site.label)} is not set. ${WHY[site.kind]}. ${set} (${site.where}).`,
          data: { kind: site.kind, absent: true },
        });
        continue;
      }
      const text = field.text;
      const node = field.node;
      const notScalar = node !== null && !isScalar(node);
      if (text === undefined || text.trim() === '' || notScalar) {
        const empty = field.span.start === field.span.end;
        findings.push({
          span: empty ? field.keySpan : field.span,
          message:
            `The ${key === 'secret' ? 'webhook secret' : 'Password'} is ${notScalar ? 'not a single value' : 'empty'}: ${write}.\n` +
            `It is ${site.label}. ${WHY[site.kind]}. ${set} (${site.where}).`,
          data: { kind: site.kind, absent: false },
        });
      }
    }
    return findings;
  },
});
