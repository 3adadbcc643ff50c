import { isMap, type YAMLMap } from 'yaml';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { findPair, nodeSpan } from '../../parse/yamlNodes';
import { nodeAtOffset } from '../../parse/nodeAt';
import { keysAt, type SchemaPath } from '../../schema/navigate';
import { defineRule, type QuickFix } from '../types';
import type { Field, ListField } from '../../model/types';
import { removeField } from '../edits/removeField';
import { schemaFindings, type UnknownKeyData } from './schemaIssues';
import { isCertain, scalarInside } from './corrections';

export default defineRule<UnknownKeyData>({
  name: 'unknown-key',
  severity: 'warning',
  summary: 'A key the format does not have (often a typo of a known key).',
  check: (doc) => schemaFindings(doc).unknownKey,
  fixes(finding, doc) {
    if (finding.data?.remove) return removeMisplacedKey(doc, finding.span.start, finding.data.key);
    const suggestion = finding.data?.suggestion;
    const key = finding.data?.key;
    if (!suggestion || key === undefined) return [];
    const context = keyContext(doc, finding.span.start);
    if (!context) return [];
    // Renaming onto a key the mapping already has would make a duplicate: offer nothing.
    if (findPair(context.map, suggestion)) return [];
    const known = keysAt(context.path).map((k) => k.key);
    if (!known.includes(suggestion)) return [];
    const target = scalarInside(doc, finding.span);
    if (!target || target.text !== key) return [];
    const certain = isCertain(key, suggestion, known);
    return [
      {
        title: `Rename \`${key}\` to \`${suggestion}\``,
        edits: [{ span: target.span, newText: suggestion }],
        ...(certain ? { preferred: true, fixAll: true } : {}),
      },
    ];
  },
});

/** The mapping whose key starts at `offset`, with its schema path (keys and list indexes from the root). */
function keyContext(doc: ParsedDocument, offset: number): { map: YAMLMap; path: SchemaPath } | undefined {
  const at = nodeAtOffset(doc.yaml.contents, offset);
  if (at?.kind !== 'key' || at.node.range?.[0] !== offset || !isMap(at.parent)) return undefined;
  return { map: at.parent, path: at.path.slice(0, -1) };
}

/** Removes `triggers` / `targetUrl` from the outbound entry whose key starts at `offset`. */
function removeMisplacedKey(doc: ParsedDocument, offset: number, key: string): QuickFix[] {
  for (const service of doc.model.services) {
    for (const auth of service.authentications) {
      const field = key === 'triggers' ? undefined : auth.targetUrl;
      if (auth.keys.get(key)?.start !== offset) continue;
      const target = field ?? listAsField(auth.triggers);
      const edit = target && removeField(doc, auth.node, target);
      // Offered only: the admin may have meant the entry to be the inbound one.
      return edit ? [{ title: `Remove \`${key}\` from the outbound entry`, edits: [edit] }] : [];
    }
  }
  return [];
}

/** A list value as the Field removeField needs (its key and the span of the whole value). */
function listAsField(list: ListField | undefined): Field | undefined {
  if (!list) return undefined;
  const span = list.alias ?? nodeSpan(list.node) ?? list.keySpan;
  return {
    key: list.key,
    keySpan: list.keySpan,
    node: list.node,
    text: undefined,
    span,
    quote: 'plain',
    textStart: undefined,
  };
}
