// A file that is not a configuration (empty, only comments, a bare value, a list, binary bytes) gets one
// missing-key finding at its start saying what the file needs, naming the same required keys missing-key names
// one by one for a mapping that lacks them (a file with only `version: 1`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';

const NEEDS =
  "A sinchcp file is a mapping of keys that starts with 'version: 1' and needs 'version', 'tenant' and 'messagingServices'; the command \"New Configuration File\" writes one to start from.";

function brief(text: string) {
  return diagnose(parseText(text), defaultSettings).map((d) => ({
    code: d.code,
    severity: d.severity,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    message: d.message,
  }));
}

const CASES: [string, string, number[], string][] = [
  ['empty', '', [0, 0, 0, 0], 'holds no configuration (it is empty, or only comments)'],
  ['blank lines', '\n\n  \n', [0, 0, 0, 0], 'holds no configuration (it is empty, or only comments)'],
  [
    'only comments',
    '# sinchcp: acme\n# todo\n',
    [0, 0, 0, 15],
    'holds no configuration (it is empty, or only comments)',
  ],
  ['a bare value', 'acme\n', [0, 0, 0, 4], 'is a single value, not a configuration'],
  ['a number after a comment', '# x\n42\n', [1, 0, 1, 2], 'is a single value, not a configuration'],
  ['a block list', '- version: 1\n- tenant: {}\n', [0, 0, 0, 12], 'is a list, not a configuration'],
  ['a flow list', '[version, tenant]', [0, 0, 0, 17], 'is a list, not a configuration'],
  ['binary bytes', '\u0000\u0001\u0002PNG\u001a', [0, 0, 0, 7], 'holds binary data, not text'],
];

for (const [label, text, range, what] of CASES) {
  test(`${label}: one missing-key error at the start saying what the file needs`, () => {
    assert.deepEqual(brief(text), [
      { code: 'missing-key', severity: 1, range, message: `This file ${what}.\n${NEEDS}` },
    ]);
  });
}

test('a file with only `version: 1`: missing-key names the other required keys', () => {
  assert.deepEqual(
    brief('version: 1\n').map((d) => [d.code, d.range, d.message.split('.')[0]]),
    [
      ['missing-key', [0, 0, 0, 10], "Missing required key 'tenant' in the file"],
      ['missing-key', [0, 0, 0, 10], "Missing required key 'messagingServices' in the file"],
    ],
  );
});

test('a broken file is reported by yaml-syntax only, not also as "not a configuration"', () => {
  assert.deepEqual(
    brief('[version: 1, tenant\n').map((d) => d.code),
    ['yaml-syntax'],
  );
});
