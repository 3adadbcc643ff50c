import { isScalar } from 'yaml';
import { defineRule, type Finding } from '../types';
import { secretSites, type SecretKind } from './secretSites';
import { isEnvReference } from '../support/envReference';
import { replaceValue } from '../edits/replaceValue';
import { capitalize } from '../support/labels';

interface PlaintextSecretData {
  kind: SecretKind;
  /** The environment variable to refer to instead (derived from the service or app name and the direction). */
  envName: string;
  /** Whether the value looks like a reference written wrongly (`$SECRET`, `${ENV:X}`) rather than a secret. */
  brokenReference: boolean;
  /** The reference it was meant to be (`${ENV:X}` → `${env:X}`, `${X}` → `${env:X}`): a variable name, never a value. */
  meant?: string;
  /** Whether only the spelling of `env` is off (`${ENV:X}`, `${Env: X}`): then the correction is certain. */
  certain?: boolean;
}

/** The `${env:NAME}` a broken reference was meant to be, keeping its variable name. */
export function meantReference(text: string): { reference: string; certain: boolean } | undefined {
  const prefixed = /^\$\{\s*env\s*:\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/i.exec(text);
  if (prefixed) return { reference: `\${env:${prefixed[1]}}`, certain: true };
  const bare = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(text);
  if (bare) return { reference: `\${env:${bare[1]}}`, certain: false };
  return undefined;
}

export default defineRule<PlaintextSecretData>({
  name: 'plaintext-secret',
  severity: 'warning',
  summary: 'A `password` or webhook `secret` is written as a literal instead of `${env:NAME}`.',
  check(doc) {
    const findings: Finding<PlaintextSecretData>[] = [];
    const sites = secretSites(doc);
    // A literal anchored at a secret's own place is reported there; one anchored anywhere else (`secret: *shared`
    // with `&shared` under another key) is reached only through its aliases, so it is reported at each alias.
    const anchoredAtSecret = new Set(
      sites.flatMap((site) => (site.field && !site.field.alias && site.field.node ? [site.field.node] : [])),
    );
    for (const site of sites) {
      const field = site.field;
      const text = field?.text;
      const aliasOfSecret = field?.alias && field.node !== null && anchoredAtSecret.has(field.node);
      // Empty or missing values are missing-secret's; references are what we want.
      if (
        !field ||
        aliasOfSecret ||
        text === undefined ||
        text.trim() === '' ||
        !isScalar(field.node) ||
        isEnvReference(text)
      )
        continue;
      const reference = `\${env:${site.envName}}`;
      // `${ENV:X}`, `${X}`, `${env:}`: meant as a reference (a bare `$NAME` may well be a password).
      const brokenReference = /^\$\{[^}]*\}$/.test(text);
      const meant = brokenReference ? meantReference(text) : undefined;
      // The value is never repeated: not in the message, not in the data (a meant reference is a variable's name).
      findings.push({
        span: field.span,
        message: meant
          ? `Write \`${meant.reference}\`: only \`\${env:NAME}\` (\`env\` in lowercase) is an environment-variable reference.\n` +
            `${capitalize(site.label)} is meant as a reference, but as written it would be used as the literal secret.`
          : brokenReference
            ? `${capitalize(site.label)} looks like an environment-variable reference, but not in the form \`\${env:NAME}\` ` +
              `(for example \`${reference}\`), so it would be used as the literal secret.`
            : `This ${site.kind === 'webhook' ? 'webhook secret' : 'Password'} is written out in the file: write \`${reference}\` instead.\n` +
              `${capitalize(site.label)} is a literal secret. Keep secrets out of the file (and out of Git): ` +
              `write \`${reference}\` and set the environment variable ${site.envName} to the value (${site.where}).`,
        data: {
          kind: site.kind,
          envName: site.envName,
          brokenReference,
          ...(meant ? { meant: meant.reference, certain: meant.certain } : {}),
        },
      });
    }
    return findings;
  },
  fixes(finding, doc) {
    const envName = finding.data?.envName;
    const site = secretSites(doc).find(
      (s) => s.field && s.field.span.start === finding.span.start && s.field.span.end === finding.span.end,
    );
    if (!site?.field) return [];
    // `${ENV:BEACON_WEBHOOK_SECRET}`: the admin named the variable; correct the spelling, keep the name.
    const meant = site.field.text !== undefined ? meantReference(site.field.text) : undefined;
    if (meant && meant.reference === finding.data?.meant) {
      return [
        {
          title: `Write it as ${meant.reference}`,
          edits: replaceValue(doc, site.field, meant.reference),
          preferred: true,
          ...(meant.certain ? { fixAll: true } : {}),
        },
      ];
    }
    if (!envName || !/^[A-Z_][A-Z0-9_]*$/.test(envName)) return [];
    return [
      {
        // Not part of fix-all: the literal leaves the file, so the admin must first put it in the variable.
        title: `Replace the literal with \${env:${envName}}`,
        edits: replaceValue(doc, site.field, `\${env:${envName}}`),
        preferred: true,
      },
    ];
  },
});
