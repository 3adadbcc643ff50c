// One parse per document version, shared by every feature: the YAML tree (with source tokens, so every node
// has offsets), the model built on it, and the in-file suppression directives.
import { Composer, Parser, YAMLParseError, parseDocument, type CST, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel } from '../model/build';
import type { ConfigModel } from '../model/types';
import { computeRelations, type Relations } from '../model/relations';
import { readDirectives, type Directives } from './directives';
import { MAX_ENTRIES, sizeLimitExceeded, tooManyEntries } from './limits';
import { lexWithinNesting } from './nesting';
import { reparseItem } from './incremental';

export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  /** Converts offsets to LSP positions (UTF-16 safe) and back. */
  readonly textDocument: TextDocument;
  readonly text: string;
  readonly yaml: Document.Parsed;
  readonly model: ConfigModel;
  readonly relations: Relations;
  readonly directives: Directives;
  /** Set when the file is beyond what sinchcp analyses (size, nesting): `yaml` is empty and holds that one error. */
  readonly notAnalysed?: true;
}

export const YAML_OPTIONS = {
  keepSourceTokens: true,
  // Duplicate keys are reported by the duplicate-key rule with the key's own range, not as a parse error.
  uniqueKeys: false,
  prettyErrors: false,
  // Warnings (e.g. a mapping used as a key) would go to stderr on every keystroke; rules report what matters.
  logLevel: 'error',
} as const;

/**
 * Collections nested deeper than this are not parsed. The file format needs 7 levels; `yaml` parses and composes
 * by recursion, and some hundreds of levels down it overflows the stack (a pasted line of 10,000 `- ` did; V8
 * may even turn it into a fatal "RegExpCompiler Allocation failed - process out of memory" that kills the
 * server: a 6 KB file of `[` did). Rules and features walk the tree recursively too.
 */
export const MAX_NESTING = 128;

/** The error code of a file sinchcp does not analyse (too deep, too large): the file gets that one finding. */
export const NOT_ANALYSED = 'RESOURCE_EXHAUSTION';

/** An empty document holding one error: what a file that is not parsed gets. */
export function unparsedDocument(span: [number, number], message: string): Document.Parsed {
  const empty = parseDocument('', YAML_OPTIONS);
  empty.errors.push(new YAMLParseError(span, NOT_ANALYSED, message));
  return empty;
}

/**
 * `yaml`'s parseDocument in three steps, so that nesting is measured before anything recursive runs: the
 * lexemes (lexed by a loop) are measured first, then parsed into the token tree, whose depth is checked again
 * exactly before it is composed. A document nested deeper than MAX_NESTING becomes an empty document with one
 * error at the place where the nesting goes too deep.
 */
export function parseYaml(text: string): Document.Parsed {
  return guardedParse(text, MAX_NESTING).doc;
}

/**
 * The guarded parse, with the nesting limit as a parameter (the incremental re-parse of one list item uses a
 * lower one, leaving room for the levels around the item) and the number of list items and keys it counted
 * (kept per document, so a re-parsed item can update the file's total without lexing the file again).
 */
export function guardedParse(text: string, nestingLimit: number): { doc: Document.Parsed; entries: number } {
  const notAnalysed = (at: number, message: string) => {
    const start = Math.min(at, Math.max(0, text.length - 1));
    return { doc: unparsedDocument([start, Math.min(start + 1, text.length)], message), entries: 0 };
  };
  const tooDeep = (at: number) => notAnalysed(at, TOO_DEEP_MESSAGE);
  // Size first (one pass over the text), then nesting and the number of entries while lexing.
  const tooLarge = sizeLimitExceeded(text);
  if (tooLarge) return notAnalysed(tooLarge.at, tooLarge.message);
  const lexed = lexWithinNesting(text, nestingLimit, MAX_ENTRIES);
  if (lexed.tooDeepAt !== undefined) return tooDeep(lexed.tooDeepAt);
  if (lexed.tooManyAt !== undefined) {
    const tooMany = tooManyEntries(lexed.tooManyAt);
    return notAnalysed(tooMany.at, tooMany.message);
  }
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of lexed.lexemes) for (const token of parser.next(lexeme)) tokens.push(token);
  for (const token of parser.end()) tokens.push(token);
  const deep = tooDeepAt(tokens, nestingLimit);
  if (deep !== undefined) return tooDeep(deep);
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      // As parseDocument does: one document per file.
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  return { doc: doc ?? parseDocument('', YAML_OPTIONS), entries: lexed.entries };
}

const TOO_DEEP_MESSAGE = `Lists or mappings are nested more than ${MAX_NESTING} levels deep here (a configuration needs about 7), so the file is not checked. Remove what was pasted by mistake, such as a line of \`- - - …\` or \`[[[…\`.`;

/** The offset of the first collection nested deeper than `limit`, walking the token tree without recursion. */
function tooDeepAt(tokens: CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth >= limit) return token.offset;
        for (const item of token.items) {
          if ('key' in item && item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

export function parse(textDocument: TextDocument): ParsedDocument {
  return parseFrom(textDocument, undefined);
}

/** How many parses went which way (the equivalence test checks that the incremental path is taken). */
export const parseCounts = { full: 0, incremental: 0 };

/** The number of list items and keys of each parsed tree, for the incremental re-parse's limit check. */
const entryCounts = new WeakMap<Document.Parsed, number>();

/**
 * Parses `textDocument`, re-parsing only the list item an edit touched when `previous` (the parse of the same
 * document's previous text) allows it (see incremental.ts). On that path the previous parse's tree becomes this
 * one's: `previous` must not be used afterwards.
 */
function parseFrom(textDocument: TextDocument, previous: ParsedDocument | undefined): ParsedDocument {
  const text = textDocument.getText();
  const yaml = parseTree(text, previous);
  const model = buildModel(yaml, text);
  return {
    uri: textDocument.uri,
    version: textDocument.version,
    // A snapshot of its own: the editor's TextDocument is updated in place on every change, and offsets of this
    // parse must keep converting against the text they were computed on.
    textDocument: TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, text),
    text,
    yaml,
    model,
    relations: computeRelations(model),
    directives: readDirectives(text),
    ...(yaml.errors.some((e) => e.code === NOT_ANALYSED) ? { notAnalysed: true as const } : {}),
  };
}

function parseTree(text: string, previous: ParsedDocument | undefined): Document.Parsed {
  const previousEntries = previous && !previous.notAnalysed ? entryCounts.get(previous.yaml) : undefined;
  if (previous && previousEntries !== undefined) {
    entryCounts.delete(previous.yaml);
    let reparsed: ReturnType<typeof reparseItem>;
    try {
      reparsed = reparseItem(
        { text: previous.text, yaml: previous.yaml, entries: previousEntries },
        text,
        guardedParse,
        MAX_NESTING,
      );
    } catch {
      // A splice that failed half-way leaves the previous tree unusable, and it is not used again.
      reparsed = undefined;
    }
    if (reparsed) {
      parseCounts.incremental++;
      entryCounts.set(reparsed.yaml, reparsed.entries);
      return reparsed.yaml;
    }
  }
  parseCounts.full++;
  const { doc, entries } = guardedParse(text, MAX_NESTING);
  entryCounts.set(doc, entries);
  return doc;
}

export function parseText(text: string, uri = 'file:///untitled.sinchcp.yaml'): ParsedDocument {
  return parse(TextDocument.create(uri, 'sinchcp', 0, text));
}

/**
 * The parse of each open document, kept for its current text only. Every LSP handler asks here, so a keystroke
 * costs one parse however many features run on it. An entry is reused only for the same text and version: a
 * change that repeats the version number (clients do send them) must not keep the old parse, whose offsets
 * belong to the old text. A new text is parsed from the previous one (incremental.ts), whose tree it takes
 * over: one tree per document.
 */
export class ParsedDocumentCache {
  private readonly entries = new Map<string, ParsedDocument>();

  get(textDocument: TextDocument): ParsedDocument {
    const cached = this.entries.get(textDocument.uri);
    // The same string is compared by reference first; an equal copy costs one comparison, still far less than a parse.
    if (cached && cached.version === textDocument.version && cached.text === textDocument.getText()) return cached;
    // Dropped before the parse that may take its tree over, so nothing can reach the previous parse afterwards.
    this.entries.delete(textDocument.uri);
    const parsed = parseFrom(textDocument, cached);
    this.entries.set(textDocument.uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
