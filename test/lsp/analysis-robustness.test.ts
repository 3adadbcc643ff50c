// The bundled server over stdio on inputs that used to stop it or make it edit wrongly: completion at 0:0 of a
// file starting with an empty line (it spun forever), a line of 10,000 nested `- ` and its edit to 9,999 (a stack
// overflow inside the YAML parser, nothing published), and a didChange that repeats the version number (the old
// parse was kept, so fix-all wrote at stale offsets). Every request has a time limit, so a hang fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../helpers/lspClient';

const REPRODUCERS = join(__dirname, '..', 'fixtures', 'reproducers');
const REQUEST_LIMIT_MS = 10_000;
let client: TestLspClient;
let counter = 0;

before(async () => {
  client = (await TestLspClient.start()).client;
});
after(() => client.stop());

/** A request that must be answered within the limit. */
function answered<R>(method: string, params: unknown): Promise<R> {
  return Promise.race([
    client.request<R>(method, params),
    new Promise<R>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${method} not answered within ${REQUEST_LIMIT_MS} ms`)),
        REQUEST_LIMIT_MS,
      ).unref(),
    ),
  ]);
}

async function completionAt(text: string, line: number, character: number): Promise<string[]> {
  const uri = `file:///work/robust/completion-${++counter}.sinchcp.yaml`;
  await client.open(uri, text);
  const result = await answered<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
    context: { triggerKind: 1 },
  });
  await client.close(uri);
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
}

test('completion at 0:0 above an indented line answers with the top-level keys', async () => {
  for (const text of ['\n b', '\n  b: 1\n', '\n\n  x']) {
    const labels = await completionAt(text, 0, 0);
    assert.ok(
      labels.includes('version') && labels.includes('messagingServices'),
      `${JSON.stringify(text)}: ${labels.join(', ')}`,
    );
  }
});

test('reproducer completion-hang-blank-first-line.yaml: completion at 0:0 answers', async () => {
  const labels = await completionAt(
    readFileSync(join(REPRODUCERS, 'completion-hang-blank-first-line.yaml'), 'utf8'),
    0,
    0,
  );
  assert.ok(labels.includes('messagingServices'), labels.join(', '));
});

test('reproducer completion-typeerror-token-soup.yaml: completion on line 2 answers at characters 1, 38, 76', async () => {
  const text = readFileSync(join(REPRODUCERS, 'completion-typeerror-token-soup.yaml'), 'utf8');
  for (const character of [1, 38, 76]) await completionAt(text, 1, character);
  assert.doesNotMatch(client.stderr, /TypeError/);
});

test('10,000 nested `- ` on one line, then an edit to 9,999: each version gets its yaml-syntax finding', async () => {
  const uri = `file:///work/robust/deep-${++counter}.sinchcp.yaml`;
  const head = 'version: 1\nqueues:\n';
  let since = client.published.length;
  await client.open(uri, head + '- '.repeat(10_000) + 'x', 1);
  let diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000, since);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['yaml-syntax'],
  );
  await answered('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
  await answered('textDocument/documentSymbol', { textDocument: { uri } });
  since = client.published.length;
  await client.change(uri, 2, [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, text: '' },
  ]);
  diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 2, 30_000, since);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['yaml-syntax'],
  );
  // Its line is 19,998 characters: the line-length limit turns it away before nesting is measured.
  assert.match(diagnostics[0]!.message, /so the file is not checked/);
  await client.close(uri);
});

for (const name of ['parser-stack-overflow-1.yaml', 'parser-stack-overflow-2.yaml']) {
  test(`reproducer ${name}: one yaml-syntax finding at the pasted line is published`, async () => {
    const uri = `file:///work/robust/${name}`;
    const text = readFileSync(join(REPRODUCERS, name), 'utf8');
    const since = client.published.length;
    await client.open(uri, text, 1);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000, since);
    const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.equal(syntax.length, 1);
    const pasted = text.split('\n').findIndex((line) => line.includes('- - - - - - - - - -'));
    assert.equal(syntax[0]!.range.start.line, pasted);
    await client.close(uri);
  });
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'sinchcp', 0, text), edits);
}

test('a didChange that repeats the version number is parsed afresh: fix-all edits the new text', async () => {
  const uri = `file:///work/robust/same-version-${++counter}.sinchcp.yaml`;
  const original = 'version: 1\ntenant:\n  name: acme\n  landscape: EU-C1\n';
  await client.open(uri, original, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 10_000);
  // The same version again, with three lines inserted at the top.
  const inserted = '# one\n# two\n# three\n';
  await client.change(uri, 1, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: inserted },
  ]);
  const actions = await answered<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.sinchcp'] },
  });
  assert.equal(actions.length, 1);
  const change = actions[0]!.edit!.documentChanges![0] as { edits: TextEdit[] };
  const fixed = apply(inserted + original, change.edits);
  assert.match(fixed, /^ {2}landscape: eu-c1$/m);
  assert.doesNotMatch(fixed, /eu-cdscape/);
  // The outline uses the new text too.
  const symbols = await answered<{ name: string; range: { start: { line: number } } }[]>(
    'textDocument/documentSymbol',
    { textDocument: { uri } },
  );
  const tenant = symbols.find((s) => s.name.startsWith('tenant'));
  assert.equal(tenant?.range.start.line, 4);
  await client.close(uri);
});

test('files beyond the limits: one diagnostic saying so, and hover and completion answer on them', async () => {
  const VALID = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
  const files: [string, string, RegExp][] = [
    [
      'million-item flow list',
      VALID.replace('channels: [WHATSAPP, SINCH_CHAT]', `channels: [${Array(1_000_000).fill('A').join(', ')}]`),
      /^This file has 3,002,707 characters, more than the 1,000,000/,
    ],
    [
      '5 MB value',
      VALID.replace('name: acme', `name: ${'a'.repeat(5_000_000)}`),
      /^This file has 5,002,\d{3} characters/,
    ],
    [
      'reproducer slow-long-lines.yaml',
      readFileSync(join(REPRODUCERS, 'slow-long-lines.yaml'), 'utf8'),
      /^Line 19 has 300,049 characters/,
    ],
  ];
  for (const [label, text, message] of files) {
    const uri = `file:///work/robust/limit-${++counter}.sinchcp.yaml`;
    const since = client.published.length;
    await client.open(uri, text, 1);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000, since);
    assert.equal(diagnostics.length, 1, label);
    assert.equal(diagnostics[0]!.code, 'yaml-syntax', label);
    assert.match(diagnostics[0]!.message, message, label);
    await answered('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 10 } });
    await answered('textDocument/completion', {
      textDocument: { uri },
      position: { line: 11, character: 10 },
      context: { triggerKind: 1 },
    });
    await client.close(uri);
  }
});

test('a request at a position on a line beyond the line limit answers its empty result (fuzz seed 3: completion far into a line of `- `)', async () => {
  const typedKey = 'a'.repeat(12_000); // a key being typed: completion would offer the top-level keys after it
  const dashes = ' -'.repeat(130_000); // the fuzz input's line: reading the cursor's place on it took seconds
  const text = `version: 1\n${typedKey}\nten\n${dashes}\n`;
  const uri = `file:///work/robust/long-line-${++counter}.sinchcp.yaml`;
  const since = client.published.length;
  await client.open(uri, text, 1);
  const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000, since);
  assert.match(diagnostics[0]!.message, /^Line 2 has 12,000 characters/);
  const labels = (result: CompletionList | CompletionItem[] | null) =>
    (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  for (const position of [at(1, 12_000), at(1, 0), at(3, 255_968)]) {
    assert.deepEqual(
      labels(await answered('textDocument/completion', { ...position, context: { triggerKind: 1 } })),
      [],
      JSON.stringify(position.position),
    );
    assert.equal(await answered('textDocument/hover', position), null);
    assert.equal(await answered('textDocument/definition', position), null);
    assert.deepEqual(
      await answered('textDocument/references', { ...position, context: { includeDeclaration: true } }),
      [],
    );
    assert.equal(await answered('textDocument/prepareRename', position), null);
    assert.equal(await answered('textDocument/rename', { ...position, newName: '01HZX3K7M2Q9V5B8N4T6W1R0CD' }), null);
  }
  // A line within the limit in the same file is still completed.
  assert.ok(
    labels(await answered('textDocument/completion', { ...at(2, 3), context: { triggerKind: 1 } })).includes('tenant'),
  );
  // Code actions on the long line: the limit finding's own actions (the file is not analysed, so they cost nothing).
  const actions = await answered<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
    context: { diagnostics },
  });
  assert.deepEqual(
    actions.map((a) => a.title),
    ["Disable 'yaml-syntax' for this line", "Show documentation for 'yaml-syntax'"],
  );
  await client.close(uri);
});
