import { defineRule, type Finding } from '../types';

interface UnknownAppData {
  /** The app ID, uppercased. */
  appId: string;
}

export default defineRule<UnknownAppData>({
  name: 'unknown-app',
  severity: 'error',
  summary: 'A queue address names an app that no messaging service serves.',
  check(doc) {
    const findings: Finding<UnknownAppData>[] = [];
    // With no messaging service at all, missing-key says so once instead of this rule on every address.
    if (!doc.model.services.length) return findings;
    // An outbound entry whose app ID is still a placeholder (`[Key ID]@[App ID]`) may be the one that serves
    // these addresses: the placeholder is reported, not every address it leaves unserved.
    if (doc.model.placeholders.some((p) => p.key === 'authenticationId' && p.kind === 'app')) return findings;
    for (const ref of doc.model.appIdReferences) {
      if (ref.site !== 'address' || !ref.id) continue;
      const id = ref.id.toUpperCase();
      if (doc.relations.servingServices.has(id)) continue;
      const region = doc.relations.declaredApps.get(id)?.region?.text;
      findings.push({
        span: ref.span,
        message:
          `App \`${ref.id}\` of this queue address is served by no messaging service.\nNo outbound Authentication ID ` +
          `ends with \`@${id}\`. Contact Pro cannot send through it. Add an outbound entry \`{KeyID}@${id}\` to the messaging ` +
          `service${region ? ` of the app's region (\`${region}\`)` : " of the app's region"} ` +
          '(SC: System Management > Messaging Services > [service] > Authentication), or correct the app ID.',
        data: { appId: id },
      });
    }
    return findings;
  },
});
