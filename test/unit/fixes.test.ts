// Golden quick-fix tests. Each test/fixtures/fixes/<name>.sinchcp.yaml carries, on the line of a diagnostic,
// a comment `# want <rule> fix="<title>"`; the runner finds that diagnostic, applies the action with that
// title (a rule's fix, or disable-for-line) and compares the whole text with <name>.golden.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { applyEdits } from '../../server/src/service/edits';
import { defaultSettings } from '../../server/src/service/settings';
import type { TextEditSpan } from '../../server/src/rules/types';
import { allRules } from '../../server/src/rules/registry';

const DIR = join(__dirname, '..', 'fixtures', 'fixes');
const WANT = /#\s*want\s+([a-z-]+)\s+fix="([^"]+)"/g;

export function applyWantedFixes(text: string): string {
  const doc = parseText(text);
  const results = lint(doc, defaultSettings);
  const edits: TextEditSpan[] = [];
  text.split('\n').forEach((line, index) => {
    for (const [, rule, title] of line.matchAll(WANT)) {
      const onLine = results.filter(
        (r) => r.rule.name === rule && doc.textDocument.positionAt(r.finding.span.start).line === index,
      );
      assert.ok(onLine.length > 0, `line ${index + 1}: no ${rule} diagnostic`);
      const titles = onLine.flatMap((r) => actionsFor(doc, r).map((a) => a.title));
      const action = onLine.flatMap((r) => actionsFor(doc, r)).find((a) => a.title === title);
      assert.ok(action, `line ${index + 1}: no action "${title}" for ${rule}; offered: ${JSON.stringify(titles)}`);
      edits.push(...action.edits);
    }
  });
  assert.ok(edits.length > 0, 'the fixture wants no fix');
  return applyEdits(text, edits);
}

const inputs = readdirSync(DIR)
  .filter((name) => name.endsWith('.sinchcp.yaml'))
  .sort();

test('there are golden quick-fix fixtures', () => assert.ok(inputs.length > 0));

for (const name of inputs) {
  test(`quick fix: ${name}`, () => {
    const input = readFileSync(join(DIR, name), 'utf8');
    const golden = readFileSync(join(DIR, name.replace(/\.sinchcp\.yaml$/, '.golden.yaml')), 'utf8');
    assert.equal(applyWantedFixes(input), golden);
  });
}

test('every rule that offers fixes has at least one golden fixture', () => {
  const wanted = new Set(
    inputs.flatMap((name) => [...readFileSync(join(DIR, name), 'utf8').matchAll(WANT)].map((m) => m[1])),
  );
  assert.deepEqual(
    allRules.filter((r) => r.fixes && !wanted.has(r.name)).map((r) => r.name),
    [],
  );
});
