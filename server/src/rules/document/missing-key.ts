import { defineRule } from '../types';
import { schemaFindings, type MissingKeyData } from './schemaIssues';

export default defineRule<MissingKeyData>({
  name: 'missing-key',
  severity: 'error',
  summary: 'A required key is missing.',
  check: (doc) => schemaFindings(doc).missingKey,
});
