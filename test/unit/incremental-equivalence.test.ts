// The incremental re-parse (server/src/parse/incremental.ts) must give what a check from scratch gives, always.
// Random edit sequences (typing, deleting, pasting whole items, changing indentation, breaking the YAML and
// repairing it) run over the examples and generated files through the parse cache the analysis worker uses;
// after every edit the tree (every node's range and value, the errors), the diagnostics, the outline and the
// code actions are compared with a fresh full parse of the same text. Fixed seed; a larger run:
//   SINCHCP_EQUIVALENCE_EDITS=20000 node --import tsx --test test/unit/incremental-equivalence.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ParsedDocumentCache,
  parseCounts,
  parseText,
  type ParsedDocument,
} from '../../server/src/parse/parsedDocument';
import { diagnose, lint } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { outline } from '../../server/src/service/symbols';
import { defaultSettings } from '../../server/src/service/settings';
import { generate, prng } from '../bench/generate';
import { fallbackReasons } from '../../server/src/parse/incremental';

const ROOT = join(__dirname, '..', '..');
const EDITS = Number(process.env.SINCHCP_EQUIVALENCE_EDITS ?? 2000);
const SEED = Number(process.env.SINCHCP_EQUIVALENCE_SEED ?? 12);

/** Every node's kind, range and value, and the errors and warnings: equal trees give equal everything. */
function dumpTree(doc: Document.Parsed): unknown {
  const node = (n: unknown): unknown => {
    if (n === null || n === undefined) return null;
    if (isPair(n)) return { key: node(n.key), value: node(n.value) };
    const range = (n as { range?: number[] }).range;
    if (isScalar(n)) return { s: range, type: n.type, value: n.value, source: n.source, tag: n.tag, anchor: n.anchor };
    if (isAlias(n)) return { a: range, source: n.source };
    if (isMap(n)) return { m: range, flow: n.flow ?? false, tag: n.tag, anchor: n.anchor, items: n.items.map(node) };
    if (isSeq(n)) return { q: range, flow: n.flow ?? false, tag: n.tag, anchor: n.anchor, items: n.items.map(node) };
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any other node kind is named by its text
    return { other: String(n) };
  };
  return {
    range: doc.range,
    contents: node(doc.contents),
    errors: doc.errors.map((e) => [e.code, e.pos]),
    warnings: doc.warnings.map((e) => [e.code, e.pos]),
  };
}

/** The model (its spans, texts and structure; the YAML nodes it points to are compared by dumpTree). */
function dumpModel(doc: ParsedDocument): string {
  return JSON.stringify(doc.model, (key, value: unknown) => {
    if (key === 'node' || key === 'root') return undefined;
    return value instanceof Map ? [...value] : value;
  });
}

/** What the features give for a parse: diagnostics, the outline, and every diagnostic's code actions. */
function features(doc: ParsedDocument): unknown {
  const results = lint(doc, defaultSettings);
  return {
    diagnostics: diagnose(doc, defaultSettings),
    outline: outline(doc),
    actions: results.map((result) => actionsFor(doc, result)),
  };
}

type Random = () => number;

/** The start offsets of the lines of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** One random edit of `text`: [start, end, inserted]. Most fall inside list items, as typing does. */
function randomEdit(text: string, random: Random, undo: { edit?: [number, number, string] }): [number, number, string] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const starts = lineStarts(text);
  const line = Math.floor(random() * starts.length);
  const lineStart = starts[line]!;
  const lineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  const at = lineStart + Math.floor(random() * (lineEnd - lineStart + 1));
  const kind = random();
  // Back to the text before the last edit (the broken YAML repaired, the paste undone).
  if (undo.edit && kind < 0.12) return takeUndo(undo);
  if (kind < 0.45) return [at, at, pick(['a', 'Z', '0', ' ', '-', ':', '_', 'x1', '.', '/', 'é', '😀'])];
  if (kind < 0.6) return [at, Math.min(lineEnd, at + 1 + Math.floor(random() * 4)), ''];
  if (kind < 0.68) {
    // Broken YAML: an unclosed bracket or quote, a stray colon, a tab, an anchor, a document marker.
    return [
      at,
      at,
      pick(['[', '{', '"', "'", ': :', '\t', ' &a', ' *a', '\n---\n', '\n  - ', '\n', '#', ' # c', '|+\n']),
    ];
  }
  if (kind < 0.76) {
    // Indentation: two spaces more or fewer at a line start.
    if (text.startsWith('  ', lineStart) && random() < 0.5) return [lineStart, lineStart + 2, ''];
    return [lineStart, lineStart, '  '];
  }
  if (kind < 0.86) {
    // A paste of whole lines (an item, part of one, or several) copied from elsewhere, at a line start.
    const from = Math.floor(random() * starts.length);
    const count = 1 + Math.floor(random() * 8);
    const copyStart = starts[from]!;
    const copyEnd = from + count < starts.length ? starts[from + count]! : text.length;
    const copied = text.slice(copyStart, copyEnd);
    return [lineStart, lineStart, copied.endsWith('\n') ? copied : `${copied}\n`];
  }
  if (kind < 0.93) {
    // A whole line deleted, or replaced by a comment or a blank line.
    const end = line + 1 < starts.length ? starts[line + 1]! : text.length;
    return [lineStart, end, pick(['', '\n', '    # note\n', '# top\n'])];
  }
  // A value retyped: the rest of the line replaced.
  return [at, lineEnd, pick(['', ' x', ' "quoted"', ' [A, B]', ' 01HZXABCDEFGHJKMNPQRSTVWXY', ' eu', ' ~'])];
}

function takeUndo(undo: { edit?: [number, number, string] }): [number, number, string] {
  const edit = undo.edit!;
  undo.edit = undefined;
  return edit;
}

function apply(text: string, [start, end, inserted]: [number, number, string]): string {
  return text.slice(0, start) + inserted + text.slice(end);
}

function inputs(): { name: string; text: string }[] {
  const files = ['examples/acme-eu.sinchcp.yaml', 'examples/onboarding-mistakes.sinchcp.yaml'];
  return [
    ...files.map((file) => ({ name: file, text: readFileSync(join(ROOT, file), 'utf8') })),
    { name: 'generated 100 lines', text: generate({ lines: 100, seed: 7 }).text },
    { name: 'generated 200 lines', text: generate({ lines: 200, seed: 8 }).text },
    { name: 'generated, CRLF', text: generate({ lines: 80, seed: 9 }).text.replace(/\n/g, '\r\n') },
  ];
}

/** The parse of `after` through a cache that held `before`'s, and whether it was spliced. */
function reparse(before: string, after: string): { parsed: ParsedDocument; spliced: boolean } {
  const cache = new ParsedDocumentCache();
  const uri = 'file:///regression.sinchcp.yaml';
  cache.get(TextDocument.create(uri, 'sinchcp', 1, before));
  const count = parseCounts.incremental;
  const parsed = cache.get(TextDocument.create(uri, 'sinchcp', 2, after));
  return { parsed, spliced: parseCounts.incremental > count };
}

const TWO_QUEUES =
  'queues:\n  - name: a\n    type: chat\n  - name: b\n    type: chat\n  - name: c\ntenant:\n  name: t\n';

test('deleting the line break after an item joins the next line to it: parsed in full (found by the random edits)', () => {
  const at = TWO_QUEUES.indexOf('chat\n') + 4;
  const after = TWO_QUEUES.slice(0, at) + TWO_QUEUES.slice(at + 1);
  const { parsed, spliced } = reparse(TWO_QUEUES, after);
  assert.equal(spliced, false);
  assert.deepEqual(dumpTree(parsed.yaml), dumpTree(parseText(after).yaml));
});

test('typing inside an item, the last item included, is spliced and equals the full parse', () => {
  for (const [find, insert] of [
    ['name: a', 'x'],
    ['name: c', 'y'],
    ['type: chat\n  - name: b', '\n    extra: 1'],
  ] as const) {
    const at = TWO_QUEUES.indexOf(find) + find.length;
    const after = TWO_QUEUES.slice(0, at) + insert + TWO_QUEUES.slice(at);
    const { parsed, spliced } = reparse(TWO_QUEUES, after);
    assert.equal(spliced, true, `${find} + ${JSON.stringify(insert)}`);
    assert.deepEqual(dumpTree(parsed.yaml), dumpTree(parseText(after).yaml));
    assert.equal(dumpModel(parsed), dumpModel(parseText(after)));
  }
});

test(`incremental parses equal full checks after ${EDITS} random edits`, () => {
  const random = prng(SEED);
  const files = inputs();
  const perFile = Math.ceil(EDITS / files.length);
  const before = { ...parseCounts };
  let checked = 0;
  let compared = 0;
  let incrementalBefore = parseCounts.incremental;
  for (const file of files) {
    const cache = new ParsedDocumentCache();
    const uri = `file:///${file.name.replace(/\W+/g, '-')}.sinchcp.yaml`;
    let text = file.text;
    let version = 1;
    cache.get(TextDocument.create(uri, 'sinchcp', version, text));
    const undo: { edit?: [number, number, string] } = {};
    // The last text without YAML errors, and for how many edits the text has had errors: a broken text is
    // repaired (by undoing, or by going back to that text) within a few edits, as typing does.
    let lastValid = text;
    let brokenFor = 0;
    for (let i = 0; i < perFile; i++) {
      const edit: [number, number, string] =
        brokenFor >= 2 + Math.floor(random() * 3)
          ? [0, text.length, lastValid]
          : brokenFor === 1 && undo.edit && random() < 0.6
            ? takeUndo(undo)
            : randomEdit(text, random, undo);
      const next = apply(text, edit);
      if (!undo.edit || random() < 0.5) undo.edit = [edit[0], edit[0] + edit[2].length, text.slice(edit[0], edit[1])];
      // Files drift over a long sequence (grown by pastes, items re-indented out of their lists): start again
      // from the original now and then.
      text = next.length > 2 * file.text.length + 1000 || i % 250 === 249 ? file.text : next;
      version++;
      const incremental = cache.get(TextDocument.create(uri, 'sinchcp', version, text));
      const spliced = parseCounts.incremental > incrementalBefore;
      incrementalBefore = parseCounts.incremental;
      checked++;
      // After a fallback to the full parse both sides would be full parses of the same text: only a splice can
      // make them differ, so only splices are compared (which keeps thousands of edits within seconds).
      if (spliced) {
        const fresh = parseText(text, uri);
        const where = `${file.name}, edit ${i + 1} (${JSON.stringify(edit)})`;
        assert.deepEqual(dumpTree(incremental.yaml), dumpTree(fresh.yaml), `the tree, ${where}`);
        assert.equal(dumpModel(incremental), dumpModel(fresh), `the model, ${where}`);
        // The fresh parse is version 0: compared as of the same version.
        assert.deepEqual(
          features(incremental),
          features({ ...fresh, version: incremental.version }),
          `the features, ${where}`,
        );
        compared++;
      }
      const broken = incremental.yaml.errors.length > 0;
      if (broken) brokenFor++;
      else {
        brokenFor = 0;
        lastValid = text;
      }
    }
  }
  const incremental = parseCounts.incremental - before.incremental;
  const full = parseCounts.full - before.full - compared;
  assert.equal(incremental, compared);
  console.log(
    `${checked} edits checked: ${incremental} re-parsed incrementally, ${full} by a full parse` +
      ` (${[...fallbackReasons].map(([why, n]) => `${why}: ${n}`).join(', ')})`,
  );
  // The test means something only if the incremental path is taken for many of the edits.
  assert.ok(incremental >= checked * 0.1, `only ${incremental} of ${checked} edits were re-parsed incrementally`);
});
