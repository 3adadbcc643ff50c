// What a YAML error means to an admin, in sinchcp's words: chosen from the parser's error code and the place
// (the parser's own text is never shown: it is written for programmers, and some of it echoes the source, which
// may hold a secret). Where the admin must change something else than where the parser noticed, the place moves
// there: an unclosed `[` is reported at the `[`, an unclosed quote at the opening quote.
import { isScalar, visit, type Document, type YAMLError } from 'yaml';
import { NOT_ANALYSED } from '../../parse/parsedDocument';
import type { Span } from '../../util/span';

export interface YamlErrorFinding {
  span: Span;
  message: string;
}

const SUFFIX = 'The rest of the file is checked as far as it could be read.';

const BY_CODE: Record<string, string> = {
  BAD_INDENT:
    'The indentation here does not match the lines around it: keys of one mapping (and the `- ` items of one list) start at the same column, and what belongs to a key is indented further than the key.',
  BLOCK_AS_IMPLICIT_KEY:
    'A second `key:` follows on the same line (or a line is indented as if it continued the value above): put each `key: value` on its own line, indented under the key it belongs to.',
  MULTILINE_IMPLICIT_KEY:
    'This key runs over more than one line: a key and its colon must be on one line, followed by a space (`key: value`). A value that lost its quotes or a colon without a space after it (`key:value`) reads this way.',
  MISSING_CHAR:
    'This line is not `key: value`: write a colon and a space after the key (`key: value`), and indent a value written on the lines below further than its key.',
  TAB_AS_INDENT: 'A tab is used for indentation here: YAML indents with spaces only. Replace the tab with spaces.',
  UNEXPECTED_TOKEN:
    'This text does not fit the YAML around it: a stray character, a second value after a quoted value, or a line indented less than the list or mapping it belongs to.',
  BAD_SCALAR_START: 'A value cannot start with `@` or a backtick unquoted: put the whole value in quotes.',
  BAD_DQ_ESCAPE:
    'A double-quoted value holds a backslash that is not a valid escape: write `\\\\` for a backslash, or use single quotes.',
  BLOCK_IN_FLOW:
    'A `key: value` line or a `- ` item is written inside brackets (`[…]` or `{…}`): inside brackets, separate items with commas (`[A, B]`, `{name: x, region: eu}`).',
  MULTIPLE_DOCS:
    'This file has more than one YAML document (a `---` line): sinchcp reads one. Remove the `---` line and what follows it, or keep each configuration in its own file.',
  MULTIPLE_ANCHORS: 'A value has two anchors (`&name`): give it one.',
  MULTIPLE_TAGS: 'A value has two tags (`!tag`): sinchcp files need none.',
  BAD_PROP_ORDER: 'An anchor (`&name`) or tag (`!tag`) stands before a `- ` or `? ` on its line: write it after them.',
  ALIAS_PROPS: 'An alias (`*name`) has an anchor or tag of its own: an alias stands alone.',
  BAD_ALIAS:
    'An anchor (`&name`) or alias (`*name`) here has no name, or a name ending in `:`: name it with letters and digits.',
  KEY_OVER_1024_CHARS:
    'A key here is longer than YAML allows (1024 characters): a key is a short name followed by `: `.',
  NON_STRING_KEY: 'A key here is a list or a mapping: keys of a sinchcp file are plain names.',
  TAG_RESOLVE_FAILED: 'A tag (`!…`) here cannot be applied to its value: sinchcp files need no tags. Remove it.',
  BAD_DIRECTIVE: 'A `%` directive line here is not valid: sinchcp files need no directives. Remove the line.',
  BAD_COLLECTION_TYPE: 'A tag (`!…`) here does not fit the list or mapping it is on: remove it.',
};

const UNREADABLE = 'The YAML here cannot be read.';

interface Unclosed {
  start: number;
  end: number;
  kind: 'list' | 'mapping' | "'" | '"';
}

/** Flow collections without their closing bracket, and quoted values without their closing quote. */
function unclosedParts(doc: Document.Parsed): Unclosed[] {
  const out: Unclosed[] = [];
  visit(doc, {
    Node(_, node) {
      const token = (
        node as {
          srcToken?: {
            type: string;
            offset: number;
            start?: { source: string };
            end?: { type: string }[];
            source?: string;
          };
        }
      ).srcToken;
      const range = node.range;
      if (!token || !range) return;
      if (
        token.type === 'flow-collection' &&
        !token.end?.some((t) => t.type === 'flow-seq-end' || t.type === 'flow-map-end')
      ) {
        out.push({ start: token.offset, end: range[1], kind: token.start?.source === '{' ? 'mapping' : 'list' });
      } else if (isScalar(node) && (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar')) {
        const quote = token.type === 'double-quoted-scalar' ? '"' : "'";
        const source = token.source ?? '';
        if (source.length < 2 || !source.endsWith(quote) || (quote === '"' && /(^|[^\\])(\\\\)*\\"$/.test(source))) {
          out.push({ start: token.offset, end: range[1], kind: quote });
        }
      }
    },
  });
  return out;
}

/** The findings for the parser's errors, one per error, worded by sinchcp. */
export function yamlErrorFindings(
  doc: Document.Parsed,
  text: string,
  lineOf: (offset: number) => number,
): YamlErrorFinding[] {
  const errors = doc.errors;
  if (!errors.length) return [];
  const unclosed = errors.some((e) => e.code === 'BAD_INDENT' || e.code === 'MISSING_CHAR') ? unclosedParts(doc) : [];
  const used = new Set<Unclosed>();
  const findings: YamlErrorFinding[] = [];
  // One mistake often trips several errors on its line (`- a` then `b: c`: three): one finding per line.
  const lines = new Set<number>();
  for (const error of errors) {
    const finding = describe(error, text, unclosed, used);
    const line = lineOf(finding.span.start);
    if (!lines.has(line)) {
      lines.add(line);
      findings.push(finding);
    }
  }
  return findings;
}

function describe(error: YAMLError, text: string, unclosed: Unclosed[], used: Set<Unclosed>): YamlErrorFinding {
  const [start, end] = error.pos;
  // sinchcp's own errors (a file or nesting it does not analyse) carry sinchcp's words already.
  if (error.code === NOT_ANALYSED) return { span: oneLine(text, start, end), message: error.message };
  if (error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR') {
    const preferQuote = error.code === 'MISSING_CHAR';
    const candidates = unclosed
      .filter((u) => !used.has(u) && u.end === start)
      .sort((a, b) => (Number(isQuote(b)) - Number(isQuote(a))) * (preferQuote ? 1 : -1) || b.start - a.start);
    const part = candidates[0];
    if (part) {
      used.add(part);
      return { span: { start: part.start, end: part.start + 1 }, message: `${unclosedMessage(part.kind)} ${SUFFIX}` };
    }
  }
  if (error.code === 'MULTIPLE_DOCS') {
    const marker = text.startsWith('---', start) ? { start, end: start + 3 } : oneLine(text, start, end);
    return { span: marker, message: `${BY_CODE.MULTIPLE_DOCS} ${SUFFIX}` };
  }
  return { span: oneLine(text, start, end), message: `${BY_CODE[error.code] ?? UNREADABLE} ${SUFFIX}` };
}

function isQuote(part: Unclosed): boolean {
  return part.kind === '"' || part.kind === "'";
}

function unclosedMessage(kind: Unclosed['kind']): string {
  switch (kind) {
    case 'list':
      return 'This `[` list is not closed: add `]` after its last item.\nA list in brackets ends on its line, or its next lines are indented further than its key.';
    case 'mapping':
      return 'This `{` mapping is not closed: add `}` after its last entry (a mapping in braces ends on its line, or its next lines are indented further than its key).';
    case '"':
      return 'This quoted value has no closing `"`: add it at the end of the value.';
    case "'":
      return "This quoted value has no closing `'`: add it at the end of the value.";
  }
}

/** The error's range cut to its first line, at least one character wide, never past the end of the text. */
function oneLine(text: string, start: number, end: number): Span {
  const from = Math.max(0, Math.min(start, text.length));
  const lineBreak = text.slice(from, Math.max(from, end)).search(/[\r\n]/);
  const to = lineBreak > 0 ? from + lineBreak : Math.max(end, from + 1);
  return { start: from, end: Math.min(to, text.length) };
}
