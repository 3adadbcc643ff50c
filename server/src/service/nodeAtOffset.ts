// What is at an offset of a parsed document, found by walking the YAML tree (not the text): the key or value
// under the cursor, its schema path (keys and list indexes, as schema/navigate.ts takes them) and its span.
// Hover and navigation use it; it needs a well-formed tree (half-typed YAML is completion's business).
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Scalar } from 'yaml';
import { nodeSpan, scalarText } from '../parse/yamlNodes';
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
}

/** Deep enough for any file of the format; stops runaway recursion on hostile input. */
const MAX_DEPTH = 64;

export function nodeAtOffset(root: unknown, offset: number): NodeAtOffset | undefined {
  return walk(root, offset, [], 0);
}

function walk(node: unknown, offset: number, path: (string | number)[], depth: number): NodeAtOffset | undefined {
  if (depth > MAX_DEPTH || !node) return undefined;
  if (isScalar(node)) {
    const span = nodeSpan(node);
    return span && inside(span, offset) ? { kind: 'value', path, node, text: scalarText(node), span } : undefined;
  }
  if (isMap(node)) {
    if (!inside(nodeSpan(node), offset)) return undefined;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as YamlNode | null;
      const keySpan = nodeSpan(key);
      const keyName = isScalar(key) ? scalarText(key) : undefined;
      if (keySpan && isScalar(key) && inside(keySpan, offset)) {
        return keyName === undefined ? undefined : { kind: 'key', path: [...path, keyName], node: key, text: keyName, span: keySpan };
      }
      if (keyName === undefined) continue;
      const found = walk(pair.value, offset, [...path, keyName], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    if (!inside(nodeSpan(node), offset)) return undefined;
    for (let i = 0; i < node.items.length; i++) {
      const found = walk(node.items[i], offset, [...path, i], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Inclusive end: a cursor right after the last character still hovers the token (as editors expect). */
function inside(span: Span | undefined, offset: number): boolean {
  return !!span && offset >= span.start && offset <= span.end && span.end > span.start;
}

/** The path with list indexes replaced by `[]`, for matching: `messagingServices[].authentications[].password`. */
export function pathPattern(path: SchemaPath): string {
  return path.map((s) => (typeof s === 'number' ? '[]' : `.${s}`)).join('').replace(/^\./, '');
}
