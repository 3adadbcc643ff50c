// App IDs already in the file (declared in conversationApi or used by an outbound authentication or a queue
// address), offered wherever an app ID goes. Always uppercased: Sinch generates them in capitals.
import type { ParsedDocument } from '../../parse/parsedDocument';
import { APP_ID_PATTERN, REGIONS } from '../../schema/domain';
import type { Span } from '../../util/span';
import type { CompletionCandidate } from './types';

export interface KnownApp {
  id: string;
  name?: string;
  region?: string;
  declared: boolean;
  /** Where the ID is used besides its declaration: `outbound`, `address`. */
  uses: { outbound: number; address: number };
}

/** The well-formed app IDs of the file, uppercased, each once, in file order (declared apps first). */
export function knownApps(doc: ParsedDocument): KnownApp[] {
  let cached = cache.get(doc);
  if (!cached) cache.set(doc, (cached = collect(doc)));
  return cached;
}

const cache = new WeakMap<ParsedDocument, KnownApp[]>();

function collect(doc: ParsedDocument): KnownApp[] {
  const apps = new Map<string, KnownApp>();
  const add = (raw: string): KnownApp | undefined => {
    const id = raw.trim().toUpperCase();
    if (!APP_ID_PATTERN.test(id)) return undefined;
    let app = apps.get(id);
    if (!app) {
      const declared = doc.relations.declaredApps.get(id);
      app = {
        id,
        name: declared?.name?.text,
        region: doc.relations.appRegion(id),
        declared: !!declared,
        uses: { outbound: 0, address: 0 },
      };
      apps.set(id, app);
    }
    return app;
  };
  for (const id of doc.relations.declaredApps.keys()) add(id);
  for (const ref of doc.model.appIdReferences) {
    const app = add(ref.text);
    if (app && ref.site !== 'conversationApi') app.uses[ref.site]++;
  }
  return [...apps.values()];
}

export function appDetail(app: KnownApp): string {
  const parts = [app.name, app.region ? `region ${app.region}` : undefined].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : 'app ID used in this file';
}

export function appDocumentation(app: KnownApp): string {
  const lines = [`**${app.id}**`, ''];
  if (app.name) lines.push(`Name: ${app.name}`, '');
  if (app.region) lines.push(`Region: \`${app.region}\` — ${REGIONS[app.region as keyof typeof REGIONS] ?? ''}`, '');
  lines.push(app.declared ? 'Declared in `conversationApi.apps`.' : 'Not declared in `conversationApi.apps`.', '');
  const uses = [
    app.uses.outbound ? `${app.uses.outbound} outbound authentication(s)` : undefined,
    app.uses.address ? `${app.uses.address} queue address(es)` : undefined,
  ].filter(Boolean);
  if (uses.length) lines.push(`Used by ${uses.join(' and ')}.`);
  return lines.join('\n').trimEnd();
}

export function appIdCandidates(apps: KnownApp[], span: Span, prefixText = ''): CompletionCandidate[] {
  return apps.map((app, index) => ({
    label: app.id,
    kind: 'reference',
    detail: appDetail(app),
    documentation: appDocumentation(app),
    insertText: prefixText + app.id,
    snippet: false,
    span,
    sortText: `0_${String(index).padStart(3, '0')}`,
  }));
}
