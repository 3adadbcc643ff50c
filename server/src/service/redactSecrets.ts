// The last line of defence for "no secret value is ever printed": every diagnostic message is scrubbed of the
// literal secrets written in the file before it leaves the server or the CLI. Rules already avoid quoting
// secrets; this catches what they cannot know about, e.g. a mangled line where a password became part of an
// unknown key or a broken value that swallowed the next line.
import type { ParsedDocument } from '../parse/parsedDocument';
import { ENV_REFERENCE_PATTERN } from '../schema/domain';

/** A `password:` / `secret:` line as written, even where the YAML around it is broken. */
const SECRET_LINE = /^[\s-]*["']?(?:password|secret|secretToken|clientSecret)["']?(?:\s*[:=]\s*|\s+)(.+?)\s*(?:\s#.*)?$/i;
const MIN_SECRET_LENGTH = 4;

export const REDACTED = '‹secret›';

const cache = new WeakMap<ParsedDocument, string[]>();

/** The literal secret values written in the file (not `${env:…}` references), longest first. */
export function literalSecrets(doc: ParsedDocument): string[] {
  let found = cache.get(doc);
  if (found) return found;
  const values = new Set<string>();
  if (/password|secret/i.test(doc.text)) {
    for (const line of doc.text.split(/\r\n|\r|\n/)) {
      const match = SECRET_LINE.exec(line);
      if (!match) continue;
      const raw = match[1]!;
      for (const value of [raw, raw.replace(/^(["'])(.*)\1$/, '$2')]) {
        if (value.length >= MIN_SECRET_LENGTH && !ENV_REFERENCE_PATTERN.test(value)) values.add(value);
      }
    }
  }
  found = [...values].sort((a, b) => b.length - a.length);
  cache.set(doc, found);
  return found;
}

export function redactSecrets(message: string, secrets: readonly string[]): string {
  let result = message;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}
