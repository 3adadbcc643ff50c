// Writes a project's live apps into a file's `conversationApi`, keeping everything else as it is: one small
// format-preserving edit at a time (the same helpers the quick fixes use), re-parsing after each, until the
// file says what the project holds. Apps and webhooks the project lacks are left alone (the live check reports
// them); hand-written parts, comments and the file's style stay.
import { isSeq } from 'yaml';
import type { AppModel, WebhookModel } from '../../model/types';
import { parseText, type ParsedDocument } from '../../parse/parsedDocument';
import { insertKeyEdit } from '../../rules/edits/insertKey';
import { insertListItemsEdit } from '../../rules/edits/insertListItem';
import { replaceValueEdit } from '../../rules/edits/replaceValue';
import type { TextEditSpan } from '../../rules/types';
import { columnOf, eolOf, indentUnit, lineStartOf } from '../../rules/edits/layout';
import { entryLines, type InsertEntry } from '../../rules/edits/values';
import { normalizeUrl } from '../../rules/support/contactProWebhooks';
import { applyEdits } from '../../service/edits';
import { API_REGIONS, type LiveApp, type ProjectSnapshot } from '../api';
import { appEntries, liveChannels, secretReference, webhookEntries } from './liveEntries';
import { replaceListItemsEdit } from './listEdit';
import { newFileText, type NewFileOptions } from './newFile';

export class ImportError extends Error {}

export interface ImportResult {
  text: string;
  /** Whether the file was created from nothing (tenant and service skeletons included). */
  created: boolean;
  /** One line per change, for the preview ("app 01H… added", "name of app 01H… updated"). */
  changes: string[];
}

/** Each step fixes one field of one app or webhook: a few dozen per app at most, however the file looks. */
const STEPS_PER_APP = 40;

/** The file's text after importing the project; `text` empty (or only comments) creates a whole file. */
export function importProject(text: string, unordered: ProjectSnapshot, options: NewFileOptions = {}): ImportResult {
  // The same file whatever order the regions answered in: by region, then by app ID.
  const snapshot = {
    ...unordered,
    apps: [...unordered.apps].sort(
      (a, b) =>
        API_REGIONS.indexOf(a.region) - API_REGIONS.indexOf(b.region) || (a.app.id ?? '').localeCompare(b.app.id ?? ''),
    ),
  };
  let doc = parseText(text);
  if (doc.yaml.errors.length) {
    // Edits are placed by the parse's offsets; in a broken document they could land anywhere.
    throw new ImportError('The file has YAML syntax errors: fix them (see the yaml-syntax problems) before importing.');
  }
  if (!doc.model.root || !doc.model.root.items.length) {
    if (doc.text.trim() && !/^(\s*#.*)?(\r?\n\s*#.*|\r?\n\s*)*$/.test(doc.text)) {
      throw new ImportError('The file is not a YAML mapping: fix it (or start from an empty file) before importing.');
    }
    return {
      text: newFileText(snapshot, options, doc.text),
      created: true,
      changes: snapshot.apps.map((a) => `app ${a.app.id} (${a.region}) added`),
    };
  }
  const changes: string[] = [];
  const maxSteps = 10 + STEPS_PER_APP * Math.max(1, snapshot.apps.length);
  for (let step = 0; step < maxSteps; step++) {
    const next = nextEdit(doc, snapshot);
    if (!next) return { text: doc.text, created: false, changes };
    // The same change twice means the edit did not take (an unusual layout): stop rather than loop.
    if (changes.includes(next.change)) break;
    changes.push(next.change);
    doc = parseText(applyEdits(doc.text, [next.edit]), doc.uri);
    if (doc.yaml.errors.length)
      throw new ImportError(
        "The import would break the file's YAML here: import into a copy, or tidy the layout of conversationApi first.",
      );
  }
  throw new ImportError('The import did not settle; the file has a shape the import cannot edit safely.');
}

interface Step {
  edit: TextEditSpan;
  change: string;
}

function step(edit: TextEditSpan | undefined, change: string, where: string): Step {
  if (!edit)
    throw new ImportError(
      `Cannot edit ${where} without changing its layout by hand: make it a plain block or flow value, then import again.`,
    );
  return { edit, change };
}

function nextEdit(doc: ParsedDocument, snapshot: ProjectSnapshot): Step | undefined {
  const api = doc.model.conversationApi;
  if (!api) {
    const value = [
      { key: 'projectId', value: snapshot.projectId },
      { key: 'apps', value: { list: snapshot.apps.map((live) => appEntries(doc, live)) } },
    ];
    return step(
      topLevelSectionEdit(doc, { key: 'conversationApi', value }, ['messagingServices', 'queues']),
      'conversationApi added',
      'the top level',
    );
  }
  if (!api.projectId) {
    return step(
      insertKeyEdit(doc, api.node, { key: 'projectId', value: snapshot.projectId }, { before: ['apps'] }),
      'projectId added',
      'conversationApi',
    );
  }
  if (api.projectId.text !== snapshot.projectId) {
    return step(
      replaceValueEdit(doc, api.projectId, snapshot.projectId),
      'projectId updated',
      'conversationApi.projectId',
    );
  }
  const appsPair = api.node.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'apps');
  if (!appsPair || appsPair.value === null || (isSeq(appsPair.value) && !appsPair.value.range)) {
    if (appsPair) throw new ImportError('conversationApi.apps has no value: write `apps: []`, then import again.');
    const value = { list: snapshot.apps.map((live) => appEntries(doc, live)) };
    return step(insertKeyEdit(doc, api.node, { key: 'apps', value }), 'apps added', 'conversationApi');
  }
  if (!isSeq(appsPair.value)) throw new ImportError('conversationApi.apps is not a list: fix it, then import again.');
  for (const live of snapshot.apps) {
    const id = live.app.id!;
    const app = api.apps.find((a) => a.appId?.text?.toUpperCase() === id.toUpperCase());
    if (!app) {
      return step(
        insertListItemsEdit(doc, appsPair.value, [appEntries(doc, live)]),
        `app ${id} (${live.region}) added`,
        'conversationApi.apps',
      );
    }
    const found = appStep(doc, app, live);
    if (found) return found;
  }
  return undefined;
}

function appStep(doc: ParsedDocument, app: AppModel, live: LiveApp): Step | undefined {
  const id = live.app.id!;
  const where = `app ${id}`;
  if (app.appId && app.appId.text !== id)
    return step(replaceValueEdit(doc, app.appId, id), `appId of ${where} written exactly`, where);
  const scalars: [keyof AppModel & ('name' | 'region' | 'processingMode'), string | undefined, readonly string[]][] = [
    ['name', live.app.display_name, ['region', 'processingMode', 'channels', 'webhooks']],
    ['region', live.region, ['processingMode', 'channels', 'webhooks']],
    ['processingMode', live.app.processing_mode, ['channels', 'webhooks']],
  ];
  for (const [key, value, before] of scalars) {
    if (value === undefined || value === '') continue;
    const field = app[key];
    if (!field)
      return step(insertKeyEdit(doc, app.node, { key, value }, { before }), `${key} of ${where} added`, where);
    if (field.text !== value)
      return step(replaceValueEdit(doc, field, value), `${key} of ${where} updated`, `${where}'s ${key}`);
  }
  const channels = liveChannels(live);
  if (!app.channels) {
    return step(
      insertKeyEdit(
        doc,
        app.node,
        { key: 'channels', value: { raw: `[${channels.join(', ')}]` } },
        { before: ['webhooks'] },
      ),
      `channels of ${where} added`,
      where,
    );
  }
  if (
    !sameSet(
      app.channels.items.map((i) => i.text ?? ''),
      channels,
    )
  ) {
    return step(
      replaceListItemsEdit(doc, app.channels, channels),
      `channels of ${where} updated`,
      `${where}'s channels`,
    );
  }
  return webhooksStep(doc, app, live);
}

function webhooksStep(doc: ParsedDocument, app: AppModel, live: LiveApp): Step | undefined {
  const where = `app ${live.app.id}`;
  if (!live.webhooks.length) return undefined;
  const webhooksPair = app.node.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'webhooks');
  if (!webhooksPair) {
    const value = { list: live.webhooks.map((w, i) => webhookEntries(doc, live, w, i)) };
    return step(insertKeyEdit(doc, app.node, { key: 'webhooks', value }), `webhooks of ${where} added`, where);
  }
  if (!isSeq(webhooksPair.value))
    throw new ImportError(`The webhooks of ${where} are not a list: fix them, then import again.`);
  for (const [index, webhook] of live.webhooks.entries()) {
    const target = webhook.target ?? '';
    const inFile = app.webhooks.find(
      (w) => w.target?.text !== undefined && normalizeUrl(w.target.text) === normalizeUrl(target),
    );
    if (!inFile) {
      return step(
        insertListItemsEdit(doc, webhooksPair.value, [webhookEntries(doc, live, webhook, index)]),
        `webhook ${target} of ${where} added`,
        `${where}'s webhooks`,
      );
    }
    const found = webhookStep(doc, inFile, live, index, `webhook ${target} of ${where}`);
    if (found) return found;
  }
  return undefined;
}

function webhookStep(
  doc: ParsedDocument,
  webhook: WebhookModel,
  live: LiveApp,
  index: number,
  where: string,
): Step | undefined {
  const remote = live.webhooks[index]!;
  const triggers = remote.triggers ?? [];
  if (!webhook.triggers) {
    return step(
      insertKeyEdit(
        doc,
        webhook.node,
        { key: 'triggers', value: { raw: `[${triggers.join(', ')}]` } },
        { after: webhook.secret ?? webhook.target },
      ),
      `triggers of ${where} added`,
      where,
    );
  }
  if (
    !sameSet(
      webhook.triggers.items.map((i) => i.text ?? ''),
      triggers,
    )
  ) {
    return step(
      replaceListItemsEdit(doc, webhook.triggers, triggers),
      `triggers of ${where} updated`,
      `${where}'s triggers`,
    );
  }
  const liveType = remote.target_type ?? 'HTTP';
  const fileType = webhook.targetType?.text ?? 'HTTP';
  if (liveType !== fileType) {
    return webhook.targetType
      ? step(replaceValueEdit(doc, webhook.targetType, liveType), `targetType of ${where} updated`, where)
      : step(
          insertKeyEdit(doc, webhook.node, { key: 'targetType', value: liveType }),
          `targetType of ${where} added`,
          where,
        );
  }
  if (!webhook.secret) {
    const reference = secretReference(doc, live, remote, index);
    if (reference) {
      return step(
        insertKeyEdit(
          doc,
          webhook.node,
          { key: 'secret', value: reference },
          { after: webhook.target, before: ['triggers'] },
        ),
        `secret reference of ${where} added`,
        where,
      );
    }
  }
  return undefined;
}

/**
 * A new top-level section, as its own paragraph: before the first of `before` (and the comment lines just
 * above it, which belong to that key), else at the end; a blank line keeps it apart from its neighbours.
 */
function topLevelSectionEdit(
  doc: ParsedDocument,
  entry: InsertEntry,
  before: readonly string[],
): TextEditSpan | undefined {
  const root = doc.model.root;
  if (!root || root.flow) return root ? insertKeyEdit(doc, root, entry, { before }) : undefined;
  const text = doc.text;
  const eol = eolOf(text);
  const lines = entryLines(entry, 0, indentUnit(text)).join(eol);
  const next = before
    .map((key) => doc.model.rootKeys.get(key))
    .find((span) => span !== undefined && columnOf(text, span.start) === 0);
  if (next) {
    let at = lineStartOf(text, next.start);
    while (at > 0) {
      const previous = lineStartOf(text, at - 1);
      if (!/^#/.test(text.slice(previous, at))) break;
      at = previous;
    }
    return { span: { start: at, end: at }, newText: lines + eol + eol };
  }
  const trimmed = text.replace(/\s+$/, '');
  return { span: { start: trimmed.length, end: text.length }, newText: eol + eol + lines + eol };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}
