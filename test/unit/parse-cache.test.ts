// The shared parse cache serves a parse only for the text it was made from: a change that keeps the version
// number gets a fresh parse, and a parse keeps converting offsets against its own text after the editor's
// document has moved on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocumentCache } from '../../server/src/parse/parsedDocument';

const ORIGINAL = 'version: 1\ntenant:\n  name: acme\n  landscape: EU-C1\n';

test('a change that repeats the version number is parsed afresh', () => {
  const cache = new ParsedDocumentCache();
  const document = TextDocument.create('file:///a.sinchcp.yaml', 'sinchcp', 1, ORIGINAL);
  const first = cache.get(document);
  assert.equal(cache.get(document), first, 'the same text and version: the same parse');
  TextDocument.update(
    document,
    [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#\n#\n#\n' }],
    1,
  );
  const second = cache.get(document);
  assert.notEqual(second, first);
  assert.equal(second.text, document.getText());
  assert.equal(second.model.tenant?.landscape?.text, 'EU-C1');
  assert.equal(second.textDocument.positionAt(second.model.tenant.landscape.span.start).line, 6);
});

test('a parse converts offsets against its own text after the document changed', () => {
  const cache = new ParsedDocumentCache();
  const document = TextDocument.create('file:///b.sinchcp.yaml', 'sinchcp', 1, ORIGINAL);
  const parsed = cache.get(document);
  const landscape = parsed.model.tenant!.landscape!.span.start;
  TextDocument.update(document, [{ text: '\n\n\n' + ORIGINAL }], 2);
  assert.deepEqual(parsed.textDocument.positionAt(landscape), { line: 3, character: 13 });
  assert.equal(parsed.textDocument.getText(), ORIGINAL);
});
