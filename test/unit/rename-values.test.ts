// Every edit that writes a scalar keeps its meaning: the shared writer quotes a value that YAML would read as
// something other than the same string (asked of the YAML library, for YAML 1.2 and 1.1, block and flow), and
// rename writes an all-digit or exponent-looking app ID quoted where it is the whole plain value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseText } from '../../server/src/parse/parsedDocument';
import { yamlScalar } from '../../server/src/rules/edits/layout';
import { renameAt } from '../../server/src/service/navigation/rename';
import { applyEdits } from '../../server/src/service/edits';

const RENAME = join(__dirname, '..', 'fixtures', 'rename');

const TRICKY = [
  '01234567890123456789012345',
  '1000000000000000000000E100',
  '1e1',
  '12',
  '+1',
  '-0',
  '1_000',
  '0x1F',
  '0o17',
  '0b101',
  '1:20',
  '.inf',
  '-.Inf',
  '.NaN',
  'null',
  'Null',
  '~',
  'true',
  'False',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '2024-01-01',
  '2001-12-14t21:59:43.10-05:00',
  '',
  ' lead',
  'trail ',
  'a: b',
  'a #b',
  '#x',
  '- a',
  '? a',
  '[x]',
  '{x}',
  '*a',
  '&a',
  '!t',
  '%x',
  '@x',
  '`x',
  '"q"',
  "'q'",
  'x:',
  '|',
  '>',
  'a\nb',
  'tab\there',
];
const PLAIN = [
  'eu-c1',
  'EU-C1',
  '01HZX3K7M2Q9V5B8N4T6W1R0CD',
  'https://x.example/a?b=c',
  'webhook',
  "it's",
  'sinchconversation',
  '${env:A}',
  '5d2b7f0c-8e1a-4c3b-9f6d-2a7e4b1c9d08@01HZX3K7M2Q9V5B8N4T6W1R0CD',
];

/** The value the written scalar reads back as, in a block mapping or a flow list, under YAML 1.2 and 1.1. */
function readBack(written: string, flow: boolean, version: '1.1' | '1.2'): unknown {
  const doc = parseDocument(flow ? `[${written}]` : `k: ${written}\n`, { version });
  assert.deepEqual(doc.errors, [], `${written}: ${doc.errors.map((e) => e.message).join('; ')}`);
  const js = doc.toJS() as unknown[] | { k: unknown };
  return flow ? (js as unknown[])[0] : (js as { k: unknown }).k;
}

test('every written scalar reads back as the same string (YAML 1.2 and 1.1, block and flow)', () => {
  for (const value of [...TRICKY, ...PLAIN]) {
    for (const flow of [false, true]) {
      const written = yamlScalar(value, flow);
      for (const version of ['1.2', '1.1'] as const) {
        assert.equal(
          readBack(written, flow, version),
          value,
          `${JSON.stringify(value)} written ${written} (${flow ? 'flow' : 'block'}, YAML ${version})`,
        );
      }
    }
  }
});

test('tricky values are quoted, ordinary ones stay plain', () => {
  for (const value of TRICKY) assert.equal(yamlScalar(value, false), JSON.stringify(value), value);
  for (const value of PLAIN) assert.equal(yamlScalar(value, false), value, value);
  assert.equal(yamlScalar('a,b', false), 'a,b');
  assert.equal(yamlScalar('a,b', true), '"a,b"');
});

test('rename to an all-digit app ID: golden, and every occurrence still reads as text', () => {
  const input = readFileSync(join(RENAME, 'all-digit-app-id.sinchcp.yaml'), 'utf8');
  const golden = readFileSync(join(RENAME, 'all-digit-app-id.golden.yaml'), 'utf8');
  const doc = parseText(input);
  const result = renameAt(doc, input.indexOf('01HZX3K7M2Q9V5B8N4T6W1R0CD'), '01234567890123456789012345');
  assert.equal(result.kind, 'edits');
  const renamed = applyEdits(input, result.kind === 'edits' ? result.edits : []);
  assert.equal(renamed, golden);
  const after = parseText(renamed);
  assert.deepEqual(
    after.model.conversationApi!.apps.map((a) => a.appId?.node && (a.appId.node as { value: unknown }).value),
    Array(3).fill('01234567890123456789012345'),
  );
  assert.deepEqual(after.yaml.errors, []);
});

test('rename to `1000000000000000000000E100` is written quoted where it stands alone', () => {
  const input = readFileSync(join(RENAME, 'all-digit-app-id.sinchcp.yaml'), 'utf8');
  const doc = parseText(input);
  const result = renameAt(doc, input.indexOf('01HZX3K7M2Q9V5B8N4T6W1R0CD'), '1000000000000000000000E100');
  assert.equal(result.kind, 'edits');
  const renamed = applyEdits(input, result.kind === 'edits' ? result.edits : []);
  assert.match(renamed, /- appId: "1000000000000000000000E100" # the EU app/);
  assert.match(renamed, /\{appId: "1000000000000000000000E100", name: flow copy/);
  assert.match(renamed, /address: 1000000000000000000000E100@whatsapp/);
  const apps = parseText(renamed).model.conversationApi!.apps;
  assert.ok(apps.every((a) => typeof (a.appId?.node as { value: unknown }).value === 'string'));
});
