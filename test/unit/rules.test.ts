// Every rule fires exactly where its fixture says, with the messages its golden file holds, and not on its clean
// fixture. Layout: test/fixtures/rules/<rule>/
//   triggers.sinchcp.yaml   a small file in which the rule fires (every case of its message);
//   triggers.expected.json  the rule's diagnostics, `{severity, range}` with 0-based [startLine, startChar,
//                           endLine, endChar], written and checked by hand;
//   triggers.messages.txt   their messages, in the same order (golden: UPDATE_SNAPSHOTS=1 rewrites it);
//   clean.sinchcp.yaml      a file close to the trigger in which the rule must not fire.
// The rule list is the registry's, and the fixture folders must be exactly its rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { allRules } from '../../server/src/rules/registry';
import { brief, lintFile } from '../helpers/lint';
import { assertSnapshot } from '../helpers/snapshot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

/** The golden text of a rule's messages: each diagnostic's range and severity, then its message as shown. */
export function messagesText(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const { severity, range } = brief(d);
      return `--- [${range.join(', ')}] ${severity}\n${d.message}\n`;
    })
    .join('\n');
}

test('the fixture folders are exactly the rules of the registry', () => {
  const folders = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  assert.deepEqual(folders.sort(), allRules.map((r) => r.name).sort());
});

test('the valid example (docs/format.md links it) has no diagnostics', () => {
  assert.deepEqual(lintFile(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml')).map(brief), []);
});

test('the golden messages keep each message whole, line breaks included', () => {
  const diagnostic = (line: number, message: string, severity: 1 | 2): Diagnostic => ({
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity,
    code: 'x',
    message,
  });
  assert.equal(
    messagesText([diagnostic(0, 'One.', 1), diagnostic(3, 'First sentence.\nThe rest.', 2)]),
    '--- [0, 2, 0, 9] error\nOne.\n\n--- [3, 2, 3, 9] warning\nFirst sentence.\nThe rest.\n',
  );
  assert.equal(messagesText([]), '');
});

for (const rule of allRules) {
  const dir = join(FIXTURES, rule.name);
  test(`${rule.name}: fires exactly where its fixture says, with its golden messages`, () => {
    const triggers = join(dir, 'triggers.sinchcp.yaml');
    assert.ok(existsSync(triggers), `missing fixture ${triggers}`);
    const expected = JSON.parse(readFileSync(join(dir, 'triggers.expected.json'), 'utf8')) as unknown[];
    assert.ok(expected.length > 0, 'the triggering fixture must expect at least one diagnostic');
    const found = lintFile(triggers).filter((d) => d.code === rule.name);
    assert.deepEqual(
      found.map(brief).map(({ severity, range }) => ({ severity, range })),
      expected,
    );
    for (const d of found) assert.ok(d.message.trim().length > 0, 'a message says something');
    assertSnapshot(join(dir, 'triggers.messages.txt'), messagesText(found));
  });
  test(`${rule.name}: does not fire on its clean fixture`, () => {
    const clean = join(dir, 'clean.sinchcp.yaml');
    assert.ok(existsSync(clean), `missing fixture ${clean}`);
    assert.deepEqual(
      lintFile(clean)
        .map(brief)
        .filter((d) => d.code === rule.name),
      [],
    );
  });
}
