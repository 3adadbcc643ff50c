import { isMap } from 'yaml';
import { z } from 'zod';
import { findPair } from '../../parse/yamlNodes';
import { nodeAtPath } from '../../parse/nodeAt';
import { keysAt, schemaAt, unwrap, type SchemaPath } from '../../schema/navigate';
import { SERVICE_TYPE } from '../../schema/domain';
import { insertKeyEdit } from '../edits/insertKey';
import type { InsertEntry, InsertValue } from '../edits/values';
import { defineRule } from '../types';
import { schemaFindings, type MissingKeyData } from './schemaIssues';
import { determinedValue } from './determinedValues';

export default defineRule<MissingKeyData>({
  name: 'missing-key',
  severity: 'error',
  summary: 'A required key is missing.',
  check: (doc) => schemaFindings(doc).missingKey,
  fixes(finding, doc) {
    const data = finding.data;
    if (!data) return [];
    const parent = nodeAtPath(doc.yaml.contents, data.path).node;
    // An empty required list (`messagingServices: []`) carries the list's own path: nothing to insert.
    if (!isMap(parent) || findPair(parent, data.key)) return [];
    const parentPath = data.path;
    const keys = keysAt(parentPath).map((k) => k.key);
    const index = keys.indexOf(data.key);
    if (index < 0) return [];
    const determined = determinedValue(doc, parentPath, data.key);
    const entry: InsertEntry = { key: data.key, value: determined ?? placeholder([...parentPath, data.key]) };
    const edit = insertKeyEdit(doc, parent, entry, { before: keys.slice(index + 1) });
    if (!edit) return [];
    // Only `version` has a value known for certain; other placeholders are for the admin to fill in.
    const certain = parentPath.length === 0 && data.key === 'version';
    if (determined) {
      // Built from what the file says: the way to resolve it, but the admin checks it before fix-all would.
      return [{ title: `Insert \`${data.key}: ${determined}\``, edits: [edit], preferred: true }];
    }
    return [{ title: `Insert \`${data.key}\``, edits: [edit], preferred: certain, fixAll: certain }];
  },
});

/**
 * What to write for a missing key: the value when only one is possible (`version: 1`, a service's
 * `type: sinchconversation`), else an empty one to fill in (`""`, `[]`), or a mapping with its required keys.
 */
function placeholder(path: SchemaPath, depth = 0): InsertValue {
  const schema = schemaAt(path);
  const node = schema && unwrap(schema);
  if (node instanceof z.ZodLiteral) return { raw: String(node.value) };
  if (node instanceof z.ZodArray) return { raw: '[]' };
  if (node instanceof z.ZodObject && depth < 3) {
    return keysAt(path)
      .filter((k) => k.required)
      .map((k) => ({ key: k.key, value: placeholder([...path, k.key], depth + 1) }));
  }
  const last = path[path.length - 1];
  if (last === 'type' && path[0] === 'messagingServices') return SERVICE_TYPE;
  if (last === 'type' && path[0] === 'queues') return 'chat';
  return { raw: '""' };
}
