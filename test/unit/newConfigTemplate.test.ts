// The New Configuration File template: every value to fill in is one of the help pages' placeholders, which the
// server reports (errors only on the lines marked "replace"); no made-up ID that passes the checks and could be
// saved and forgotten (an all-zero project ID, `01AAAA…` app IDs, a `…0001` key ID).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEW_CONFIG_TEMPLATE } from '../../client/src/newConfigTemplate';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';

const lines = NEW_CONFIG_TEMPLATE.split('\n');

test("the template uses the help pages' placeholders, and no made-up ID", () => {
  for (const placeholder of ['[tenantname]', '[project ID]', '[App ID]', '[Key ID]'])
    assert.ok(NEW_CONFIG_TEMPLATE.includes(placeholder), placeholder);
  assert.doesNotMatch(NEW_CONFIG_TEMPLATE, /00000000-0000|01AAAAAAAA|your-tenant/);
});

test('every placeholder is reported, on a line marked "replace", and nothing else is an error', () => {
  const doc = parseText(NEW_CONFIG_TEMPLATE);
  const results = lint(doc, defaultSettings);
  const errorLines = new Set(
    results
      .filter((r) => (r.finding.severity ?? r.rule.severity) === 'error')
      .map((r) => doc.textDocument.positionAt(r.finding.span.start).line),
  );
  const placeholderLines = lines.flatMap((l, i) =>
    /\[(tenantname|project ID|App ID|Key ID)\]/.test(l.split('#')[0]!) ? [i] : [],
  );
  for (const line of errorLines) assert.match(lines[line]!, /# replace/, `error on line ${line + 1}: ${lines[line]}`);
  // A placeholder may share a line with another one already reported (the webhook target names the tenant twice).
  const reported = placeholderLines.filter((l) => errorLines.has(l));
  assert.ok(
    reported.length >= placeholderLines.length - 1,
    `placeholders reported on ${reported.map((l) => l + 1).join(',')} of ${placeholderLines.map((l) => l + 1).join(',')}`,
  );
});

test('the first line is short: it never becomes a long proposed file name', () => {
  assert.match(lines[0]!, /^# sinchcp/);
  assert.ok(lines[0]!.length <= 45, lines[0]);
});
