// package.json's contributions must not drift from the server and the grammar: the `sinchcp.rules` setting
// offers exactly the server's rule names, the language and grammar entries point at files that exist, and the
// activation events cover every way a config file is found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleNames } from '../../server/src/rules/registry';
import { LIVE_RULE_NAMES } from '../../server/src/sinch/live/liveCheck';
import { settingRuleNames } from '../../scripts/generated';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const props = pkg.contributes.configuration.properties;

test("sinchcp.rules lists exactly the rules the server has (the file's and the live check's), with the four severities", () => {
  assert.deepEqual(props['sinchcp.rules'].propertyNames.enum, settingRuleNames(), 'run: npm run generate');
  assert.deepEqual([...settingRuleNames()].sort(), [...ruleNames, ...LIVE_RULE_NAMES].sort());
  assert.equal(new Set(settingRuleNames()).size, settingRuleNames().length, 'no name twice');
  assert.deepEqual(props['sinchcp.rules'].additionalProperties.enum, ['error', 'warning', 'info', 'off']);
});

test('the documented settings exist with their types', () => {
  assert.equal(props['sinchcp.validate.enable'].type, 'boolean');
  assert.equal(props['sinchcp.validate.enable'].default, true);
  assert.deepEqual(props['sinchcp.trace.server'].enum, ['off', 'messages', 'verbose']);
  assert.equal(props['sinchcp.trace.server'].scope, 'window');
});

test('the language, grammar and icon files exist', () => {
  const [lang] = pkg.contributes.languages;
  assert.equal(lang.id, 'sinchcp');
  assert.ok(existsSync(path.join(root, lang.configuration)));
  const [grammar] = pkg.contributes.grammars;
  assert.equal(JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8')).scopeName, grammar.scopeName);
  assert.ok(existsSync(path.join(root, pkg.icon)));
});

test("firstLine in package.json and the client's first-line test agree", () => {
  const [lang] = pkg.contributes.languages;
  const client = readFileSync(path.join(root, 'client', 'src', 'firstLineDetection.ts'), 'utf8');
  const m = /SINCHCP_FIRST_LINE = \/(.+)\/;/.exec(client);
  assert.ok(m, 'the client declares SINCHCP_FIRST_LINE');
  assert.equal(m[1], lang.firstLine);
});

test('activation covers the language, YAML files with the # sinchcp line, config files and every command', () => {
  const events: string[] = pkg.activationEvents;
  for (const e of [
    'onLanguage:sinchcp',
    'onLanguage:yaml',
    'workspaceContains:**/*.sinchcp.yaml',
    'workspaceContains:**/*.sinchcp.yml',
    'workspaceContains:**/sinchcp.yaml',
  ]) {
    assert.ok(events.includes(e), e);
  }
  for (const c of pkg.contributes.commands) assert.ok(events.includes(`onCommand:${c.command}`), c.command);
});

test('the walkthrough: its media ship in the .vsix, and every command it links is contributed', () => {
  const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const shipped = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  const [walkthrough] = pkg.contributes.walkthroughs;
  assert.deepEqual(
    walkthrough.steps.map((s: { id: string }) => s.id),
    ['create', 'fillIn', 'fix', 'guide', 'verify'],
  );
  for (const step of walkthrough.steps) {
    assert.ok(existsSync(path.join(root, step.media.markdown)), step.media.markdown);
    for (const [, command] of String(step.description).matchAll(/\(command:([\w.]+)\)/g))
      assert.ok(commands.has(command), command);
  }
  assert.match(shipped, /^!walkthrough\/\*\.md$/m);
});

test('[sinchcp] editor defaults: no word suggestions, Enter accepts only a change, no links in API URLs', () => {
  const defaults = pkg.contributes.configurationDefaults['[sinchcp]'];
  assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
  assert.equal(defaults['editor.acceptSuggestionOnEnter'], 'smart');
  assert.equal(defaults['editor.links'], false);
  assert.equal(defaults['editor.defaultFormatter'], `${pkg.publisher}.${pkg.name}`);
});
