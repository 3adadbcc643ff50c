// How messages name the things they are about: a service, an app, the place of an Authentication ID, and a
// value the file holds (shown, cut to one line).
import type { AppModel, ServiceModel } from '../../model/types';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { SC_SERVICES } from './vocabulary';

/** "service `Sinch EU`", or "the messaging service on line 12" when it has no name. */
export function serviceLabel(doc: ParsedDocument, service: ServiceModel): string {
  const name = service.name?.text?.trim();
  if (name) return `service \`${shown(name)}\``;
  return `the messaging service on line ${doc.textDocument.positionAt(service.span.start).line + 1}`;
}

/** Where an Authentication ID is set in SC, in parentheses; the service by name when it has one. */
export function authenticationIdLocation(service: ServiceModel): string {
  return `(${SC_SERVICES} > ${service.name?.text ? `\`${shown(service.name.text)}\`` : '[service]'} > Authentication > Authentication ID)`;
}

export function describeApp(app: AppModel): string {
  const name = app.name?.text;
  const id = app.appId?.text;
  if (name && id) return `\`${name}\` (${id})`;
  if (name) return `\`${name}\``;
  if (id) return `\`${id}\``;
  return '(without appId)';
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A value quoted within a sentence, cut to 60 characters. */
export function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * A written value as messages echo it: its first line, at most 100 characters. A broken quote can make a
 * value swallow what follows it (a password among them), so a message never repeats more than this.
 */
export function shown(text: string): string {
  const line = text.split(/\r?\n|\r/)[0] ?? '';
  const cut = line.length > 100 ? `${line.slice(0, 97)}…` : line;
  return cut !== text ? cut.replace(/…?$/, '…') : cut;
}
