// Markdown for completion documentation, from the key docs of the schema (one source with hover and README).
import type { KeyDoc } from '../../schema/keyDocs';

/**
 * The details pane of a key's suggestion. The description is the item's `detail`, which VS Code shows right above
 * this text, so it is not repeated here.
 */
export function keyDocMarkdown(key: string, doc: KeyDoc | undefined, required: boolean): string {
  const lines = [`**${key}**${required ? '' : ' (optional)'}`, ''];
  if (!doc) return lines.join('\n');
  if (doc.source) lines.push(`*Where to find it:* ${doc.source}`, '');
  if (doc.destination) lines.push(`*Where it goes:* ${doc.destination}`, '');
  if (doc.expected) lines.push(`*Expected:* ${doc.expected}`, '');
  if (doc.example) lines.push(`*Example:* \`${key}: ${doc.example}\``, '');
  return lines.join('\n').trimEnd();
}

/** Escapes text for a snippet's body (outside placeholders): `$`, `}` and `\`. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** Escapes one option of a snippet choice `${1|a,b|}`. */
export function snippetChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (ch) => `\\${ch}`);
}
