// The outline (hierarchical document symbols): the tenant, the Conversation API apps with their webhooks,
// the messaging services with their authentications, the queues with their addresses. Names say what each
// entry is (the service's name, `outbound 5d2b…@01HZX…R0CD`, the address); offsets are converted at the edge.
import type { Span } from '../util/span';
import type { ParsedDocument } from '../parse/parsedDocument';
import type {
  AppModel,
  AuthenticationModel,
  Element,
  Field,
  QueueAddressModel,
  QueueModel,
  ServiceModel,
  WebhookModel,
} from '../model/types';
import { splitOutboundId } from '../model/build';
import { SUBCHANNELS, type Subchannel } from '../schema/domain';
import { literalSecrets, redactSecrets } from './redactSecrets';
import { cutMultiLineValues } from './multiLineValues';

/** LSP SymbolKind values used here (kept as numbers so this file needs no LSP import). */
export const Kind = {
  Module: 2,
  Namespace: 3,
  Package: 4,
  Field: 8,
  Interface: 11,
  Object: 19,
  Key: 20,
  Struct: 23,
  Event: 24,
} as const;

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: number;
  span: Span;
  selectionSpan: Span;
  children: OutlineSymbol[];
}

export function outline(doc: ParsedDocument): OutlineSymbol[] {
  const { model } = doc;
  const out: OutlineSymbol[] = [];
  if (model.tenant) {
    const { tenant } = model;
    out.push(
      symbol(
        `tenant ${tenant.name?.text ?? ''}`.trim(),
        Kind.Namespace,
        cover(tenant.keySpan, tenant.span),
        tenant.keySpan,
        tenant.landscape?.text,
        [],
      ),
    );
  }
  if (model.conversationApi) {
    const api = model.conversationApi;
    out.push(
      symbol(
        'Conversation API',
        Kind.Package,
        cover(api.keySpan, api.span),
        api.keySpan,
        api.projectId?.text,
        api.apps.map(appSymbol),
      ),
    );
  }
  if (model.servicesKeySpan) {
    out.push(
      group(
        'messaging services',
        Kind.Module,
        model.servicesKeySpan,
        model.services,
        model.services.map(serviceSymbol),
        'service',
      ),
    );
  }
  if (model.queuesKeySpan) {
    out.push(group('queues', Kind.Module, model.queuesKeySpan, model.queues, model.queues.map(queueSymbol), 'queue'));
  }
  const secrets = literalSecrets(doc);
  const shown = (text: string) => redactSecrets(cutMultiLineValues(text, doc), secrets);
  return out.map((symbol) => redacted(trimmed(symbol, doc.text), shown));
}

/**
 * Names and details as shown: a value written over several lines by its first line (its other lines may be a
 * password's), the file's literal secrets replaced (a name may quote a value a secret was pasted into).
 */
function redacted(symbol: OutlineSymbol, shown: (text: string) => string): OutlineSymbol {
  const detail = symbol.detail === undefined ? {} : { detail: shown(symbol.detail) };
  return {
    ...symbol,
    name: shown(symbol.name),
    ...detail,
    children: symbol.children.map((child) => redacted(child, shown)),
  };
}

/** A block node's span ends after its line break; a symbol ends at its last character (never before its selection). */
function trimmed(symbol: OutlineSymbol, text: string): OutlineSymbol {
  let end = Math.min(symbol.span.end, text.length);
  while (end > symbol.span.start && /\s/.test(text[end - 1]!)) end--;
  const span = cover({ start: symbol.span.start, end }, symbol.selectionSpan);
  return { ...symbol, span, children: symbol.children.map((child) => trimmed(child, text)) };
}

function appSymbol(app: AppModel): OutlineSymbol {
  const id = app.appId?.text;
  const name = app.name?.text ? `app ${app.name.text}` : `app ${id ?? '(no appId)'}`;
  const detail = [app.name?.text ? id : undefined, app.region?.text].filter(Boolean).join(' · ') || undefined;
  // An app is a configured object of the dashboard, not a class.
  return symbol(name, Kind.Object, app.span, selection(app, app.appId), detail, app.webhooks.map(webhookSymbol));
}

function webhookSymbol(hook: WebhookModel): OutlineSymbol {
  const target = hook.target?.text?.replace(/^https?:\/\//i, '');
  return symbol(
    `webhook ${target ?? '(no target)'}`,
    Kind.Event,
    hook.span,
    selection(hook, hook.target),
    hook.triggers?.items
      .map((i) => i.text)
      .filter(Boolean)
      .join(', ') || undefined,
    [],
  );
}

function serviceSymbol(service: ServiceModel): OutlineSymbol {
  return symbol(
    service.name?.text ?? '(unnamed service)',
    Kind.Interface,
    service.span,
    selection(service, service.name),
    service.serviceConnection?.text ? hostOf(service.serviceConnection.text) : undefined,
    service.authentications.map(authenticationSymbol),
  );
}

function authenticationSymbol(auth: AuthenticationModel): OutlineSymbol {
  const direction = auth.direction?.text ?? 'authentication';
  const id = auth.authenticationId?.text;
  return symbol(
    `${direction} ${id === undefined ? '(no authenticationId)' : shortAuthenticationId(id)}`,
    Kind.Key,
    auth.span,
    selection(auth, auth.authenticationId),
    undefined,
    [],
  );
}

function queueSymbol(queue: QueueModel): OutlineSymbol {
  return symbol(
    queue.name?.text ?? '(unnamed queue)',
    Kind.Struct,
    queue.span,
    selection(queue, queue.name),
    queue.type?.text,
    queue.addresses.map(addressSymbol),
  );
}

/**
 * `WhatsApp · 01HZX…R0CD`: the part that differs between a queue's addresses first (the channel), then the app ID's
 * ends; the outline is narrow and cuts long names, and every address shares `.sinchconversation.com`. The whole
 * address is the detail.
 */
function addressSymbol(entry: QueueAddressModel): OutlineSymbol {
  const address = entry.address?.text;
  const parts = address ? /^([^@]*)@([^.]+)\./.exec(address.trim()) : null;
  const sender = entry.smsSenderId?.text ? `SMS sender ${entry.smsSenderId.text}` : undefined;
  if (!parts)
    return symbol(address ?? '(no address)', Kind.Field, entry.span, selection(entry, entry.address), sender, []);
  const [, appId, subchannel] = parts as unknown as [string, string, string];
  const channel = Object.prototype.hasOwnProperty.call(SUBCHANNELS, subchannel.toLowerCase())
    ? SUBCHANNELS[subchannel.toLowerCase() as Subchannel].label
    : subchannel;
  const app = appId.length > 10 ? `${appId.slice(0, 5)}…${appId.slice(-4)}` : appId;
  return symbol(
    `${channel} · ${app}`,
    Kind.Field,
    entry.span,
    selection(entry, entry.address),
    [address, sender].filter(Boolean).join(' · '),
    [],
  );
}

/**
 * `5d2b7f0c-8e1a-…@01HZX3K7M2Q9V5B8N4T6W1R0CD` → `5d2b…@01HZX…R0CD`: the key ID's start and the app ID's two
 * ends (ULIDs of apps created close together share their first characters; the last ones tell them apart).
 */
export function shortAuthenticationId(id: string): string {
  const parts = splitOutboundId(id);
  if (!parts) return id.length > 40 ? `${id.slice(0, 39)}…` : id;
  const key = parts.keyId.length > 5 ? `${parts.keyId.slice(0, 4)}…` : parts.keyId;
  const app = parts.appId.length > 10 ? `${parts.appId.slice(0, 5)}…${parts.appId.slice(-4)}` : parts.appId;
  return `${key}@${app}`;
}

function hostOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim())?.[1] ?? url;
}

/** A group (`messagingServices:`): from its key to the end of its last element. */
function group(
  name: string,
  kind: number,
  keySpan: Span,
  elements: readonly Element[],
  children: OutlineSymbol[],
  noun: string,
): OutlineSymbol {
  const last = elements[elements.length - 1];
  return symbol(
    name,
    kind,
    last ? cover(keySpan, last.span) : keySpan,
    keySpan,
    `${elements.length} ${noun}${elements.length === 1 ? '' : 's'}`,
    children,
  );
}

/** The span to select: the naming field's value when present (inside the element), else the element's start. */
function selection(element: Element, field: Field | undefined): Span {
  if (
    field &&
    field.span.end > field.span.start &&
    field.span.start >= element.span.start &&
    field.span.end <= element.span.end
  )
    return field.span;
  if (field && field.keySpan.start >= element.span.start) return field.keySpan;
  return { start: element.span.start, end: element.span.start };
}

function cover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function symbol(
  name: string,
  kind: number,
  span: Span,
  selectionSpan: Span,
  detail: string | undefined,
  children: OutlineSymbol[],
): OutlineSymbol {
  // Guard the LSP invariant whatever the tree looks like: selection inside range.
  const range = cover(span, selectionSpan);
  return { name: name || '(empty)', kind, span: range, selectionSpan, children, ...(detail ? { detail } : {}) };
}
