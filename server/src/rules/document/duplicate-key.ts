import { isMap, visit } from 'yaml';
import { nodeSpan, stringKeyedPairs } from '../../parse/yamlNodes';
import { defineRule, type Finding } from '../types';

export default defineRule({
  name: 'duplicate-key',
  severity: 'error',
  summary: 'A mapping repeats a key.',
  check(doc) {
    const findings: Finding[] = [];
    visit(doc.yaml, {
      Map(_, map) {
        if (!isMap(map)) return;
        const seen = new Set<string>();
        for (const { key, keyNode } of stringKeyedPairs(map)) {
          const span = nodeSpan(keyNode);
          if (seen.has(key) && span) {
            findings.push({
              span,
              message: `Duplicate key \`${key}\`: YAML keeps only the last value, so the earlier one is silently ignored. Remove one of them.`,
            });
          }
          seen.add(key);
        }
      },
      // Aliases are not followed: a key repeated through an alias is not a duplicate in the file.
      Alias: () => visit.SKIP,
    });
    return findings;
  },
});
