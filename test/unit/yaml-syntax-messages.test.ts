// yaml-syntax findings are worded by sinchcp from the parser's error code and place, never with the parser's
// own text or the source around the error, and they point where the admin must type: an unclosed `[` at the
// `[`, an unclosed quote at the opening quote, a second document at its `---`. One finding per line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';

const SUFFIX = ' The rest of the file is checked as far as it could be read.';
/** The same, when it follows the message's first sentence: on the next line. */
const NEXT_LINE = `\n${SUFFIX.trim()}`;

/** The yaml-syntax findings as [line, character, endLine, endCharacter, message]. */
function syntax(text: string): [number, number, number, number, string][] {
  const doc = parseText(text);
  return lint(doc, defaultSettings)
    .filter((r) => r.rule.name === 'yaml-syntax')
    .map(({ finding }) => {
      const start = doc.textDocument.positionAt(finding.span.start);
      const end = doc.textDocument.positionAt(finding.span.end);
      return [start.line, start.character, end.line, end.character, finding.message];
    });
}

test('an unclosed `[` is reported at the `[`', () => {
  assert.deepEqual(syntax('version: 1\ntenant:\n  name: acme\n  landscape: [eu-c1\nmessagingServices: []\n'), [
    [
      3,
      13,
      3,
      14,
      "This '[' list is not closed: add ']' after its last item.\nA list in brackets ends on its line, or its next lines are indented further than its key." +
        SUFFIX,
    ],
  ]);
});

test('an unclosed `{` is reported at the `{`; nested ones each at their own', () => {
  assert.deepEqual(
    syntax('tenant: {name: acme\nversion: 1\n').map((f) => f.slice(0, 4)),
    [[0, 8, 0, 9]],
  );
  assert.match(syntax('tenant: {name: acme\nversion: 1\n')[0]![4], /^This '\{' mapping is not closed: add '\}'/);
  assert.deepEqual(
    syntax('a: [x, {b: 1\n').map((f) => f.slice(0, 4)),
    [[0, 7, 0, 8]],
  );
});

test('an unclosed quote is reported at the opening quote', () => {
  assert.deepEqual(syntax('version: 1\ntenant:\n  name: "acme\n  landscape: eu-c1\n'), [
    [2, 8, 2, 9, "This quoted value has no closing '\"': add it at the end of the value." + NEXT_LINE],
  ]);
});

test("a second document: at its `---`, in the admin's words", () => {
  assert.deepEqual(syntax('version: 1\n---\nversion: 1\n'), [
    [
      1,
      0,
      1,
      3,
      "This file has more than one YAML document (a '---' line): sinchcp reads one.\nRemove the '---' line and what follows it, or keep each configuration in its own file." +
        SUFFIX,
    ],
  ]);
});

test('a tab used for indentation', () => {
  assert.deepEqual(syntax('tenant:\n\tname: acme\n'), [
    [
      1,
      0,
      1,
      1,
      'A tab is used for indentation here: YAML indents with spaces only.\nReplace the tab with spaces.' + SUFFIX,
    ],
  ]);
});

test("no message carries the parser's text or the source around the error", () => {
  const inputs = [
    'version: 1\n- zqxa\nzqxb: zqxc\n',
    'zqxa: zqxb: zqxc\n',
    'zqxa: "zqxb\\q"\n',
    'zqxa: [zqxb, , zqxc]\n',
    'zqxa: @zqxb\n',
    'zqxa: &zqxb &zqxc 1\n',
    'zqxa: {zqxb: zqxc zqxd: e}\n',
    '%ZQXA 1\nzqxb: 1\n',
    ']zqxa\n',
    'zqxa:\n  - zqxb\n  zqxc: d\n',
    'zqxa: "zqxb" zqxc\n',
    'zqxa: |\n  zqxb\n zqxc\n',
  ];
  for (const text of inputs) {
    const findings = syntax(text);
    assert.ok(findings.length > 0, `${JSON.stringify(text)}: reported`);
    for (const finding of findings) {
      const message = finding[4];
      assert.doesNotMatch(message, /zqx/i, `${JSON.stringify(text)}: ${message}`);
      assert.doesNotMatch(
        message,
        /parseAllDocuments|token|Implicit|YAML stream|at line \d/,
        `${JSON.stringify(text)}: ${message}`,
      );
    }
    const lines = findings.map((f) => f[0]);
    assert.equal(new Set(lines).size, lines.length, `${JSON.stringify(text)}: one finding per line`);
  }
});
