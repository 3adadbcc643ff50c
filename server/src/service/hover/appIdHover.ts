// Hover on an app ID (a conversationApi appId, the app after `@` in an outbound Authentication ID, the app
// before `@` in a queue address): the app, its region, the services that serve it and the queues using it.
import type { ParsedDocument } from '../../parse/parsedDocument';
import type { AppIdReference } from '../../model/types';
import { REGIONS, type Region } from '../../schema/domain';
import { appIdReferenceAt } from '../navigation/appIdAt';
import type { HoverProvider } from './context';
import { bold, code, doc, join, list, literal, type Text } from './text';

/** At most this many queues are named; the rest are counted. */
const MAX_LISTED = 5;

export const appIdHover: HoverProvider = ({ doc: parsed, offset, at }) => {
  if (at.kind !== 'value') return undefined;
  const ref = appIdReferenceAt(parsed, offset);
  if (!ref) return undefined;
  return { span: ref.span, text: { title: title(parsed, ref), facts: facts(parsed, ref.text.toUpperCase()) } };
};

function title(parsed: ParsedDocument, ref: AppIdReference): Text {
  const id = ref.text.toUpperCase();
  const name = parsed.relations.declaredApps.get(id)?.name?.text;
  const where =
    ref.site === 'outbound'
      ? ' (the app part of this outbound Authentication ID)'
      : ref.site === 'address'
        ? ' (the app this queue address receives from)'
        : '';
  return join('Conversation API app ', code(ref.text), name ? join(' ', literal(`"${name}"`)) : '', where);
}

function facts(parsed: ParsedDocument, id: string): Text[] {
  const out: Text[] = [];
  const declared = parsed.relations.declaredApps.get(id);
  const services = parsed.relations.servingServices.get(id) ?? [];

  const region = parsed.relations.appRegion(id);
  if (region) {
    const meaning = REGIONS[region as Region];
    const from = declared?.region?.text
      ? 'declared in `conversationApi`'
      : 'from the Service Connection of the service serving it';
    out.push(join(bold(doc('Region:')), ' ', code(region), meaning ? join(': ', doc(meaning)) : '', ` (${from})`));
  } else {
    out.push(
      join(
        bold(doc('Region:')),
        ' unknown: not declared in `conversationApi`, and no serving service has a Conversation API host',
      ),
    );
  }

  if (services.length) {
    out.push(join(bold(doc('Served by:')), ' ', list(services.map((s) => serviceName(s.name?.text)))));
  } else {
    out.push(
      join(
        bold(doc('Served by:')),
        ' no messaging service: add an outbound Authentication ID ',
        code(`{KeyID}@${id}`),
        ' to one',
      ),
    );
  }

  const queues = queueUses(parsed, id);
  if (queues.length) {
    const shown = queues
      .slice(0, MAX_LISTED)
      .map(({ name, subchannels }) =>
        join(serviceName(name), subchannels.length ? join(' (', list(subchannels.map((s) => code(s))), ')') : ''),
      );
    const more = queues.length > MAX_LISTED ? doc(`, and ${queues.length - MAX_LISTED} more`) : doc('');
    out.push(join(bold(doc('Queues:')), ' ', list(shown), more));
  } else {
    out.push(join(bold(doc('Queues:')), ' no queue address uses it'));
  }

  if (!declared && parsed.model.conversationApi) {
    out.push(doc('Not declared in `conversationApi.apps`.'));
  }
  return out;
}

function serviceName(name: string | undefined): Text {
  return name ? literal(name) : doc('(unnamed)');
}

/** The queues with an address of this app, each with the subchannels of those addresses, in file order. */
function queueUses(parsed: ParsedDocument, id: string): { name: string | undefined; subchannels: string[] }[] {
  const out: { name: string | undefined; subchannels: string[] }[] = [];
  for (const queue of parsed.model.queues) {
    const subchannels: string[] = [];
    let uses = false;
    for (const entry of queue.addresses) {
      const text = entry.address?.text;
      const at = text?.indexOf('@') ?? -1;
      if (!text || at <= 0 || text.slice(0, at).toUpperCase() !== id) continue;
      uses = true;
      const sub = text.slice(at + 1).split('.')[0];
      if (sub && !subchannels.includes(sub)) subchannels.push(sub);
    }
    if (uses) out.push({ name: queue.name?.text, subchannels });
  }
  return out;
}
