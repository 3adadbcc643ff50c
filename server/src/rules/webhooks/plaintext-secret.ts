import { isScalar } from 'yaml';
import { defineRule, type Finding } from '../types';
import { isEnvReference, secretSites, type SecretKind } from './secretSites';
import { replaceValue } from './shared';

interface PlaintextSecretData {
  kind: SecretKind;
  /** The environment variable to refer to instead (derived from the service or app name and the direction). */
  envName: string;
  /** Whether the value looks like a reference written wrongly (`$SECRET`, `${ENV:X}`) rather than a secret. */
  brokenReference: boolean;
}

export default defineRule<PlaintextSecretData>({
  name: 'plaintext-secret',
  severity: 'warning',
  summary: 'A `password` or webhook `secret` is written as a literal instead of `${env:NAME}`.',
  check(doc) {
    const findings: Finding<PlaintextSecretData>[] = [];
    for (const site of secretSites(doc)) {
      const field = site.field;
      const text = field?.text;
      // Empty or missing values are missing-secret's; references are what we want.
      if (!field || field.alias || text === undefined || text.trim() === '' || !isScalar(field.node) || isEnvReference(text)) continue;
      const reference = `\${env:${site.envName}}`;
      // `${ENV:X}`, `${X}`, `${env:}`: meant as a reference (a bare `$NAME` may well be a password).
      const brokenReference = /^\$\{[^}]*\}$/.test(text);
      // The value is never repeated: not in the message, not in the data.
      findings.push({
        span: field.span,
        message: brokenReference
          ? `${capitalize(site.label)} looks like an environment-variable reference, but not in the form \`\${env:NAME}\` ` +
            `(for example \`${reference}\`), so it would be used as the literal secret.`
          : `${capitalize(site.label)} is written here as a literal secret. Keep secrets out of the file (and out of Git): ` +
            `write \`${reference}\` and set the environment variable ${site.envName} to the value (${site.where}).`,
        data: { kind: site.kind, envName: site.envName, brokenReference },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    const envName = finding.data?.envName;
    if (!envName || !/^[A-Z_][A-Z0-9_]*$/.test(envName)) return [];
    const site = secretSites(doc).find((s) => s.field && s.field.span.start === finding.span.start && s.field.span.end === finding.span.end);
    if (!site?.field) return [];
    return [{
      // Not part of fix-all: the literal leaves the file, so the admin must first put it in the variable.
      title: `Replace the literal with \${env:${envName}}`,
      edits: replaceValue(doc, site.field, `\${env:${envName}}`),
      preferred: true,
    }];
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
