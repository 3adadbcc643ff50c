// Fingerprints that let a code-scanning dashboard recognise the same finding from one run to the next, so an
// alert keeps its history and a dismissal sticks. They must survive unrelated edits (a line inserted above
// moves every finding), so they hash what the finding is about, never where it is: the rule, the flagged
// text and its line's content with white space normalised. Identical keys in one file are told apart by
// their order (`…:1`, `…:2`), as GitHub does for its own line hashes. Literal secrets are redacted before
// hashing: a hash of a short secret can be reversed by trying candidates.
import { createHash } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parse/parsedDocument';
import { literalSecrets, REDACTED, redactSecrets } from '../service/redactSecrets';

/** The SARIF partialFingerprints key; bump the version if the recipe changes (dashboards then start afresh). */
export const FINGERPRINT_KEY = 'sinchcpFindingHash/v1';

export function fingerprintDiagnostics(doc: ParsedDocument, diagnostics: readonly Diagnostic[]): string[] {
  const secrets = literalSecrets(doc);
  const lines = doc.text.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const start = doc.textDocument.offsetAt(diagnostic.range.start);
    const end = doc.textDocument.offsetAt(diagnostic.range.end);
    const raw = doc.text.slice(start, Math.min(end, start + 1000));
    // A flagged piece of a secret is not caught by redaction (which looks for whole secrets): drop it.
    const flagged = raw && secrets.some((secret) => secret.includes(raw)) ? REDACTED : redactSecrets(raw, secrets);
    const line = redactSecrets((lines[diagnostic.range.start.line] ?? '').trim().replace(/\s+/g, ' '), secrets);
    const hash = createHash('sha256')
      .update(`${String(diagnostic.code)}\0${flagged}\0${line}`)
      .digest('hex')
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
