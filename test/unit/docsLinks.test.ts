// A diagnostic's code and "Show documentation" open the rule's page shipped with the extension (docs/rules/,
// which the .vsix holds: test/cli/vsix.test.ts): every rule has one, and the link names that file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../server/src/parse/parsedDocument';
import { allRules } from '../../server/src/rules/registry';
import { actionsFor, SHOW_DOCUMENTATION_COMMAND } from '../../server/src/service/codeActions';
import { diagnose, lint } from '../../server/src/service/diagnostics';
import { ruleDocFile, ruleDocUrl, ruleOfDocUrl } from '../../server/src/service/docsLinks';
import { defaultSettings } from '../../server/src/service/settings';

const ROOT = resolve(__dirname, '..', '..');

test('every rule of the registry has its page, and its link is the file: URI of that page', () => {
  for (const rule of allRules) {
    const href = ruleDocUrl(rule.name);
    assert.ok(href, `${rule.name}: no page`);
    assert.match(href, /^file:\/\//);
    const file = fileURLToPath(href);
    assert.equal(file, join(ROOT, 'docs', 'rules', `${rule.name}.md`));
    assert.ok(existsSync(file), file);
    assert.match(
      readFileSync(file, 'utf8'),
      new RegExp(`^# \`${rule.name}\`\n`),
      `${rule.name}: the page is the rule's`,
    );
    assert.equal(ruleOfDocUrl(href), rule.name);
  }
});

test('a name that is not a rule has no page, and cannot reach outside docs/rules', () => {
  for (const name of ['no-such-rule', '../README', '../../package', 'App-ID-Case', ''])
    assert.equal(ruleDocFile(name), undefined, name);
});

test('the diagnostic links its code to the page; "Show documentation" opens the same page', () => {
  const doc = parseText(
    readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'app-id-case', 'triggers.sinchcp.yaml'), 'utf8'),
  );
  const [diagnostic] = diagnose(doc, defaultSettings).filter((d) => d.code === 'app-id-case');
  assert.equal(diagnostic?.codeDescription?.href, ruleDocUrl('app-id-case'));
  const result = lint(doc, defaultSettings).find((r) => r.rule.name === 'app-id-case')!;
  const show = actionsFor(doc, result).find((action) => action.command?.command === SHOW_DOCUMENTATION_COMMAND);
  assert.deepEqual(show?.command?.arguments, [ruleDocUrl('app-id-case')]);
});
