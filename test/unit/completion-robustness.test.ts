// Completion never hangs or throws on odd text: a file starting with an empty line above an indented one (the
// line walk never reached the top), keys named after Object.prototype members (`toString:`, `__proto__:`), and
// the two reproducer files, at every position. Hangs are caught at the LSP level (test/lsp/analysis-robustness.test.ts):
// a synchronous loop cannot be timed out in-process, so here the loop's cause (which line holds offset 0) is
// asserted directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { complete, cursorPlace, sourceOf } from '../../server/src/service/completion';
import { onOverlongLine } from '../../server/src/service/completion/router';
import { lineAt, previousLine } from '../../server/src/service/completion/lines';
import { schemaAt } from '../../server/src/schema/navigate';

const REPRODUCERS = join(__dirname, '..', 'fixtures', 'reproducers');
const reproducer = (name: string) => readFileSync(join(REPRODUCERS, name), 'utf8');

test('the line holding offset 0 is the first line, even when the text starts with a line break', () => {
  for (const text of ['\n b', '\n  b: 1\n', '\n\n  x', '\r\n b']) {
    const first = lineAt(text, 0);
    assert.equal(first.start, 0, JSON.stringify(text));
    assert.equal(previousLine(text, first.start), undefined, JSON.stringify(text));
  }
  assert.deepEqual(lineAt('\n b', 1), { start: 1, end: 3, text: ' b' });
});

test('walking up from any line reaches the top in as many steps as there are lines', () => {
  const text = '\n\n  x\n\n    - y\n';
  for (let offset = 0; offset <= text.length; offset++) {
    let steps = 0;
    for (let line = lineAt(text, offset); line; line = previousLine(text, line.start)!) {
      assert.ok(++steps <= 7, `offset ${offset}: no progress`);
      if (line.start === 0) break;
    }
  }
});

test('completion at 0:0 above an indented line answers (top-level keys)', () => {
  for (const text of ['\n b', '\n  b: 1\n', '\n\n  x']) {
    const place = cursorPlace(text, 0);
    assert.equal(place.kind, 'key', JSON.stringify(text));
    assert.deepEqual(place.kind === 'key' && place.path, []);
    const labels = complete({ source: sourceOf(parseText(text)), offset: 0, options: { snippetSupport: true } }).map(
      (c) => c.label,
    );
    assert.ok(labels.includes('version') && labels.includes('tenant'), `${JSON.stringify(text)}: ${labels.join(', ')}`);
  }
});

test('an empty first line of a comments-only file: the new-file items start at column 0', () => {
  const items = complete({ source: sourceOf(parseText('\n# notes\n')), offset: 0, options: { snippetSupport: true } });
  assert.ok(
    items.some((c) => c.kind === 'snippet'),
    'the new-file snippet is offered at column 0',
  );
});

test('keys named after Object.prototype members are not in the format', () => {
  for (const key of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
    assert.equal(schemaAt([key]), undefined, key);
    assert.equal(schemaAt(['tenant', key]), undefined, key);
    const text = `${key}: x\n  a`;
    assert.doesNotThrow(
      () => complete({ source: sourceOf(parseText(text)), offset: text.length, options: { snippetSupport: true } }),
      key,
    );
  }
});

/** Completion at every position of a text, with snippets and without: nothing throws. */
function completeEverywhere(text: string): number {
  const doc = parseText(text);
  let answered = 0;
  for (let offset = 0; offset <= text.length; offset++) {
    for (const snippetSupport of [true, false]) {
      try {
        complete({ source: sourceOf(doc), offset, options: { snippetSupport } });
        answered++;
      } catch (error) {
        const { line, character } = doc.textDocument.positionAt(offset);
        assert.fail(`completion at ${line}:${character} threw: ${(error as Error).stack}`);
      }
    }
  }
  return answered;
}

test('reproducer completion-typeerror-token-soup.yaml: line 2, characters 1, 38, 76 and every other position', () => {
  const text = reproducer('completion-typeerror-token-soup.yaml');
  const doc = parseText(text);
  for (const character of [1, 38, 76]) {
    const offset = doc.textDocument.offsetAt({ line: 1, character });
    assert.doesNotThrow(
      () => complete({ source: sourceOf(doc), offset, options: { snippetSupport: true } }),
      `line 2, character ${character}`,
    );
  }
  assert.equal(completeEverywhere(text), 2 * (text.length + 1));
});

test('reproducer completion-hang-blank-first-line.yaml: 0:0 gives the top-level keys, every position answers', () => {
  const text = reproducer('completion-hang-blank-first-line.yaml');
  const labels = complete({ source: sourceOf(parseText(text)), offset: 0, options: { snippetSupport: true } }).map(
    (c) => c.label,
  );
  assert.ok(labels.includes('messagingServices'), labels.join(', '));
  assert.ok(!labels.includes('version') && !labels.includes('tenant'), 'keys present below are not offered again');
  assert.equal(completeEverywhere(text), 2 * (text.length + 1));
});

test('no candidates on a line beyond the line limit; the lines within it are completed', () => {
  const keys = (text: string, offset: number) =>
    complete({ source: sourceOf(parseText(text)), offset, options: { snippetSupport: false } }).map((c) => c.label);
  const long = `version: 1\n${'a'.repeat(10_001)}\r\nten\n`;
  assert.deepEqual(keys(long, 11 + 10_001), []);
  assert.deepEqual(keys(long, 11), []);
  assert.ok(keys(long, long.length - 1).includes('tenant'));
  // The limit itself is still a line sinchcp reads.
  const atLimit = `version: 1\n${'a'.repeat(10_000)}\n`;
  assert.ok(keys(atLimit, 11 + 10_000).includes('tenant'));
  assert.deepEqual(
    [
      onOverlongLine(atLimit, 11 + 5_000),
      onOverlongLine(long, 11 + 5_000),
      onOverlongLine(long, 0),
      onOverlongLine(long, long.length),
    ],
    [false, true, false, false],
  );
});
