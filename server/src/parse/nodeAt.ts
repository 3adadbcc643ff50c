// What is at an offset, or at a path, of a parsed document, found by walking the YAML tree (not the text): the
// key or value under the cursor, its schema path (keys and list indexes, as schema/navigate.ts takes them), its
// span and the collection holding it; or the node a path of keys and indexes leads to. Hover, navigation and the
// rules' fixes use it; it needs a well-formed tree (half-typed YAML is completion's business). Both walks stop
// after MAX_NESTING levels, the nesting beyond which the parser refuses a document, so no tree they are given is
// cut short and a hostile one cannot make them recurse without end.
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_NESTING } from './parsedDocument';
import { findPair, nodeSpan, scalarText } from './yamlNodes';
import type { SchemaPath } from '../schema/navigate';
import type { Span } from '../util/span';

export interface NodeAtOffset {
  /** A mapping key, or a value (a scalar value of a key, or a scalar item of a list). */
  kind: 'key' | 'value';
  /**
   * For a key: the path of the key (`['tenant', 'name']`). For a value: the path of the value
   * (`['tenant', 'name']` for `name: acme`, `[…, 'triggers', 1]` for the second trigger).
   */
  path: SchemaPath;
  /** The scalar under the cursor. */
  node: Scalar;
  /** The scalar's text as written (see scalarText). */
  text: string | undefined;
  span: Span;
  /** The mapping or list holding the scalar (for a key, its mapping); undefined for a scalar document. */
  parent: YAMLMap | YAMLSeq | undefined;
}

/** The key or scalar value at `offset` (end inclusive), walking down from `root` (a document's contents). */
export function nodeAtOffset(root: unknown, offset: number): NodeAtOffset | undefined {
  return walk(root, undefined, offset, [], 0);
}

function walk(
  node: unknown,
  parent: YAMLMap | YAMLSeq | undefined,
  offset: number,
  path: (string | number)[],
  depth: number,
): NodeAtOffset | undefined {
  if (depth > MAX_NESTING || !node) return undefined;
  if (isScalar(node)) {
    const span = nodeSpan(node);
    return span && inside(span, offset)
      ? { kind: 'value', path, node, text: scalarText(node), span, parent }
      : undefined;
  }
  if (isMap(node)) {
    if (!inside(nodeSpan(node), offset)) return undefined;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      const keySpan = nodeSpan(key);
      const keyName = isScalar(key) ? scalarText(key) : undefined;
      if (keySpan && isScalar(key) && inside(keySpan, offset)) {
        return keyName === undefined
          ? undefined
          : { kind: 'key', path: [...path, keyName], node: key, text: keyName, span: keySpan, parent: node };
      }
      if (keyName === undefined) continue;
      const found = walk(pair.value, node, offset, [...path, keyName], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    if (!inside(nodeSpan(node), offset)) return undefined;
    for (let i = 0; i < node.items.length; i++) {
      const found = walk(node.items[i], node, offset, [...path, i], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** What a path of keys and list indexes leads to. */
export interface NodeAtPath {
  /** The node at the path: null for a key without a value, undefined when the path leads nowhere. */
  node: YamlNode | null | undefined;
  /** The span of the key that holds the node (when the last step is a mapping key). */
  keySpan?: Span;
}

/** Follows a path of keys and list indexes from `root` through the YAML tree (a key's first occurrence). */
export function nodeAtPath(root: unknown, path: SchemaPath): NodeAtPath {
  if (path.length > MAX_NESTING) return { node: undefined };
  let node = root as YamlNode | null | undefined;
  let keySpan: Span | undefined;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) {
      node = (node.items[segment] as YamlNode | undefined) ?? undefined;
      keySpan = undefined;
    } else if (typeof segment === 'string' && isMap(node)) {
      const found = findPair(node, segment);
      if (!found) return { node: undefined, keySpan: undefined };
      node = (found.pair.value as YamlNode | null) ?? null;
      keySpan = nodeSpan(found.keyNode);
    } else {
      return { node: undefined };
    }
  }
  return { node, keySpan };
}

/** Inclusive end: a cursor right after the last character still hovers the token (as editors expect). */
function inside(span: Span | undefined, offset: number): boolean {
  return !!span && offset >= span.start && offset <= span.end && span.end > span.start;
}

/** The path with list indexes replaced by `[]`, for matching: `messagingServices[].authentications[].password`. */
export function pathPattern(path: SchemaPath): string {
  return path
    .map((s) => (typeof s === 'number' ? '[]' : `.${s}`))
    .join('')
    .replace(/^\./, '');
}
