// Format Document (service/format.ts): on every fixture and example, the formatted text has the same parsed value
// and the same comments, and formatting it again changes nothing; a mis-indented file gets 2 spaces per level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as parseDocument } from '../../server/src/parse/parsedDocument'; // guarded: a fixture may be too deep for yaml's parser
import { comments, formatEdits, formatText } from '../../server/src/service/format';
import { applyEdits } from '../../server/src/service/edits';

const root = join(__dirname, '..', '..');
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}
const files = [
  ...yamlFiles(join(root, 'examples')),
  ...yamlFiles(join(root, 'test', 'fixtures')),
  ...yamlFiles(join(root, 'test', 'e2e', 'workspace')),
];

test('every fixture: same value, same comments, idempotent, and the edits give the formatted text', () => {
  assert.ok(files.length > 100, `${files.length} files`);
  let changed = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const formatted = formatText(text) ?? text;
    if (formatted !== text) changed++;
    const [before, after] = [parseDocument(text), parseDocument(formatted)];
    if (!before.errors.length) assert.deepEqual(after.toJS(), before.toJS(), file);
    assert.deepEqual(comments(formatted), comments(text), `comments of ${file}`);
    assert.equal(formatText(formatted), undefined, `formatting ${file} twice changes it again`);
    assert.equal(applyEdits(text, formatEdits(text)), formatted, `edits of ${file}`);
  }
  console.log(`format: ${changed} of ${files.length} fixture files changed`);
});

test("a mis-indented file: 2 spaces per level, the items' keys under their first key, comments kept in place", () => {
  const text = [
    'version: 1   ',
    'tenant:',
    '    name: acme        # the tenant',
    '    landscape: eu-c1',
    'queues:',
    '-   name: Support chat',
    '    type: chat',
    '    # addresses follow',
    '    addresses:',
    '        - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp.sinchconversation.com',
    '          smsSenderId: "+1 202"',
    '',
    '',
    '',
  ].join('\n');
  assert.equal(
    formatText(text),
    [
      'version: 1',
      'tenant:',
      '  name: acme        # the tenant',
      '  landscape: eu-c1',
      'queues:',
      '-   name: Support chat',
      '    type: chat',
      '    # addresses follow',
      '    addresses:',
      '      - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp.sinchconversation.com',
      '        smsSenderId: "+1 202"',
      '',
    ].join('\n'),
  );
});

test('a broken file, a block scalar, a multi-line flow list: never a changed value', () => {
  assert.equal(formatText('tenant: [\n    name: x\n'), undefined, 'a file with a syntax error is left alone');
  const block = 'a:\n    note: |\n        two\n          lines  \n';
  const formatted = formatText(block);
  assert.equal(formatted, undefined, 'trailing spaces inside a block scalar are its value');
  const flow = 'apps:\n    - channels: [WHATSAPP,\n          SMS]\n';
  assert.deepEqual(parseDocument(formatText(flow) ?? flow).toJS(), parseDocument(flow).toJS());
});
