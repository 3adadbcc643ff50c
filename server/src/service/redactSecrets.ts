// The last line of defence for "no secret value is ever printed": every diagnostic message, `data` payload and
// quick-fix title is scrubbed of the literal secrets written in the file before it leaves the server or the CLI.
// Rules already avoid quoting secrets; this catches what they cannot know about, e.g. a mangled line where a
// password became part of an unknown key, a whole entry pasted on one line, or a value upper-cased by a fix.
import type { ParsedDocument } from '../parse/parsedDocument';
import { ENV_REFERENCE_PATTERN } from '../schema/domain';
import { keysAt, type SchemaPath } from '../schema/navigate';

/**
 * A key, wherever it stands (line start, after `{`, `,`, `- `, mid-line in a pasted entry, glued to a previous
 * value as in `…:secret:x`), quoted or not, then `:` or `=` with any spacing around it; the value follows at
 * `lastIndex`. The key's characters are taken whole (`(?=(…))\1` does not backtrack into them), so a long word
 * costs one pass; whether the key names a secret is asked of `SECRET_NAME` afterwards.
 */
const KEY_THEN_COLON = /(?<![\w-])["']?(?=([\w-]{1,64}))\1["']?[ \t]*[:=][ \t]*/g;
/** The same key at a line's start, separated from its value by spaces only (`password "x`: a colon forgotten). */
const KEY_THEN_SPACE = /^[ \t-]*["']?(?=([\w-]{1,64}))\1["']?[ \t]+(?=[^\s:=#])/gm;
const SECRET_NAME = /password|secret/i;
const MIN_SECRET_LENGTH = 4;
const MAX_VALUE_READ = 200;

export const REDACTED = '‹secret›';

const cache = new WeakMap<ParsedDocument, string[]>();

/** The literal secret values written in the file (not `${env:…}` references), longest first. */
export function literalSecrets(doc: ParsedDocument): string[] {
  let found = cache.get(doc);
  if (found) return found;
  // A file that is not analysed has one finding, worded by sinchcp without quoting the file: nothing to redact.
  found = doc.notAnalysed ? [] : findLiteralSecrets(doc.text);
  cache.set(doc, found);
  return found;
}

export function findLiteralSecrets(text: string): string[] {
  const values = new Set<string>();
  /** The line remainders already read: the same text after another key gives the same values. */
  const read = new Set<string>();
  if (/password|secret/i.test(text)) {
    for (const pattern of [KEY_THEN_COLON, KEY_THEN_SPACE]) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        if (!SECRET_NAME.test(match[1]!)) continue;
        const at = pattern.lastIndex;
        const lineEnd = endOfLine(text, at, at + MAX_VALUE_READ);
        const rest = text.slice(at, lineEnd);
        const blockHeader = /^[|>][-+0-9]*[ \t]*(#.*)?$/.test(rest);
        if (!blockHeader && read.has(rest)) continue;
        read.add(rest);
        for (const value of valuesAt(
          rest,
          blockHeader ? blockScalarLines(text, lineEnd, lineStartOf(text, match.index)) : [],
        )) {
          if (value.length >= MIN_SECRET_LENGTH && !isReference(value)) values.add(value);
        }
      }
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/**
 * What the value after a secret key may be, read every plausible way (the YAML around it may be broken): the
 * rest of the line (read up to MAX_VALUE_READ characters: a secret is short, and a long line with many keys on it
 * must not be read to its end once per key) without a comment; up to the first space; up to the first flow
 * indicator; inside quotes; and for a block scalar (`|`, `>`) its content lines, even one not indented under the key.
 */
function valuesAt(rest: string, blockLines: string[]): string[] {
  const uncommented = rest.replace(/(^|\s)#.*$/, '').trim();
  const out = [uncommented, rest.trim()];
  const firstWord = /^\S+/.exec(uncommented)?.[0];
  if (firstWord) out.push(firstWord);
  const flowItem = /^[^,\]}]+/.exec(uncommented)?.[0]?.trim();
  if (flowItem) out.push(flowItem);
  const quoted = /^(["'])(.*?)(?:\1|$)/.exec(uncommented);
  if (quoted) out.push(quoted[2]!, quoted[2]!.trim());
  out.push(...blockLines);
  // Up to the first character YAML reads as structure: a value glued to what an edit left after it
  // (`secret:S3cr3t:ddress: …`, the block's first line `S3cr3t{name: …`) is shown as part of a key. (Not the
  // block's later lines: read generously, they may be keys of their own, and a key name is no secret.)
  for (const value of [uncommented, ...blockLines.slice(0, 1)]) {
    const token = /^[^\s,[\]{}:#]+/.exec(value)?.[0];
    if (token && token !== value) out.push(token);
  }
  return out.map((value) => value.replace(/^["']|["']$/g, '')).concat(out);
}

/**
 * The content lines of a block scalar whose header ends the line at `headerLineEnd`: the lines indented under
 * the key, and — since the admin may have forgotten to indent the password, and broken YAML may put other keys
 * between — every bare line (not itself `key:` or `- item`) at the key's column, up to the first line left of it.
 * The first bare line after the header is read whatever its indentation: re-indented left of its key, the
 * password's line is still the password, though YAML now reads it as part of another value (a continuation line
 * of the plain scalar above). Comment lines left of the content are passed over. Reading too much only hides more text in a message;
 * reading too little shows a secret.
 */
function blockScalarLines(text: string, headerLineEnd: number, keyLineStart: number): string[] {
  const keyIndent = /^[ \t-]*/.exec(text.slice(keyLineStart, keyLineStart + MAX_VALUE_READ))![0].length;
  const lines: string[] = [];
  let start = nextLineStart(text, headerLineEnd);
  let pastAKey = false; // after another key at the key's column, lines under that key are its own, not content
  let first = true;
  for (let seen = 0; start < text.length && seen < 50; seen++) {
    const end = endOfLine(text, start, start + MAX_VALUE_READ);
    if (end < text.length && text[end] !== '\n' && text[end] !== '\r') break; // a line too long to be a secret's
    const line = text.slice(start, end);
    const indent = /^[ \t]*/.exec(line)![0].length;
    // A `#` line left of the content is a comment; under the key it may be the value itself (`#Secret`).
    if (line.trim() !== '' && !(indent <= keyIndent && line.trimStart().startsWith('#'))) {
      const bare = !/^[ \t]*(-\s|[^\s:]+:(\s|$))/.test(line);
      if (first && bare) lines.push(line.trim());
      // The password's line with the next key joined onto it by an edit (`S3cr3t: …`): YAML reads the password
      // as a key. A key of the format there is a key (the block is empty), anything else is the password.
      const key = first && !bare ? /^[ \t]*["']?([^\s:"'#-][^\s:"']*)["']?:/.exec(line)?.[1] : undefined;
      if (key && !formatKeyNames().has(key.toLowerCase())) lines.push(key);
      first = false;
      if (indent < keyIndent) break;
      if (indent === keyIndent && !bare) pastAKey = true;
      else if (bare || (indent > keyIndent && !pastAKey)) lines.push(line.trim());
    }
    start = nextLineStart(text, end);
  }
  return lines;
}

let formatKeys: Set<string> | undefined;

/** Every key name of the format, lower-cased (walked once from the schema). */
function formatKeyNames(): Set<string> {
  if (formatKeys) return formatKeys;
  const names = new Set<string>();
  const walk = (path: SchemaPath, depth: number) => {
    if (depth > 12) return;
    for (const { key } of keysAt(path)) {
      names.add(key.toLowerCase());
      walk([...path, key], depth + 1);
      walk([...path, key, 0], depth + 1);
    }
  };
  walk([], 0);
  formatKeys = names;
  return names;
}

/** A `${env:NAME}` reference, or a piece of one (a flow item cut at its `}`, a token cut at its `:`): never a literal secret. */
function isReference(value: string): boolean {
  return ENV_REFERENCE_PATTERN.test(value) || /\$\{\s*env\s*:/i.test(value) || value.startsWith('${');
}

/** The start of the line holding `offset` (asked only for block-scalar headers, whose line ends just after them). */
function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && offset - start < MAX_VALUE_READ && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The end of the line holding `from` (before its line break), looking no further than `limit`. */
function endOfLine(text: string, from: number, limit = text.length): number {
  let end = from;
  const stop = Math.min(limit, text.length);
  while (end < stop && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function nextLineStart(text: string, lineEnd: number): number {
  return text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd + 1;
}

const patterns = new WeakMap<readonly string[], RegExp>();

/** The message with every secret replaced, whatever its letter case (a fix title may upper-case a pasted secret). */
export function redactSecrets(message: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return message;
  let pattern = patterns.get(secrets);
  if (!pattern) {
    pattern = new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    patterns.set(secrets, pattern);
  }
  return message.replace(pattern, REDACTED);
}

/** A `data` payload with every string in it redacted (same shape; objects and arrays copied only when needed). */
export function redactData<T>(data: T, secrets: readonly string[], depth = 0): T {
  if (secrets.length === 0 || depth > 20) return data;
  if (typeof data === 'string') return redactSecrets(data, secrets) as T;
  if (Array.isArray(data)) return (data as unknown[]).map((item) => redactData(item, secrets, depth + 1)) as T;
  if (data && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [redactSecrets(key, secrets), redactData(value, secrets, depth + 1)]),
    ) as T;
  }
  return data;
}

/** The longest value a message quotes in full; longer ones are cut (a message names a value, it does not copy it). */
export const MAX_QUOTED_LENGTH = 100;

/**
 * The message with every `quoted` value cut to its first line and MAX_QUOTED_LENGTH characters: a broken value
 * can swallow the lines after it (a password among them), and the message must name the value, not show the source.
 */
export function capQuotedValues(message: string): string {
  return message.replace(/`([^`]*)`/g, (whole, inner: string) => {
    const firstLine = inner.split(/\r\n|\r|\n/)[0]!;
    const cut = firstLine.length > MAX_QUOTED_LENGTH ? firstLine.slice(0, MAX_QUOTED_LENGTH) : firstLine;
    return cut === inner ? whole : `\`${cut.trimEnd()}…\``;
  });
}
