// Completion, routed by the kind of place at the cursor (cursorPath.ts): keys of a mapping, a new list item,
// a value, an empty document. Each kind has its provider; this file only decides which ones answer.
import { MAX_LINE_LENGTH, MAX_TEXT_LENGTH } from '../../parse/limits';
import type { ParsedDocument } from '../../parse/parsedDocument';
import { findLiteralSecrets, redactSecrets } from '../redactSecrets';
import { cutMultiLineValues, showsMultiLineValue } from '../multiLineValues';
import { keysAt } from '../../schema/navigate';
import { cursorPlace, type CursorPlace } from './cursorPath';
import { keyDocMarkdown } from './docs';
import { keyCandidates } from './keys';
import { lineAt } from './lines';
import { itemSnippets, newFileSnippet } from './snippets';
import type { CompletionCandidate, CompletionRequest, CompletionSource } from './types';
import { valueCandidates } from './values';

export function complete({ source, offset, options }: CompletionRequest): CompletionCandidate[] {
  // A file over the size limit gets no completion, so a 5 MB paste costs nothing here. (A long line or deep
  // nesting within it is harmless: the cursor's place is read from the lines around it, each once.)
  if (source.text.length > MAX_TEXT_LENGTH) return [];
  // Nor a cursor on a line beyond the parser's line limit (the file is not checked then): reading the place of a
  // cursor far into a 260,000-character line of `- - -` took seconds.
  if (onOverlongLine(source.text, offset)) return [];
  // The parse, when a provider asked for it: only then can a candidate show a value of the file.
  let parse: ParsedDocument | undefined;
  const tracked: CompletionSource = { text: source.text, parsed: () => (parse ??= source.parsed()) };
  const candidates = completeAt(tracked, cursorPlace(source.text, offset), options);
  return redacted(parse ? withoutMultiLineValues(candidates, parse) : candidates, source.text);
}

/**
 * A value written over several lines (an app's ID or name) is shown by its first line, as everywhere (its other
 * lines may be a password's); a candidate that would insert one is dropped: inserting a cut value would be wrong.
 */
function withoutMultiLineValues(candidates: CompletionCandidate[], doc: ParsedDocument): CompletionCandidate[] {
  const cut = (value: string | undefined) => (value === undefined ? undefined : cutMultiLineValues(value, doc));
  return candidates
    .filter((candidate) => !showsMultiLineValue(candidate.insertText, doc))
    .map((candidate) => ({
      ...candidate,
      label: cutMultiLineValues(candidate.label, doc),
      detail: cut(candidate.detail),
      documentation: cut(candidate.documentation),
      filterText: cut(candidate.filterText),
    }));
}

/** Whether the line holding `offset` is longer than MAX_LINE_LENGTH: at most that many characters are looked at each way. */
export function onOverlongLine(text: string, offset: number): boolean {
  const at = Math.max(0, Math.min(offset, text.length));
  const isBreak = (i: number) => text[i] === '\n' || text[i] === '\r';
  let start = at;
  while (start > 0 && at - start <= MAX_LINE_LENGTH && !isBreak(start - 1)) start--;
  let end = at;
  while (end < text.length && end - start <= MAX_LINE_LENGTH && !isBreak(end)) end++;
  return end - start > MAX_LINE_LENGTH;
}

/**
 * Candidates show text from the file (an app's name beside its ID, values already written): a secret pasted
 * into one of them (`name: …@APPID:secret`) must not be shown, as in hover and the outline. Read from the text,
 * so completion still needs no parse.
 */
function redacted(candidates: CompletionCandidate[], text: string): CompletionCandidate[] {
  if (!candidates.length) return candidates;
  const secrets = findLiteralSecrets(text);
  if (!secrets.length) return candidates;
  const scrub = (value: string | undefined) => (value === undefined ? undefined : redactSecrets(value, secrets));
  return candidates.map((candidate) => ({
    ...candidate,
    label: redactSecrets(candidate.label, secrets),
    detail: scrub(candidate.detail),
    documentation: scrub(candidate.documentation),
    filterText: scrub(candidate.filterText),
    insertText: redactSecrets(candidate.insertText, secrets),
  }));
}

export function completeAt(
  source: CompletionSource,
  place: CursorPlace,
  options: CompletionRequest['options'],
): CompletionCandidate[] {
  switch (place.kind) {
    case 'emptyDocument': {
      const column = place.prefix.start - lineAt(source.text, place.prefix.start).start;
      const keys = keyCandidates(
        { path: [], prefix: place.prefix, column, hasColon: false, siblings: new Map() },
        options,
      );
      return options.snippetSupport && column === 0 ? [newFileSnippet(place.prefix), ...keys] : keys;
    }
    case 'key': {
      const out = keyCandidates(place, options);
      // A fresh `- ` item with nothing in it yet: the snippets of its list fit here.
      if (
        options.snippetSupport &&
        place.afterDash &&
        place.siblings.size === 0 &&
        typeof place.path[place.path.length - 1] === 'number'
      ) {
        out.push(
          ...itemSnippets(source.parsed, {
            listPath: place.path.slice(0, -1),
            span: place.prefix,
            column: place.column,
            needsDash: false,
          }),
        );
      }
      return out;
    }
    case 'listItem': {
      // An empty line in a list: a new item, written with its dash (`- address: `) or from a snippet.
      const itemPath = [...place.path, 0];
      const out: CompletionCandidate[] = keysAt(itemPath).map(({ key, required, doc: keyDoc }, index) => ({
        label: `- ${key}`,
        kind: 'property',
        detail: keyDoc?.description,
        documentation: keyDocMarkdown(key, keyDoc, required),
        insertText: `- ${key}: `,
        snippet: false,
        span: place.prefix,
        filterText: key,
        sortText: `${required ? '0' : '1'}_${String(index).padStart(2, '0')}_${key}`,
      }));
      if (options.snippetSupport) {
        out.push(
          ...itemSnippets(source.parsed, {
            listPath: place.path,
            span: place.prefix,
            column: place.column + 2,
            needsDash: true,
          }),
        );
      }
      return out;
    }
    case 'value':
      return valueCandidates(source, place, options);
    case 'none':
      return [];
  }
}
