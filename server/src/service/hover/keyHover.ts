// Hover on a key of the format: its description first, then where the value comes from, where it goes, its
// format with an example, and the rules that check it, all from the key's docs in schema/format.ts.
import { docAt } from '../../schema/navigate';
import type { KeyDoc } from '../../schema/keyDocs';
import { ruleDocUrl } from '../docsLinks';
import type { HoverProvider } from './context';
import { bold, code, doc, join, list, type HoverText, type Text } from './text';

/** Facts that do not fit a KeyDoc field, by the key's path pattern. */
const KEY_NOTES: Record<string, string> = {
  'conversationApi.apps[].processingMode':
    'Contact Pro pages differ: the seed procedure says Dispatch, a newer version of the same page and the Contact Pro overview say Conversation mode. Apps created after 2025-04-16 default to `DISPATCH`.',
};

export const keyHover: HoverProvider = ({ at, pattern }) => {
  if (at.kind !== 'key') return undefined;
  const keyDoc = docAt(at.path);
  if (!keyDoc) return undefined;
  return { text: keyDocHover(keyDoc, KEY_NOTES[pattern]), span: at.span };
};

export function keyDocHover(keyDoc: KeyDoc, note?: string): HoverText {
  const facts: Text[] = [];
  if (keyDoc.source) facts.push(join(bold(doc('Where to find it:')), ' ', doc(keyDoc.source)));
  if (keyDoc.destination) facts.push(join(bold(doc('Where it goes:')), ' ', doc(keyDoc.destination)));
  const format = formatLine(keyDoc);
  if (format) facts.push(format);
  if (note) facts.push(join(bold(doc('Note:')), ' ', doc(note)));
  if (keyDoc.rules?.length) facts.push(join(bold(doc('Rules:')), ' ', rulesList(keyDoc.rules)));
  return { title: doc(keyDoc.description), facts };
}

export function formatLine(keyDoc: KeyDoc): Text | undefined {
  if (!keyDoc.expected && !keyDoc.example) return undefined;
  const parts: (Text | string)[] = [bold(doc('Format:')), ' '];
  if (keyDoc.expected) parts.push(doc(keyDoc.expected));
  if (keyDoc.example) parts.push(keyDoc.expected ? '; e.g. ' : 'e.g. ', code(keyDoc.example));
  return join(...parts);
}

export function rulesList(rules: readonly string[]): Text {
  return list(
    rules.map((rule) => {
      const page = ruleDocUrl(rule);
      return { markdown: page ? `[\`${rule}\`](${page})` : `\`${rule}\``, plain: rule };
    }),
  );
}
