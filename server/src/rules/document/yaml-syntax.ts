import { defineRule, type Finding } from '../types';
import { schemaFindings } from './schemaIssues';
import { yamlErrorFindings } from './yamlErrorText';

export default defineRule({
  name: 'yaml-syntax',
  severity: 'error',
  summary: 'The YAML does not parse.',
  check(doc) {
    // Worded by sinchcp from the error's code and place, never with the parser's text (yamlErrorText.ts).
    const findings: Finding[] = yamlErrorFindings(
      doc.yaml,
      doc.text,
      (offset) => doc.textDocument.positionAt(offset).line,
    );
    const unchecked = schemaFindings(doc).unchecked;
    return unchecked ? [...findings, unchecked] : findings;
  },
});
