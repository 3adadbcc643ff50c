import { defineRule } from '../types';

export default defineRule({
  name: 'yaml-syntax',
  severity: 'error',
  summary: 'The YAML does not parse.',
  check(doc) {
    return doc.yaml.errors.map((error) => {
      const [start, end] = error.pos;
      // The parser's message ends with a code excerpt (when prettyErrors is on) and position: keep the sentence.
      const sentence = error.message.split(/ at line \d+|\n/)[0]!.trim();
      return {
        span: { start, end: Math.max(end, start + 1) },
        message: `YAML syntax error: ${sentence}. The rest of the file is checked as far as it could be read.`,
      };
    });
  },
});
