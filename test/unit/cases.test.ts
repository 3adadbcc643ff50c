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
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.sinchcp.yaml'))
  .sort();

test('there are consultant cases', () => assert.ok(files.length > 0));

for (const file of files) {
  test(`case: ${file}`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(DIR, file.replace(/\.sinchcp\.yaml$/, '.expected.json')), 'utf8'),
    ) as unknown;
    assert.deepEqual(briefWithMessages(text), expected);
  });
}

test('the New Configuration File template: every problem is a placeholder finding, on each line marked "replace"', () => {
  const found = briefWithMessages(NEW_CONFIG_TEMPLATE).filter((d) => d.severity !== 'info');
  const lines = NEW_CONFIG_TEMPLATE.split('\n');
  assert.deepEqual(
    found.filter((d) => d.code !== 'placeholder'),
    [],
    'only placeholders are reported',
  );
  const marked = lines.flatMap((line, index) => (/#\s*replace\b/.test(line) ? [index] : []));
  assert.ok(marked.length >= 4);
  for (const index of marked) {
    assert.ok(
      found.some((d) => d.range[0] === index),
      `line ${index + 1} is marked "replace" but gets no placeholder finding`,
    );
  }
  // Every stand-in value is one finding on that value alone (never the whole line, never twice).
  for (const d of found) {
    const covered = lines[d.range[0]]!.slice(d.range[1], d.range[3]);
    assert.match(covered, /^(\[+[^\]]+\]|your-tenant|0{8}-0{4}-4000-8000-0{11}[01]|01A{24})$/, covered);
  }
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
