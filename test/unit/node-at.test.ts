// The one walk that finds what is at an offset or a path of the YAML tree (hover, navigation and the rules'
// fixes use it) reaches as deep as the parser lets a document nest: a tree the parser accepted is never cut
// short, whatever limit a caller once chose for itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, isScalar } from 'yaml';
import { MAX_NESTING, NOT_ANALYSED, parseYaml } from '../../server/src/parse/parsedDocument';
import { nodeAtOffset, nodeAtPath } from '../../server/src/parse/nodeAt';

/** Deeper than the 64 levels the walkers used to stop at, within what the parser accepts. */
const LEVELS = 100;

test('the nesting used here is accepted by the parser, and is deeper than the old walkers went', () => {
  assert.ok(LEVELS > 64 && LEVELS < MAX_NESTING);
  const yaml = parseYaml(`${'['.repeat(LEVELS)}x${']'.repeat(LEVELS)}\n`);
  assert.deepEqual(
    yaml.errors.map((e) => e.code).filter((code) => code === NOT_ANALYSED),
    [],
  );
});

test('nodeAtOffset finds the value at the bottom of a list nested as deep as the parser accepts', () => {
  const text = `${'['.repeat(LEVELS)}deep${']'.repeat(LEVELS)}\n`;
  const at = nodeAtOffset(parseYaml(text).contents, LEVELS + 1);
  assert.ok(at);
  assert.equal(at.kind, 'value');
  assert.equal(at.text, 'deep');
  assert.deepEqual(at.span, { start: LEVELS, end: LEVELS + 4 });
  assert.deepEqual(
    at.path,
    Array.from({ length: LEVELS }, () => 0),
  );
});

test('nodeAtOffset finds a key at the bottom of mappings nested as deep as the parser accepts, with its mapping', () => {
  const text = `${'{a: '.repeat(LEVELS - 1)}{key: v}${'}'.repeat(LEVELS - 1)}\n`;
  const offset = text.indexOf('key');
  const at = nodeAtOffset(parseYaml(text).contents, offset);
  assert.ok(at);
  assert.equal(at.kind, 'key');
  assert.equal(at.text, 'key');
  assert.deepEqual(at.span, { start: offset, end: offset + 3 });
  assert.deepEqual(at.path, [...Array.from({ length: LEVELS - 1 }, () => 'a'), 'key']);
  assert.ok(isMap(at.parent));
  assert.equal(at.parent.items.length, 1);
});

test('nodeAtPath follows a path as deep as the parser accepts, and stops where the path leads nowhere', () => {
  const text = `${'{a: '.repeat(LEVELS - 1)}{key: v}${'}'.repeat(LEVELS - 1)}\n`;
  const root = parseYaml(text).contents;
  const path = [...Array.from({ length: LEVELS - 1 }, () => 'a'), 'key'];
  const found = nodeAtPath(root, path);
  assert.ok(isScalar(found.node));
  assert.equal(found.node.value, 'v');
  assert.deepEqual(found.keySpan, { start: text.indexOf('key'), end: text.indexOf('key') + 3 });
  assert.equal(nodeAtPath(root, [...path.slice(0, -1), 'other']).node, undefined);
  assert.equal(nodeAtPath(root, [0]).node, undefined);
});
