// The consolidated edit helpers (server/src/rules/edits) on the cases the golden fix fixtures do not pin:
// CRLF files, a trailing comment on the last line, a file without a final line break, flow vs block,
// empty flow collections with blanks inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { parseText, type ParsedDocument } from '../../server/src/parse/parsedDocument';
import { applyEdits } from '../../server/src/service/edits';
import { insertKeyEdit } from '../../server/src/rules/edits/insertKey';
import { insertListItemsEdit } from '../../server/src/rules/edits/insertListItem';
import { columnOf, lastLineEndOf, lineEndOf, lineStartOf, yamlScalar } from '../../server/src/rules/edits/layout';
import type { TextEditSpan } from '../../server/src/rules/types';

/** The value of the document's first key. */
function first(text: string): { doc: ParsedDocument; node: unknown } {
  const doc = parseText(text);
  return { doc, node: (doc.yaml.contents as YAMLMap).items[0]!.value };
}

function apply(text: string, edit: TextEditSpan | undefined): string | undefined {
  return edit && applyEdits(text, [edit]);
}

function addKey(text: string, before: string[] = []): string | undefined {
  const { doc, node } = first(text);
  assert.ok(isMap(node));
  return apply(text, insertKeyEdit(doc, node, { key: 'k', value: { raw: '[A, B]' } }, { before }));
}

function addItems(
  text: string,
  items: Parameters<typeof insertListItemsEdit>[2],
  where: 'start' | 'end' = 'end',
): string | undefined {
  const { doc, node } = first(text);
  assert.ok(isSeq(node));
  return apply(text, insertListItemsEdit(doc, node, items, where));
}

test('layout: line start, line end and column, also at offset 0 and across CRLF', () => {
  assert.equal(lineStartOf('\nab', 0), 0);
  assert.equal(columnOf('\nab', 0), 0);
  assert.equal(columnOf('x\r\n  ab', 5), 2);
  assert.equal(lineEndOf('a: 1 # c\r\nb', 2), 8);
  // A block node's range ends after its line break: the line end is before the `\r\n`.
  assert.equal(lastLineEndOf('- x\r\n', 5), 3);
  assert.equal(lastLineEndOf('a: 1 # c', 4), 8);
});

test('yamlScalar: an env reference is plain in block context, quoted in flow context', () => {
  assert.equal(yamlScalar('${env:X}', false), '${env:X}');
  assert.equal(yamlScalar('${env:X}', true), '"${env:X}"');
  assert.equal(yamlScalar('123', false), '"123"');
});

test('insertKey: after a trailing comment, CRLF kept, after a nested block', () => {
  assert.equal(addKey('a:\n  b: 1 # c\nd: 3\n'), 'a:\n  b: 1 # c\n  k: [A, B]\nd: 3\n');
  assert.equal(addKey('a:\r\n  b:\r\n    - x\r\nd: 3\r\n'), 'a:\r\n  b:\r\n    - x\r\n  k: [A, B]\r\nd: 3\r\n');
});

test('insertKey: at the end of a file without a final line break, none is added', () => {
  assert.equal(addKey('a:\n  b: 1 # c'), 'a:\n  b: 1 # c\n  k: [A, B]');
});

test('insertKey: before the next key in order, and in flow mappings', () => {
  assert.equal(addKey('a:\n  b: 1\n  c: 2\n', ['c']), 'a:\n  b: 1\n  k: [A, B]\n  c: 2\n');
  assert.equal(addKey('a: {b: 1} # c\n'), 'a: {b: 1, k: [A, B]} # c\n');
  assert.equal(addKey('a: { }\n'), 'a: {k: [A, B]}\n');
});

test("insertKey: a list of mappings as a block value at the file's indentation step", () => {
  const text = 'a:\n    b: 1\n';
  const { doc, node } = first(text);
  const edit = insertKeyEdit(doc, node as YAMLMap, {
    key: 'w',
    value: {
      list: [
        [
          { key: 't', value: 'u' },
          { key: 's', value: '${env:S}' },
        ],
      ],
    },
  });
  assert.equal(apply(text, edit), 'a:\n    b: 1\n    w:\n        - t: u\n          s: ${env:S}\n');
});

test('insertListItems: scalar items in block and flow lists, CRLF, trailing comment, no final line break', () => {
  assert.equal(addItems('a:\r\n  - x # c\r\n', ['A', 'B']), 'a:\r\n  - x # c\r\n  - A\r\n  - B\r\n');
  assert.equal(addItems('a:\n  - x', ['A']), 'a:\n  - x\n  - A');
  assert.equal(addItems('a: [x] # c\n', ['A', 'B']), 'a: [x, A, B] # c\n');
  assert.equal(addItems('a: [ ]\n', ['A']), 'a: [A]\n');
});

test("insertListItems: a mapping item at the existing items' key column, at the start or the end", () => {
  const item = [
    { key: 'p', value: 'q' },
    { key: 'r', value: '${env:R}' },
  ];
  assert.equal(addItems('a:\n-   b: 1\n    c: 2\n', [item]), 'a:\n-   b: 1\n    c: 2\n-   p: q\n    r: ${env:R}\n');
  assert.equal(addItems('a:\n  - b: 1\n', [item], 'start'), 'a:\n  - p: q\n    r: ${env:R}\n  - b: 1\n');
  assert.equal(addItems('a: [{b: 1}]\n', [item], 'start'), 'a: [{p: q, r: "${env:R}"}, {b: 1}]\n');
  // After the last item's nested block, CRLF: not between its `\r` and `\n`.
  assert.equal(
    addItems('a:\r\n  - b:\r\n      - z\r\nd: 1\r\n', [item]),
    'a:\r\n  - b:\r\n      - z\r\n  - p: q\r\n    r: ${env:R}\r\nd: 1\r\n',
  );
});
