import { defineRule } from '../types';
import { schemaFindings, type UnknownKeyData } from './schemaIssues';

export default defineRule<UnknownKeyData>({
  name: 'unknown-key',
  severity: 'warning',
  summary: 'A key the format does not have (often a typo of a known key).',
  check: (doc) => schemaFindings(doc).unknownKey,
  fixes(finding) {
    const suggestion = finding.data?.suggestion;
    if (!suggestion) return [];
    return [{
      title: `Rename \`${finding.data!.key}\` to \`${suggestion}\``,
      edits: [{ span: finding.span, newText: suggestion }],
      preferred: true,
    }];
  },
});
