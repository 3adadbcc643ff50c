import { defineRule } from '../types';
import { schemaFindings, type InvalidValueData } from './schemaIssues';

export default defineRule<InvalidValueData>({
  name: 'invalid-value',
  severity: 'error',
  summary: 'A value of the wrong type, or not one of the allowed values.',
  check: (doc) => schemaFindings(doc).invalidValue,
  fixes(finding) {
    const closest = finding.data?.closest;
    if (!closest) return [];
    return [{
      title: `Replace with \`${closest}\``,
      edits: [{ span: finding.span, newText: closest }],
      preferred: true,
    }];
  },
});
