import { defineRule, type Finding } from '../types';
import { schemaFindings } from './schemaIssues';

export default defineRule({
  name: 'yaml-syntax',
  severity: 'error',
  summary: 'The YAML does not parse.',
  check(doc) {
    const findings: Finding[] = doc.yaml.errors.map((error) => {
      const [start, end] = error.pos;
      // The parser's message ends with a code excerpt (when prettyErrors is on) and position: keep the sentence.
      const sentence = error.message.split(/ at line \d+|\n/)[0]!.trim();
      return {
        // A zero-width error still gets one character to show on, but never past the end of the text.
        span: { start, end: Math.min(Math.max(end, start + 1), doc.text.length) },
        message: `YAML syntax error: ${sentence}. The rest of the file is checked as far as it could be read.`,
      };
    });
    const unchecked = schemaFindings(doc).unchecked;
    return unchecked ? [...findings, unchecked] : findings;
  },
});
