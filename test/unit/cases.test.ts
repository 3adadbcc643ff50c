// Files written the way Contact Pro consultants write them (copied from the help page, pasted from PDFs,
// half-finished): each test/fixtures/cases/<name>.sinchcp.yaml has <name>.expected.json listing EVERY
// diagnostic of the file (rule, severity, range, message), so one mistake that raises a second finding, a
// mistake that raises none, or a message that proposes a broken value fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { briefWithMessages } from '../helpers/lint';
import { NEW_CONFIG_TEMPLATE } from '../../client/src/newConfigTemplate';
import { parseText } from '../../server/src/parse/parsedDocument';
import { fixAll } from '../../server/src/service/fixAll';
import { defaultSettings } from '../../server/src/service/settings';

const DIR = join(__dirname, '..', 'fixtures', 'cases');
const files = readdirSync(DIR).filter((f) => f.endsWith('.sinchcp.yaml')).sort();

test('there are consultant cases', () => assert.ok(files.length > 0));

for (const file of files) {
  test(`case: ${file}`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.sinchcp\.yaml$/, '.expected.json')), 'utf8')) as unknown;
    assert.deepEqual(briefWithMessages(text), expected);
  });
}

test('the New Configuration File template: each stand-in value is one placeholder finding, and nothing else', () => {
  const found = briefWithMessages(NEW_CONFIG_TEMPLATE).filter((d) => d.severity !== 'info');
  const lines = NEW_CONFIG_TEMPLATE.split('\n');
  const covered = found.map((d) => `${d.code} ${lines[d.range[0]]!.slice(d.range[1], d.range[3])}`);
  assert.deepEqual(covered, [
    'placeholder your-tenant',
    'placeholder 00000000-0000-4000-8000-000000000000',
    'placeholder 01AAAAAAAAAAAAAAAAAAAAAAAA',
    'placeholder your-tenant',
    'placeholder 00000000-0000-4000-8000-000000000000',
    'placeholder 00000000-0000-4000-8000-000000000001',
    'placeholder 01AAAAAAAAAAAAAAAAAAAAAAAA',
    'placeholder your-tenant',
    'placeholder 01AAAAAAAAAAAAAAAAAAAAAAAA',
  ]);
});

test('fix-all never rewrites a placeholder (no `[APP ID]`), and never trades redaction for MESSAGE_INBOUND', () => {
  const placeholders = readFileSync(join(DIR, 'help-page-placeholders.sinchcp.yaml'), 'utf8');
  const fixed = fixAll(parseText(placeholders), defaultSettings).text;
  for (const written of ['[App ID]', '[Key ID]', '[tenantname]', '[project ID]', '01AAAAAAAAAAAAAAAAAAAAAAAA']) {
    assert.equal(fixed.split(written).length, placeholders.split(written).length, `${written} was rewritten`);
  }
  assert.ok(!fixed.includes('[APP ID]'));

  const redacted = readFileSync(join(DIR, '..', 'fixes', 'missing-trigger-redaction.sinchcp.yaml'), 'utf8');
  assert.equal(fixAll(parseText(redacted), defaultSettings).text, redacted);
});
