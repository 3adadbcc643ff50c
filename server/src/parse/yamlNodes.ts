// Small, safe accessors over the `yaml` package's nodes. Every function accepts anything (broken YAML gives
// nulls, aliases, wrong kinds) and answers undefined rather than throwing.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Alias,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { Span } from '../util/span';

/** The span of a node's value (without trailing comments), or undefined for a node without a range. */
export function nodeSpan(node: unknown): Span | undefined {
  const range = (node as YamlNode | null)?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

/** The pairs of a mapping whose key is a plain string, in file order (duplicates included). */
export function stringKeyedPairs(map: YAMLMap): { key: string; keyNode: Scalar; pair: Pair }[] {
  const out: { key: string; keyNode: Scalar; pair: Pair }[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = pair.key.value;
    if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') {
      out.push({ key: String(key), keyNode: pair.key, pair });
    }
  }
  return out;
}

/** Each mapping's first pair per key, built once: the model looks up several keys in every mapping. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, { keyNode: Scalar; pair: Pair }>>();

/** The first pair of a mapping with this key. (Parsed trees are never mutated, so the index stays valid.) */
export function findPair(map: YAMLMap | undefined, key: string): { keyNode: Scalar; pair: Pair } | undefined {
  if (!map) return undefined;
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const entry of stringKeyedPairs(map)) if (!index.has(entry.key)) index.set(entry.key, entry);
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

/** The mapping items of a sequence (non-mappings are skipped; their shape is reported by the schema check). */
export function mapItems(seq: unknown): YAMLMap[] {
  return isSeq(seq) ? seq.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

/**
 * A scalar's text as the user wrote it: the decoded string for quoted scalars, the source for plain ones
 * (so `+12025550143` keeps its plus, and `01` its zero), undefined for non-scalars and nulls.
 */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.source === 'string' && node.source !== '') return node.source;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the core schema's scalars are primitives
  return String(node.value);
}

/**
 * Each alias of the document with the node it stands for: the last node anchored with its name before it
 * (one pass in document order). Empty when the text has no `*`, so files without aliases pay nothing.
 */
export function aliasTargets(doc: Document, text: string): Map<Alias, YamlNode> {
  const targets = new Map<Alias, YamlNode>();
  if (!text.includes('*')) return targets;
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}
