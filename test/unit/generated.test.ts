// The generated parts of tracked files (scripts/generated.ts) are current: README.md's key table, docs/README.md's
// rule index and package.json's `sinchcp.rules` names. When one fails, run `npm run generate` and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GENERATE_COMMAND,
  GENERATED_FILES,
  renderPackageJson,
  renderRuleIndex,
  ruleIndexMarkdown,
} from '../../scripts/generated';
import { allRules, ruleGroups } from '../../server/src/rules/registry';

const ROOT = join(__dirname, '..', '..');

for (const { path, render } of GENERATED_FILES) {
  test(`${path}: its generated part is current (run: ${GENERATE_COMMAND})`, () => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    assert.equal(render(text), text);
  });
}

test('the rule index has one table per group and one row per rule of the registry, in its order', () => {
  const index = ruleIndexMarkdown();
  assert.deepEqual(
    [...index.matchAll(/^### (.+)$/gm)].map((m) => m[1]),
    ruleGroups.map((group) => group.title),
  );
  assert.deepEqual(
    [...index.matchAll(/^\| \[`([^`]+)`\]/gm)].map((m) => m[1]),
    allRules.map((rule) => rule.name),
  );
});

test('a stale part is rewritten, and the rest of the file is kept as it is', () => {
  const stale =
    '{\n  "x": 1,\n      "sinchcp.rules": {\n        "propertyNames": {\n          "enum": [\n            "gone"\n          ]\n        }\n      }\n}\n';
  const fresh = renderPackageJson(stale);
  assert.ok(
    fresh.startsWith(
      '{\n  "x": 1,\n      "sinchcp.rules": {\n        "propertyNames": {\n          "enum": [\n            "yaml-syntax",\n',
    ),
    fresh,
  );
  assert.ok(fresh.endsWith('"live-webhook-secret"\n          ]\n        }\n      }\n}\n'), fresh);
  assert.ok(!fresh.includes('"gone"'));
  assert.deepEqual(
    JSON.parse(fresh)['sinchcp.rules'].propertyNames.enum.length,
    JSON.parse(renderPackageJson(fresh))['sinchcp.rules'].propertyNames.enum.length,
  );
  const docs = 'intro\n<!-- generated:rules:start (npm run generate) -->\nold\n<!-- generated:rules:end -->\nafter\n';
  const rendered = renderRuleIndex(docs);
  assert.ok(rendered.startsWith('intro\n<!-- generated:rules:start (npm run generate) -->\n### Document\n'));
  assert.ok(rendered.endsWith('\n<!-- generated:rules:end -->\nafter\n') && !rendered.includes('\nold\n'));
  assert.throws(() => renderRuleIndex('no markers'), /lacks the markers/);
});

test('every rule page names the group the registry puts the rule in', () => {
  for (const group of ruleGroups) {
    for (const rule of group.rules) {
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.name}.md`), 'utf8');
      assert.match(page, new RegExp(`^Default severity: \\*\\*\\w+\\*\\* · Group: ${group.title} ·`, 'm'), rule.name);
    }
  }
});
