import { defineRule } from '../types';
import { schemaFindings, type InvalidValueData } from './schemaIssues';
import { isCertain, valueInside } from './corrections';

export default defineRule<InvalidValueData>({
  name: 'invalid-value',
  severity: 'error',
  summary: 'A value of the wrong type, or not one of the allowed values.',
  check: (doc) => schemaFindings(doc).invalidValue,
  fixes(finding, doc) {
    if (finding.data?.quoteAs) {
      return [
        {
          title: `Put \`${doc.text.slice(finding.span.start, finding.span.end)}\` in quotes`,
          edits: [{ span: finding.span, newText: finding.data.quoteAs }],
          preferred: true,
          fixAll: true,
        },
      ];
    }
    const closest = finding.data?.closest;
    const allowed = finding.data?.allowed ?? [];
    if (!closest || !allowed.includes(closest)) return [];
    const target = valueInside(doc, finding.span);
    if (!target) return [];
    const certain = finding.data?.alias === true || isCertain(target.text, closest, allowed);
    return [
      {
        title: `Replace with \`${closest}\``,
        edits: [{ span: target.span, newText: closest }],
        ...(certain ? { preferred: true, fixAll: true } : {}),
      },
    ];
  },
});
