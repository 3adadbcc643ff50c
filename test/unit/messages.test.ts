// Messages read the way VS Code shows them: values in quotes, never Markdown backticks (the Problems view shows
// them as they are), and places named as the admin sees them (service 'Sinch EU'), never `apps[0].webhooks[1]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';
import { firstSentenceFirst, quoteValues } from '../../server/src/rules/messageStyle';
import { actionsFor } from '../../server/src/service/codeActions';

const ROOT = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

// The rule fixtures, the consultant cases, the fix inputs, the valid corpus and the examples.
const files = [
  ...['rules', 'cases', 'fixes', 'valid'].flatMap((dir) => yamlFiles(join(ROOT, 'test', 'fixtures', dir))),
  ...yamlFiles(join(ROOT, 'examples')),
];

test('values are quoted as VS Code quotes them', () => {
  assert.equal(quoteValues('Set landscape to `na-w2`'), "Set landscape to 'na-w2'");
  assert.equal(quoteValues("service `Sinch EU`'s targetUrl"), 'service "Sinch EU"\'s targetUrl');
  assert.equal(quoteValues("`it's`"), '"it\'s"');
});

test("a long message's first sentence is its first line; quotes and parentheses do not end a sentence", () => {
  const long =
    "The queue address 'a. b' contains white space (e.g. here). Expected '{APPID}@{subchannel}.sinchconversation.com', without spaces, as in SC.";
  assert.equal(
    firstSentenceFirst(long),
    "The queue address 'a. b' contains white space (e.g. here).\nExpected '{APPID}@{subchannel}.sinchconversation.com', without spaces, as in SC.",
  );
  assert.equal(firstSentenceFirst('Short. Message.'), 'Short. Message.');
});

test('no message or rule fix title in any fixture has a backtick or an index path', () => {
  const bad: string[] = [];
  for (const file of files) {
    const doc = parseText(readFileSync(file, 'utf8'));
    for (const result of lint(doc, defaultSettings)) {
      const texts = [result.finding.message, ...(result.rule.fixes?.(result.finding, doc) ?? []).map((f) => f.title)];
      for (const text of texts) {
        if (/`/.test(text) || /\w\[\d+\]/.test(text))
          bad.push(`${file.slice(ROOT.length + 1)} ${result.rule.name}: ${text.split('\n')[0]}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

/** A first line's length as the Problems view spends it; a quoted value counts as at most QUOTED_MAX characters. */
const FIRST_LINE_MAX = 110;
const QUOTED_MAX = 30;
function spokenLength(line: string): number {
  // A value is as long as the admin wrote it (a 36-character ID, a fixture's long service name): the words around
  // it are what must stay short.
  return line.replace(/(?<!\w)(['"])(.+?)\1(?!\w)/g, (quoted) => quoted.slice(0, QUOTED_MAX)).length;
}

test("every rule fixture's messages open with a short first line that says what is wrong", () => {
  const ruleFixtures = yamlFiles(join(ROOT, 'test', 'fixtures', 'rules'));
  const long: string[] = [];
  const notASentence: string[] = [];
  let messages = 0;
  for (const file of ruleFixtures) {
    const doc = parseText(readFileSync(file, 'utf8'));
    for (const { rule, finding } of lint(doc, defaultSettings)) {
      messages++;
      const [first = '', ...rest] = finding.message.split('\n');
      const where = `${file.slice(ROOT.length + 1)} ${rule.name}: ${first}`;
      if (spokenLength(first) > FIRST_LINE_MAX) long.push(`${spokenLength(first)} ${where}`);
      // A whole sentence, not a location that the reason follows on the next line ("In service X:", "It is …").
      if (!/[.?!]$/.test(first) || /^(In|It is|It was)\b/.test(first) || first.length < 20) notASentence.push(where);
      assert.ok(
        rest.every((line) => line.trim() !== ''),
        `${where}: no empty line`,
      );
    }
  }
  assert.ok(messages > 300, `the fixtures gave ${messages} messages`);
  assert.deepEqual(long, []);
  assert.deepEqual(notASentence, []);
});

test("the registry puts a long message's first sentence on a line of its own", () => {
  const doc = parseText(
    readFileSync(
      join(ROOT, 'test', 'fixtures', 'rules', 'missing-inbound-authentication', 'triggers.sinchcp.yaml'),
      'utf8',
    ),
  );
  const finding = lint(doc, defaultSettings).find((r) => r.rule.name === 'missing-inbound-authentication')!.finding;
  const [first, second] = finding.message.split('\n');
  assert.match(first!, /^Service '.+' has no 'inbound' authentication entry: add one\.$/);
  assert.match(second!, /^Without it Contact Pro cannot verify/);
});

test("the code actions beyond a rule's fixes quote the rule's name as VS Code does", () => {
  const doc = parseText(
    readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'app-id-case', 'triggers.sinchcp.yaml'), 'utf8'),
  );
  const result = lint(doc, defaultSettings).find((r) => r.rule.name === 'app-id-case')!;
  const titles = actionsFor(doc, result).map((action) => action.title);
  assert.deepEqual(titles.slice(-2), ["Disable 'app-id-case' for this line", "Show documentation for 'app-id-case'"]);
  assert.deepEqual(
    titles.filter((title) => title.includes('`')),
    [],
  );
});
