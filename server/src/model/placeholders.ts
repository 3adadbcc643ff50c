// Placeholders left in the file: the help page's bracketed stand-ins (`[App ID]`, `[Key ID]`, `[tenantname]`,
// `[[tenantname]`, `[project ID]`, `[landscape either eu or us]`), the shapes sinchcp's own messages show
// (`{KeyID}`, `<tenant>`), words that stand for a value (`your-tenant`, `KEY_ID`), and the all-zero / one-letter
// values of the New Configuration File template. Found once per parse, wherever they are written (a whole
// value, inside a URL or an ID, quoted or not); the `placeholder` rule reports each once and every other rule is
// silent on them (rules/registry.ts), so one unfinished value is one finding.
import { isSeq } from 'yaml';
import type { Span } from '../util/span';
import type { ConfigModel, Field } from './types';
import { parseServiceConnection, parseWebhookTarget } from './urls';

/** What a placeholder stands for, so the finding can say what to write (and a fix can write it). */
export type PlaceholderKind = 'tenant' | 'landscape' | 'region' | 'project' | 'app' | 'key' | 'other';

export interface Placeholder {
  span: Span;
  /** As written (never a secret: password and secret values are not searched). */
  text: string;
  kind: PlaceholderKind;
  /** The key of the field it is written in (`authenticationId`, `serviceConnection`…). */
  key: string;
  field: Field;
  /** Whether `span` covers exactly the placeholder's characters (false: the whole value), so a fix may replace it. */
  exact: boolean;
  /** A well-formed value that is a template stand-in (all zeros, one repeated letter), not a bracketed one. */
  dummy: boolean;
}

/** `[App ID]`, `[[tenantname]`, `{KeyID}`, `<tenant>`: brackets around words (never `${env:NAME}`). */
const BRACKETED = /\[+[^[\]\n]*[A-Za-z][^[\]\n]*\]+|(?<!\$)\{[A-Za-z][^{}\n]*\}|<[A-Za-z][^<>\n]*>/g;
/** A UUID (project ID, Key ID). */
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
/** Something shaped like an app ID (26 characters after a digit 0–7). */
const ULID_LIKE = /(?<![0-9A-Za-z])[0-7][0-9A-Za-z]{25}(?![0-9A-Za-z])/g;

const WORDS: Partial<Record<PlaceholderKind, Set<string>>> = {
  tenant: new Set(['tenantname', 'yourtenant', 'yourtenantname', 'tenantid', 'tenant', 'mytenant']),
  project: new Set(['projectid', 'yourprojectid', 'project']),
  app: new Set(['appid', 'yourappid', 'applicationid']),
  key: new Set(['keyid', 'yourkeyid', 'accesskeyid', 'key']),
};

/** The value's letters and digits only, lowercased: `[Key ID]`, `KEY_ID`, `your-key-id` → `keyid`, `yourkeyid`. */
function bare(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

export function isPlaceholderWord(kind: PlaceholderKind, text: string): boolean {
  return WORDS[kind]?.has(bare(text)) ?? false;
}

/** A template's stand-in UUID: (almost) all zeros, like 00000000-0000-4000-8000-000000000001. */
export function isDummyUuid(text: string): boolean {
  const hex = text.replace(/-/g, '');
  return hex.length === 32 && [...hex].filter((c) => c === '0').length >= 28;
}

/** A template's stand-in app ID: after its first two characters one repeated character (`01AAAA…`). */
export function isDummyAppId(text: string): boolean {
  return text.length === 26 && /^(.)\1{23}$/i.test(text.slice(2));
}

function kindOfBracketed(text: string, key: string): PlaceholderKind {
  const words = text.toLowerCase();
  if (/tenant/.test(words)) return 'tenant';
  if (/project/.test(words)) return 'project';
  if (/landscape|region|\beu\b|\bus\b/.test(words)) return key === 'serviceConnection' ? 'region' : 'landscape';
  if (/key/.test(words)) return 'key';
  if (/app/.test(words)) return 'app';
  return 'other';
}

/** Keys whose values are secrets: never searched, so a placeholder finding never echoes a secret. */
const SECRET_KEYS = new Set(['password', 'secret']);

export function findPlaceholders(model: ConfigModel, text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const add = (field: Field, from: number, to: number, written: string, kind: PlaceholderKind, dummy = false) => {
    const exact = field.textStart !== undefined;
    const span = exact ? { start: field.textStart! + from, end: field.textStart! + to } : field.span;
    if (found.some((p) => p.span.start === span.start && p.span.end === span.end)) return;
    found.push({ span, text: written, kind, key: field.key, field, exact, dummy });
  };

  for (const { field, role } of fieldsOf(model)) {
    if (SECRET_KEYS.has(field.key) || role === 'label') continue;
    const value = field.text;
    if (value === undefined) {
      // `name: [tenantname]` unquoted is a one-item YAML list: the placeholder is the whole value as written.
      if (isSeq(field.node) && field.node.flow) {
        const written = text.slice(field.span.start, field.span.end);
        const kind = kindOfBracketed(written, field.key);
        if (kind !== 'other' && /^\[+[^,[\]\n]*[A-Za-z][^,[\]\n]*\]+$/.test(written)) {
          found.push({ span: field.span, text: written, kind, key: field.key, field, exact: true, dummy: false });
        }
      }
      continue;
    }
    for (const m of value.matchAll(BRACKETED)) {
      // Only what the brackets evidently stand for: `[sinchconversation]` is a value in brackets, not a placeholder.
      const kind = kindOfBracketed(m[0], field.key);
      if (kind !== 'other') add(field, m.index, m.index + m[0].length, m[0], kind);
    }
    for (const m of value.matchAll(UUID)) {
      if (!isDummyUuid(m[0])) continue;
      const beforeAt = field.key === 'authenticationId' && value.indexOf('@', m.index) >= 0;
      add(field, m.index, m.index + m[0].length, m[0], beforeAt ? 'key' : 'project', true);
    }
    for (const m of value.matchAll(ULID_LIKE)) {
      if (isDummyAppId(m[0])) add(field, m.index, m.index + m[0].length, m[0], 'app', true);
    }
    // Words that stand for a value, where that value belongs.
    const word = (kind: PlaceholderKind, from: number, part: string) => {
      if (part.trim() && isPlaceholderWord(kind, part)) add(field, from, from + part.length, part, kind);
    };
    if (role === 'tenant') word('tenant', 0, value);
    if (role === 'project') word('project', 0, value);
    if (role === 'app') word('app', 0, value);
    if (role === 'webhookUrl') {
      const segment = parseWebhookTarget(value)?.tenant;
      if (segment) word('tenant', segment.start, segment.text);
    }
    if (role === 'serviceConnection') {
      const project = parseServiceConnection(value)?.projectId;
      if (project) word('project', project.start, project.text);
    }
    if (role === 'outbound' || role === 'address') {
      const at = value.indexOf('@');
      if (at >= 0) {
        if (role === 'outbound') word('key', 0, value.slice(0, at));
        const [appFrom, appPart] = role === 'outbound' ? [at + 1, value.slice(at + 1)] : [0, value.slice(0, at)];
        word('app', appFrom, appPart);
      }
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** `label`: a display name (an app's, a service's, a queue's), free text that may well hold `[EU]`: never searched. */
type Role =
  'tenant' | 'project' | 'app' | 'webhookUrl' | 'serviceConnection' | 'outbound' | 'address' | 'label' | 'other';

/** Every field of the model with what its value is, for the positional checks. */
function* fieldsOf(model: ConfigModel): Generator<{ field: Field; role: Role }> {
  const all = (role: Role, ...fields: (Field | undefined)[]) =>
    fields.flatMap((field) => (field ? [{ field, role }] : []));
  yield* all('other', model.version);
  yield* all('tenant', model.tenant?.name);
  yield* all('other', model.tenant?.landscape);
  yield* all('project', model.conversationApi?.projectId);
  for (const app of model.conversationApi?.apps ?? []) {
    yield* all('app', app.appId);
    yield* all('label', app.name);
    yield* all('other', app.region, app.processingMode);
    for (const hook of app.webhooks) yield* all('webhookUrl', hook.target);
    for (const hook of app.webhooks) yield* all('other', hook.targetType);
  }
  for (const service of model.services) {
    yield* all('label', service.name);
    yield* all('other', service.type);
    yield* all('serviceConnection', service.serviceConnection);
    for (const auth of service.authentications) {
      yield* all('other', auth.direction);
      const outbound = auth.authenticationId?.text?.includes('@');
      yield* all(outbound ? 'outbound' : 'other', auth.authenticationId);
      yield* all('webhookUrl', auth.targetUrl);
    }
  }
  for (const queue of model.queues) {
    yield* all('label', queue.name);
    yield* all('other', queue.type);
    for (const entry of queue.addresses) {
      yield* all('address', entry.address);
      yield* all('other', entry.smsSenderId);
    }
  }
}

/** Whether a span touches a placeholder: a finding there is about the placeholder, which is reported once. */
export function touchesPlaceholder(placeholders: readonly Placeholder[], span: Span): boolean {
  return placeholders.some((p) =>
    span.start === span.end
      ? span.start >= p.span.start && span.start < p.span.end
      : span.start < p.span.end && p.span.start < span.end,
  );
}
