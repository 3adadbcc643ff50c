// Checks the file against the zod schema of the format once per parse and turns zod's issues into findings
// of three rules (unknown-key, missing-key, invalid-value), each placed on the exact key or value.
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document } from 'yaml';
import { z } from 'zod';
import { MAX_NESTING, type ParsedDocument } from '../../parse/parsedDocument';
import { sinchcpFile } from '../../schema/format';
import { docAt, enumValuesAt, keysAt, type SchemaPath } from '../../schema/navigate';
import { findPair, nodeSpan } from '../../parse/yamlNodes';
import { nodeAtPath, type NodeAtPath } from '../../parse/nodeAt';
import { closestMatch } from '../../util/closest';
import type { Finding } from '../types';
import type { Span } from '../../util/span';
import { notAConfiguration } from './notAConfiguration';
import { writtenDirection } from '../../model/build';
import { determinedValue } from './determinedValues';
import { channelByCommonName } from '../support/channelNames';
import { expectedTargetUrl } from '../support/contactProWebhooks';
import { serviceLabel, capitalize, truncate } from '../support/labels';
import { firstKeySpan } from '../support/spans';

export interface UnknownKeyData {
  key: string;
  suggestion?: string;
  /** A known key in the wrong kind of entry (`triggers` on an outbound entry): the fix removes it. */
  remove?: boolean;
}
export interface MissingKeyData {
  key: string;
  path: (string | number)[];
}
export interface InvalidValueData {
  allowed?: string[];
  closest?: string;
  /** Text was expected and a plain number/boolean was written: quoting keeps exactly what was written. */
  quoteAs?: string;
  /** `closest` is the API's name for the channel the admin wrote by its common name (FACEBOOK → MESSENGER): certain. */
  alias?: boolean;
}

export interface SchemaFindings {
  unknownKey: Finding<UnknownKeyData>[];
  missingKey: Finding<MissingKeyData>[];
  invalidValue: Finding<InvalidValueData>[];
  /** Set when the file could not be checked against the format at all (aliases expanding without bound). */
  unchecked?: Finding;
}

const cache = new WeakMap<ParsedDocument, SchemaFindings>();

export function schemaFindings(doc: ParsedDocument): SchemaFindings {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = computeSchemaFindings(doc)));
  return found;
}

function computeSchemaFindings(doc: ParsedDocument): SchemaFindings {
  const out: SchemaFindings = { unknownKey: [], missingKey: [], invalidValue: [] };
  const root = doc.yaml.contents;
  // An empty file, or one that is not a mapping, is not a configuration: one finding saying what it needs.
  if (!isMap(root)) {
    const finding = notAConfiguration(doc);
    if (finding) out.missingKey.push(finding);
    return out;
  }
  let value: unknown;
  try {
    value = plainData(doc.yaml, doc.text.includes('*'));
  } catch {
    // An alias bomb, or aliases nested too deep: nothing sensible to check, and the admin should know why.
    const firstAlias = doc.text.search(/\*[^\s,\]}]/);
    const at = Math.max(0, firstAlias);
    out.unchecked = {
      span: { start: at, end: Math.min(doc.text.length, at + 1) },
      message:
        'Aliases (`*name`) here expand to more than the file could ever need (an "alias bomb"), so the file is not checked against the format. Write the values out instead of aliasing them.',
    };
    return out;
  }
  const result = sinchcpFile.safeParse(value);
  directionKeys(doc, out);
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const located = nodeAtPath(root, path);
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(path).map((k) => k.key);
      for (const key of issue.keys) {
        const keyNode = isMap(located.node) ? findPair(located.node, key)?.keyNode : undefined;
        const span = nodeSpan(keyNode);
        if (!span) continue;
        if (!writtenAsKey(doc.text, span)) {
          // YAML made a key of a stray line (no `key:` on it, or text folded over several lines): it is not a key
          // anyone wrote, so it is not quoted — it may be a pasted secret whose own key was lost.
          out.unknownKey.push({
            span: firstLineOf(doc.text, span),
            message: `This line is not a \`key: value\` pair, so YAML reads it as a key of ${describePath(path, doc)}. Write \`key: value\`, or indent it under the key it belongs to.`,
            data: { key: '' },
          });
          continue;
        }
        const suggestion = closestMatch(key, known);
        out.unknownKey.push({
          span,
          message:
            `Unknown key \`${key}\` in ${describePath(path, doc)}.` +
            (suggestion
              ? ` Did you mean \`${suggestion}\`?`
              : ` Allowed here: ${known.map((k) => `\`${k}\``).join(', ')}.`),
          data: { key, suggestion },
        });
      }
      continue;
    }
    const key = path[path.length - 1];
    const missing = located.node === undefined && typeof key === 'string';
    if (missing || (issue.code === 'too_small' && issue.origin === 'array')) {
      out.missingKey.push(missingKeyFinding(doc, path, located, missing));
      continue;
    }
    // Values owned by a dedicated rule are explained there (one mistake, one diagnostic).
    if (docAt(path)?.ownedBy) continue;
    const span = nodeSpan(located.node) ?? located.keySpan;
    if (!span) continue;
    out.invalidValue.push(invalidValueFinding(doc, issue, path, span, located));
  }
  return out;
}

/**
 * What the schema alone cannot say, since one list holds both kinds of entry: an inbound entry needs `targetUrl`
 * (without it, nothing tells Sinch where to post, and the webhook cross-checks would have nothing to compare);
 * `triggers` and `targetUrl` belong to the inbound entry only (SC shows them for the webhook, not for the access key).
 */
function directionKeys(doc: ParsedDocument, out: SchemaFindings): void {
  doc.model.services.forEach((service, serviceIndex) => {
    service.authentications.forEach((auth, entryIndex) => {
      // As written (case aside): a missing or misspelt direction is reported once, not guessed at here.
      const direction = writtenDirection(auth);
      const path = ['messagingServices', serviceIndex, 'authentications', entryIndex];
      const where = `the ${direction} authentication of ${serviceLabel(doc, service)}`;
      if (direction === 'inbound' && !auth.keys.has('targetUrl')) {
        const expected = expectedTargetUrl(doc.model.tenant);
        out.missingKey.push({
          span: firstKeySpan(auth),
          message:
            `Missing required key \`targetUrl\` in ${where}.\nIt is the URL Sinch posts this service's messages to, which each ` +
            "app's webhook must target. " +
            (expected
              ? `For this tenant: \`${expected}\`.`
              : "It is `https://login-{landscape}.cc.sinch.com/{tenant}/sms/sinchconversation/all` with your tenant's landscape and name."),
          data: { key: 'targetUrl', path },
        });
      }
      if (direction !== 'outbound') return;
      for (const key of ['triggers', 'targetUrl'] as const) {
        const span = auth.keys.get(key);
        if (!span) continue;
        out.unknownKey.push({
          span,
          message:
            `\`${key}\` does not belong in ${where}: only the inbound (\`webhook\`) entry has ${key === 'triggers' ? 'triggers' : 'a target URL'}. ` +
            'Move it to the inbound entry, or remove it.',
          data: { key, remove: true },
        });
      }
    });
  });
}

function missingKeyFinding(
  doc: ParsedDocument,
  path: SchemaPath,
  located: NodeAtPath,
  missing: boolean,
): Finding<MissingKeyData> {
  const key = String(path[path.length - 1]);
  const parentPath = path.slice(0, -1);
  if (!missing) {
    // An empty required list (`messagingServices: []`).
    return {
      span: located.keySpan ?? { start: 0, end: 0 },
      message: `\`${key}\` needs at least one entry. ${docAt(path)?.description ?? ''}`.trim(),
      data: { key, path: [...path] },
    };
  }
  const parent = nodeAtPath(doc.yaml.contents, parentPath);
  // The range is the parent's key (docs/rules/missing-key.md#what-it-checks); for a list item (no key of its own), the
  // item's first key;
  // for a top-level key, the first line of the document.
  const firstKey = isMap(parent.node) && parentPath.length ? nodeSpan(parent.node.items[0]?.key) : undefined;
  const span = parent.keySpan ?? firstKey ?? firstLineSpan(doc.text);
  const where = parentPath.length ? `${describePath(parentPath, doc)}` : 'the file';
  const doc1 = docAt(path);
  // A closed set is named; a value the file determines is given.
  const allowed = enumValuesAt(path);
  const value = determinedValue(doc, parentPath, key);
  return {
    span,
    message:
      `Missing required key \`${key}\` in ${where}.` +
      (doc1 ? ` ${doc1.description}` : '') +
      (allowed?.length ? ` One of: ${allowed.join(', ')}.` : '') +
      (value ? ` From this file: \`${value}\`.` : ''),
    data: { key, path: [...parentPath] },
  };
}

function invalidValueFinding(
  doc: ParsedDocument,
  issue: z.core.$ZodIssue,
  path: SchemaPath,
  span: Span,
  located: NodeAtPath,
): Finding<InvalidValueData> {
  const written = doc.text.slice(span.start, span.end);
  const label = describePath(path, doc);
  if (issue.code === 'invalid_value') {
    const allowed = enumValuesAt(path) ?? issue.values.map(String);
    const unquoted = written.replace(/^['"]|['"]$/g, '');
    const common = path[path.length - 2] === 'channels' ? channelByCommonName(unquoted) : undefined;
    if (common && allowed.includes(common.channel)) {
      return {
        span,
        message: `\`${written}\` is not a Conversation API channel name: the Conversation API calls ${common.label} \`${common.channel}\`.`,
        data: { allowed, closest: common.channel, alias: true },
      };
    }
    const closest = closestMatch(unquoted, allowed);
    const sameButCase =
      closest !== undefined && closest === closest.toLowerCase() && closest === unquoted.trim().toLowerCase();
    return {
      span,
      message:
        (sameButCase
          ? // The relations read such a value as meant (model/build.ts writtenDirection), so no other rule cascades.
            `\`${written}\` is not a valid value: write it in lowercase, \`${closest}\`.\nSC compares it exactly (the other checks read it as \`${closest}\` meanwhile). `
          : closest
            ? `\`${written}\` is not a valid value: did you mean \`${closest}\`?\n`
            : `\`${written}\` is not a valid value for ${label}.\n`) +
        `${closest ? `It is ${label}. ` : ''}Expected one of: ${allowed.join(', ')}.`,
      data: { allowed, closest },
    };
  }
  if (issue.code === 'invalid_type') {
    // YAML reads `+12025550143` as the number 12025550143 (the plus is lost) and `yes` as a boolean.
    const plainScalar = issue.expected === 'string' && /^[^\s"'[{|>&*!#][^\n]*$/.test(written);
    return {
      span,
      message:
        `${capitalize(label)} should be ${describeType(issue.expected)}` +
        (!written.trim()
          ? ', but it has no value.'
          : plainScalar
            ? `: put it in quotes.\nYAML reads \`${truncate(written)}\` as a ${isScalar(located.node) ? typeof located.node.value : 'value'}, not text (sinchcp reads it as written, but other tools would drop a leading \`+\` or zero).`
            : `, not \`${truncate(written)}\`.`) +
        (issue.expected === 'array' ? '\nWrite it as `- item` lines or as `[a, b]`.' : ''),
      data: plainScalar ? { quoteAs: JSON.stringify(written) } : {},
      // sinchcp reads the value as written, so nothing is lost here; other YAML tools would lose the `+`.
      ...(plainScalar ? { severity: 'warning' as const } : {}),
    };
  }
  return { span, message: `Invalid value for ${label}: ${issue.message}.`, data: {} };
}

class TooLarge extends Error {}

/**
 * The document as plain data for zod, as `toJS()` gives it, except that (1) a pair whose key is not a scalar
 * (`? [a, b]`, `{ {a: 1}: x }`) is left out: the format has none, and `toJS()` stringifies such keys at a
 * cost that grows much faster than their depth (a 400-level `? ? ? …` took 18 s, `a: {{{…` 44 s); (2) aliases
 * are expanded within a budget of nodes and of depth, so an alias bomb throws TooLarge instead of exhausting
 * memory or the stack; an alias inside its own anchor (a cycle) reads as null.
 */
export function plainData(yaml: Document, mayHaveAliases = true): unknown {
  // One pass in document order: each alias resolves to the last node anchored with its name before it.
  const anchors = new Map<string, unknown>();
  const aliasTarget = new Map<Alias, unknown>();
  let nodes = 0;
  if (mayHaveAliases)
    visit(yaml, {
      Node(_, node) {
        nodes++;
        if (isAlias(node)) aliasTarget.set(node, anchors.get(node.source));
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  let budget = mayHaveAliases ? 2 * nodes + 10_000 : Infinity;
  const maxDepth = 4 * MAX_NESTING;
  const open = new Set<unknown>();
  const convert = (node: unknown, depth: number): unknown => {
    if (--budget < 0 || depth > maxDepth) throw new TooLarge();
    if (isAlias(node)) {
      const target = aliasTarget.get(node);
      return open.has(target) ? null : convert(target, depth + 1);
    }
    if (isScalar(node)) return node.value;
    if (!isMap(node) && !isSeq(node)) return null;
    open.add(node);
    try {
      return convertCollection(node, depth);
    } finally {
      open.delete(node);
    }
  };
  const convertCollection = (node: unknown, depth: number): unknown => {
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isAlias(pair.key) ? aliasTarget.get(pair.key) : pair.key;
        if (key !== null && key !== undefined && !isScalar(key)) continue;
        const raw = isScalar(key) ? key.value : null;
        // A scalar key's value is a string, number, boolean or null (never an object): String() is its text.
        // eslint-disable-next-line @typescript-eslint/no-base-to-string
        const name = raw === null || raw === undefined ? '' : String(raw);
        const value = convert(pair.value, depth + 1);
        if (name === '__proto__')
          Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
        else out[name] = value;
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1));
    return null;
  };
  return convert(yaml.contents, 0);
}

/** A key on one line, followed (after spaces) by the `:` indicator: a key as someone typed it. */
function writtenAsKey(text: string, span: Span): boolean {
  const keyText = text.slice(span.start, span.end);
  if (/[\r\n]/.test(keyText)) return false;
  return /^[ \t]*:/.test(text.slice(span.end, span.end + 200));
}

/** The part of a span on its first line. */
function firstLineOf(text: string, span: Span): Span {
  const lineBreak = text.slice(span.start, span.end).search(/[\r\n]/);
  return lineBreak < 0 ? span : { start: span.start, end: span.start + Math.max(lineBreak, 1) };
}

/**
 * A place in the file as the admin sees it: "`direction` of authentication entry 1 of service `Sinch EU`",
 * "`channels` item 2 of app `ACME support EU`", never `messagingServices[0].authentications[0].direction`.
 */
function describePath(path: SchemaPath, doc: ParsedDocument): string {
  if (!path.length) return 'the file';
  const containers: string[] = [];
  let keys: string[] = [];
  let item: string | undefined;
  const model = doc.model;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof segment === 'string') {
      keys.push(segment);
      continue;
    }
    const owner = keys[keys.length - 1];
    const index = segment;
    const named = (kind: string, name: string | undefined) =>
      name?.trim() ? `${kind} \`${name.trim()}\`` : `${kind} ${index + 1}`;
    let container: string | undefined;
    if (owner === 'apps') {
      const app = model.conversationApi?.apps[index];
      container = named('app', app?.name?.text ?? app?.appId?.text);
    } else if (owner === 'messagingServices') {
      container = named('service', model.services[index]?.name?.text);
    } else if (owner === 'queues') {
      container = named('queue', model.queues[index]?.name?.text);
    } else if (owner === 'authentications') {
      container = `authentication entry ${index + 1}`;
    } else if (owner === 'webhooks') {
      container = `webhook ${index + 1}`;
    } else if (owner === 'addresses') {
      container = `address ${index + 1}`;
    }
    if (container) {
      containers.unshift(container);
      keys = [];
    } else {
      // An item of a list of values (`channels`, `triggers`).
      item = `item ${index + 1} of \`${keys.join('.')}\``;
      keys = [];
    }
  }
  const what = keys.length ? `\`${keys.join('.')}\`` : (item ?? containers.shift() ?? 'the file');
  if (keys.length && item) containers.unshift(item);
  return containers.length ? `${what} of ${containers.join(' of ')}` : what;
}

function describeType(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of `key: value` lines';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

function firstLineSpan(text: string): Span {
  const end = text.search(/\r|\n/);
  return { start: 0, end: end < 0 ? text.length : end };
}
