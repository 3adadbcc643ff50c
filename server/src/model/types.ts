// The model of one sinchcp file: the parts of docs/format.md#the-keys with their source spans. Built once per document
// version from the YAML tree (model/build.ts); every rule and feature reads it instead of the raw tree.
import type { Node as YamlNode, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../util/span';
import type { Placeholder } from './placeholders';

/** A `key: value` entry whose value is (usually) a scalar. */
export interface Field {
  key: string;
  keySpan: Span;
  /** The value node; null when the key has no value (`key:`). */
  node: YamlNode | null;
  /** The scalar's text as written (see scalarText); undefined when the value is not a scalar or is empty. */
  text: string | undefined;
  /** The value's span, or an empty span right after the colon when there is no value. */
  span: Span;
  /** The quoting of a scalar value: plain, single or double. */
  quote: 'plain' | "'" | '"';
  /**
   * Where `text` starts in the document, when every character of `text` stands at the same offset in the
   * document (no escapes, single line); undefined otherwise. Sub-ranges inside the value (an app ID inside an
   * address) are computed from it and fall back to the whole value when it is undefined.
   */
  textStart: number | undefined;
  /**
   * Set when the value is an alias (`*name`) of a scalar: `node`, `text` and `quote` are the anchored scalar's,
   * `span` is the alias's, and `textStart` is undefined. An edit replaces the alias, never the anchored value.
   */
  alias?: true;
}

/** A list value (`[A, B]` or a block sequence) of scalars. */
export interface ListField {
  key: string;
  keySpan: Span;
  node: YAMLSeq | null;
  flow: boolean;
  items: ListItem[];
  /**
   * The alias's span when the value is an alias (`*name`) of a list: `items` are the anchored list's (their
   * text, with the alias's span), `node` is null, so no edit lands in the anchored list.
   */
  alias?: Span;
}

export interface ListItem {
  node: YamlNode;
  text: string | undefined;
  span: Span;
}

/** A mapping in a list (an app, a service, a queue…). */
export interface Element {
  node: YAMLMap;
  span: Span;
  /** Every key of this mapping with its span, for missing-key placement and completion. */
  keys: Map<string, Span>;
}

export interface TenantModel extends Element {
  keySpan: Span;
  name?: Field;
  landscape?: Field;
}

export interface WebhookModel extends Element {
  target?: Field;
  secret?: Field;
  triggers?: ListField;
  targetType?: Field;
}

export interface AppModel extends Element {
  appId?: Field;
  name?: Field;
  region?: Field;
  processingMode?: Field;
  channels?: ListField;
  webhooksKeySpan?: Span;
  webhooks: WebhookModel[];
}

export interface ConversationApiModel extends Element {
  keySpan: Span;
  projectId?: Field;
  apps: AppModel[];
}

export interface AuthenticationModel extends Element {
  direction?: Field;
  authenticationId?: Field;
  password?: Field;
  triggers?: ListField;
  targetUrl?: Field;
}

export interface ServiceModel extends Element {
  name?: Field;
  type?: Field;
  serviceConnection?: Field;
  authenticationsKeySpan?: Span;
  authentications: AuthenticationModel[];
}

export interface QueueAddressModel extends Element {
  address?: Field;
  smsSenderId?: Field;
}

export interface QueueModel extends Element {
  name?: Field;
  type?: Field;
  addressesKeySpan?: Span;
  addresses: QueueAddressModel[];
}

/** Where an app ID is written. */
export type AppIdSite = 'conversationApi' | 'outbound' | 'address';

/** One app ID written somewhere in the file, with the span of the ID alone. */
export interface AppIdReference {
  /** As written. */
  text: string;
  /**
   * What the admin evidently meant: `text` without white space (a stray space around an ID is queue-address-format's
   * or outbound-authentication-id's to report; every other rule reads the ID itself).
   */
  id: string;
  /** The ID's characters, without white space around it. */
  span: Span;
  site: AppIdSite;
  field: Field;
  /** Whether `span` covers exactly the ID's characters (false: it falls back to the whole value). */
  exact: boolean;
}

export interface ConfigModel {
  /** The top-level mapping; undefined when the document is empty or not a mapping. */
  root: YAMLMap | undefined;
  rootKeys: Map<string, Span>;
  version?: Field;
  tenant?: TenantModel;
  conversationApi?: ConversationApiModel;
  servicesKeySpan?: Span;
  services: ServiceModel[];
  queuesKeySpan?: Span;
  queues: QueueModel[];
  /** App IDs written in the file, except placeholders (`[App ID]`, the template's `01AAAA…`). */
  appIdReferences: AppIdReference[];
  /** Placeholders left in values (see placeholders.ts): reported once, by the `placeholder` rule. */
  placeholders: Placeholder[];
}
