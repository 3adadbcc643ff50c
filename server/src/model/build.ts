// Builds the ConfigModel from a parsed YAML document. Tolerant by design: any part may be missing, of the
// wrong kind or half-typed; what cannot be read is left out and reported by the schema check instead.
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Scalar,
  type Alias,
  type Document,
  type Node as YamlNode,
  type YAMLMap,
} from 'yaml';
import { aliasTargets, findPair, mapItems, nodeSpan, scalarText, stringKeyedPairs } from '../parse/yamlNodes';
import type { Span } from '../util/span';
import { APP_ID_PATTERN } from '../schema/domain';
import { findPlaceholders, touchesPlaceholder } from './placeholders';
import type {
  AppIdReference,
  AppModel,
  AuthenticationModel,
  ConfigModel,
  ConversationApiModel,
  Element,
  Field,
  ListField,
  QueueAddressModel,
  QueueModel,
  ServiceModel,
  TenantModel,
  WebhookModel,
} from './types';

export function buildModel(doc: Document, text: string): ConfigModel {
  const root = isMap(doc.contents) ? doc.contents : undefined;
  const read = new FieldReader(text, aliasTargets(doc, text));
  const model: ConfigModel = {
    root,
    rootKeys: root ? keySpans(root) : new Map<string, Span>(),
    services: [],
    queues: [],
    appIdReferences: [],
    placeholders: [],
  };
  if (!root) return model;

  model.version = read.field(root, 'version');

  const tenantPair = findPair(root, 'tenant');
  if (tenantPair && isMap(tenantPair.pair.value)) {
    const node = tenantPair.pair.value;
    const tenant: TenantModel = {
      ...element(node),
      keySpan: nodeSpan(tenantPair.keyNode)!,
      name: read.field(node, 'name'),
      landscape: read.field(node, 'landscape'),
    };
    model.tenant = tenant;
  }

  const apiPair = findPair(root, 'conversationApi');
  if (apiPair && isMap(apiPair.pair.value)) {
    const node = apiPair.pair.value;
    const api: ConversationApiModel = {
      ...element(node),
      keySpan: nodeSpan(apiPair.keyNode)!,
      projectId: read.field(node, 'projectId'),
      apps: mapItems(findPair(node, 'apps')?.pair.value).map((appNode) => reuseItem(appNode, read, readApp)),
    };
    model.conversationApi = api;
  }

  const servicesPair = findPair(root, 'messagingServices');
  model.servicesKeySpan = nodeSpan(servicesPair?.keyNode);
  model.services = mapItems(servicesPair?.pair.value).map((node) => reuseItem(node, read, readService));

  const queuesPair = findPair(root, 'queues');
  model.queuesKeySpan = nodeSpan(queuesPair?.keyNode);
  model.queues = mapItems(queuesPair?.pair.value).map((node) => reuseItem(node, read, readQueue));

  model.placeholders = findPlaceholders(model, text);
  model.appIdReferences = collectAppIdReferences(model).filter(
    (ref) => !touchesPlaceholder(model.placeholders, ref.span),
  );
  return model;
}

/**
 * The model of each list item (an app, a service, a queue) by its node, and the offset its node started at when
 * it was built. The incremental re-parse (parse/incremental.ts) keeps the nodes of the items an edit did not
 * touch (their offsets shifted in place), so their models are reused too, shifted the same way: the model of an
 * unchanged item costs a walk over its spans instead of a build. A full parse makes new nodes, which are built.
 * Not with aliases in the file: an item's fields may then stand for nodes of another item.
 */
const itemModels = new WeakMap<YAMLMap, { model: object; builtAt: number }>();

function reuseItem<M extends object>(
  node: YAMLMap,
  read: FieldReader,
  build: (node: YAMLMap, read: FieldReader) => M,
): M {
  const start = node.range?.[0];
  if (start === undefined || read.hasAliases) return build(node, read);
  const cached = itemModels.get(node);
  if (cached) {
    if (cached.builtAt !== start) shiftSpans(cached.model, start - cached.builtAt);
    cached.builtAt = start;
    return cached.model as M;
  }
  const model = build(node, read);
  itemModels.set(node, { model, builtAt: start });
  return model;
}

/**
 * Adds `delta` to every span (`{ start, end }`) and every `textStart` of an item's model, in place. The YAML
 * nodes it points to (`node`) are not walked: their offsets were shifted with the tree. Without aliases (the
 * only reason reuseItem is used) an item's model shares no span object between two places, so each is shifted
 * once.
 */
function shiftSpans(value: unknown, delta: number): void {
  if (!value || typeof value !== 'object') return;
  if (value instanceof Map) {
    for (const inner of value.values()) shiftSpans(inner, delta);
    return;
  }
  if (Array.isArray(value)) {
    for (const inner of value) shiftSpans(inner, delta);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') {
    record.start += delta;
    record.end += delta;
    return;
  }
  for (const key in record) {
    if (key === 'node') continue;
    const inner = record[key];
    if (key === 'textStart' && typeof inner === 'number') record[key] = inner + delta;
    else shiftSpans(inner, delta);
  }
}

function readApp(node: YAMLMap, read: FieldReader): AppModel {
  const webhooksPair = findPair(node, 'webhooks');
  return {
    ...element(node),
    appId: read.field(node, 'appId'),
    name: read.field(node, 'name'),
    region: read.field(node, 'region'),
    processingMode: read.field(node, 'processingMode'),
    channels: read.list(node, 'channels'),
    webhooksKeySpan: nodeSpan(webhooksPair?.keyNode),
    webhooks: mapItems(webhooksPair?.pair.value).map((hook): WebhookModel => ({
      ...element(hook),
      target: read.field(hook, 'target'),
      secret: read.field(hook, 'secret'),
      triggers: read.list(hook, 'triggers'),
      targetType: read.field(hook, 'targetType'),
    })),
  };
}

function readService(node: YAMLMap, read: FieldReader): ServiceModel {
  const authsPair = findPair(node, 'authentications');
  return {
    ...element(node),
    name: read.field(node, 'name'),
    type: read.field(node, 'type'),
    serviceConnection: read.field(node, 'serviceConnection'),
    authenticationsKeySpan: nodeSpan(authsPair?.keyNode),
    authentications: mapItems(authsPair?.pair.value).map((auth): AuthenticationModel => ({
      ...element(auth),
      direction: read.field(auth, 'direction'),
      authenticationId: read.field(auth, 'authenticationId'),
      password: read.field(auth, 'password'),
      triggers: read.list(auth, 'triggers'),
      targetUrl: read.field(auth, 'targetUrl'),
    })),
  };
}

function readQueue(node: YAMLMap, read: FieldReader): QueueModel {
  const addressesPair = findPair(node, 'addresses');
  return {
    ...element(node),
    name: read.field(node, 'name'),
    type: read.field(node, 'type'),
    addressesKeySpan: nodeSpan(addressesPair?.keyNode),
    addresses: mapItems(addressesPair?.pair.value).map((entry): QueueAddressModel => ({
      ...element(entry),
      address: read.field(entry, 'address'),
      smsSenderId: read.field(entry, 'smsSenderId'),
    })),
  };
}

function element(node: YAMLMap): Element {
  return { node, span: nodeSpan(node) ?? { start: 0, end: 0 }, keys: keySpans(node) };
}

function keySpans(map: YAMLMap): Map<string, Span> {
  const keys = new Map<string, Span>();
  for (const { key, keyNode } of stringKeyedPairs(map)) {
    const s = nodeSpan(keyNode);
    if (s && !keys.has(key)) keys.set(key, s);
  }
  return keys;
}

/** Reads fields and lists, knowing the document text so it can tell where a value's characters stand. */
class FieldReader {
  constructor(
    private readonly text: string,
    private readonly aliases: Map<Alias, YamlNode>,
  ) {}

  get hasAliases(): boolean {
    return this.aliases.size > 0;
  }

  field(map: YAMLMap, key: string): Field | undefined {
    const found = findPair(map, key);
    if (!found) return undefined;
    const keySpan = nodeSpan(found.keyNode)!;
    const value = found.pair.value;
    // `secret: *webhookSecret`: the anchored scalar's value, reported and edited at the alias.
    const target = isAlias(value) ? this.aliases.get(value) : undefined;
    const aliasSpan = nodeSpan(value);
    if (target && isScalar(target) && target.value !== null && target.value !== undefined && aliasSpan) {
      return {
        key,
        keySpan,
        node: target,
        text: scalarText(target),
        span: aliasSpan,
        quote: quoteOf(target),
        textStart: undefined,
        alias: true,
      };
    }
    const node = (value ?? null) as YamlNode | null;
    const valueSpan = nodeSpan(node);
    const isEmpty = !node || (isScalar(node) && node.value === null);
    const span = valueSpan && !isEmpty ? valueSpan : this.emptyValueSpan(keySpan);
    const text = scalarText(node);
    const quote = isScalar(node) ? quoteOf(node) : 'plain';
    return { key, keySpan, node, text, span, quote, textStart: this.textStart(node, text, quote) };
  }

  list(map: YAMLMap, key: string): ListField | undefined {
    const found = findPair(map, key);
    if (!found) return undefined;
    const value = found.pair.value;
    // `triggers: *contactProTriggers`: the anchored list's items, reported at the alias.
    const target = isAlias(value) ? this.aliases.get(value) : undefined;
    const aliasSpan = nodeSpan(value);
    if (target && isSeq(target) && aliasSpan) {
      return {
        key,
        keySpan: nodeSpan(found.keyNode)!,
        node: null,
        flow: false,
        items: target.items.flatMap((item) =>
          isScalar(item) ? [{ node: item as YamlNode, text: scalarText(item), span: aliasSpan }] : [],
        ),
        alias: aliasSpan,
      };
    }
    const node = isSeq(value) ? value : null;
    return {
      key,
      keySpan: nodeSpan(found.keyNode)!,
      node,
      flow: node?.flow ?? false,
      items: (node?.items ?? []).flatMap((item) => {
        const s = nodeSpan(item);
        return s ? [{ node: item as YamlNode, text: scalarText(item), span: s }] : [];
      }),
    };
  }

  /** The empty span just after `key:`, where a value would go. */
  private emptyValueSpan(keySpan: Span): Span {
    const colon = this.text.indexOf(':', keySpan.end);
    const at = colon >= 0 && colon - keySpan.end < 8 ? colon + 1 : keySpan.end;
    return { start: at, end: at };
  }

  private textStart(node: YamlNode | null, text: string | undefined, quote: Field['quote']): number | undefined {
    const s = nodeSpan(node);
    if (!s || text === undefined) return undefined;
    const start = quote === 'plain' ? s.start : s.start + 1;
    return this.text.startsWith(text, start) ? start : undefined;
  }
}

function quoteOf(node: Scalar): Field['quote'] {
  if (node.type === Scalar.QUOTE_DOUBLE) return '"';
  if (node.type === Scalar.QUOTE_SINGLE) return "'";
  return 'plain';
}

/** The span of `text.slice(from, to)` inside a field's value, or the whole value when offsets are unsure. */
export function subSpan(field: Field, from: number, to: number): Span {
  if (field.textStart === undefined) return field.span;
  return { start: field.textStart + from, end: field.textStart + to };
}

/**
 * An entry's direction as the admin evidently meant it: `Outbound`, ` inbound ` count (invalid-value reports the
 * spelling once; the relations must not cascade from it). Undefined when it is neither.
 */
export function writtenDirection(auth: AuthenticationModel): 'outbound' | 'inbound' | undefined {
  const value = auth.direction?.text?.trim().toLowerCase();
  return value === 'outbound' || value === 'inbound' ? value : undefined;
}

/** An ID as meant: without the white space a paste left in it (reported by the ID's format rule). */
export function cleanId(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Splits an outbound Authentication ID into key ID and app ID, when it has exactly one `@`. */
export function splitOutboundId(text: string): { keyId: string; appId: string; swapped: boolean } | undefined {
  const parts = text.split('@');
  if (parts.length !== 2) return undefined;
  const [keyId, appId] = parts as [string, string];
  const swapped =
    APP_ID_PATTERN.test(cleanId(keyId).toUpperCase()) && !APP_ID_PATTERN.test(cleanId(appId).toUpperCase());
  return { keyId, appId, swapped };
}

/**
 * Whether an address belongs to another channel of Contact Pro (`support@acme.example` in an email queue):
 * a queue whose type is given and is not `chat`, and an address whose domain does not mention Sinch. Such
 * addresses are not the Conversation API's, so no queue-address or app-ID rule reads them (queue-type still
 * catches a Sinch address in a non-chat queue).
 */
export function isOtherChannelAddress(queue: QueueModel, entry: QueueAddressModel): boolean {
  const type = queue.type?.text?.trim();
  if (!type || type === 'chat') return false;
  const text = entry.address?.text;
  if (text === undefined) return false;
  const at = text.indexOf('@');
  return !/sinch/i.test(at < 0 ? text : text.slice(at + 1));
}

function collectAppIdReferences(model: ConfigModel): AppIdReference[] {
  const refs: AppIdReference[] = [];
  /** The reference to `written.slice(from, to)` of a field: its span without the white space around the ID. */
  const ref = (field: Field, from: number, to: number, site: AppIdReference['site']): AppIdReference | undefined => {
    const written = field.text!.slice(from, to);
    const id = cleanId(written);
    if (!id) return undefined;
    const lead = written.length - written.trimStart().length;
    const inner = written.trim();
    // White space inside the ID makes its span unsure for an edit (the format rule's fix removes it).
    const exact = field.textStart !== undefined && !/\s/.test(inner);
    return { text: inner, id, span: subSpan(field, from + lead, from + lead + inner.length), site, field, exact };
  };
  for (const app of model.conversationApi?.apps ?? []) {
    const field = app.appId;
    const r = field?.text ? ref(field, 0, field.text.length, 'conversationApi') : undefined;
    if (r) refs.push(r);
  }
  for (const service of model.services) {
    for (const auth of service.authentications) {
      const field = auth.authenticationId;
      if (writtenDirection(auth) !== 'outbound' || !field?.text) continue;
      const parts = splitOutboundId(field.text);
      if (!parts) continue;
      const at = field.text.indexOf('@');
      // A swapped ID (APPID@KeyID) still names its app: navigation and case checks follow the app ID.
      const r = parts.swapped ? ref(field, 0, at, 'outbound') : ref(field, at + 1, field.text.length, 'outbound');
      if (r) refs.push(r);
    }
  }
  for (const queue of model.queues) {
    for (const entry of queue.addresses) {
      if (isOtherChannelAddress(queue, entry)) continue;
      const field = entry.address;
      const at = field?.text?.indexOf('@') ?? -1;
      if (!field?.text || at <= 0) continue;
      const r = ref(field, 0, at, 'address');
      if (r) refs.push(r);
    }
  }
  return refs;
}
