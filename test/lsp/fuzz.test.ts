// The fuzz harness (test/fuzz) in the suite: a fixed seed and a couple of hundred mutated and hostile inputs
// against the bundled server. Every count of failures must be zero.
// Long runs: npm run fuzz -- --seed S --runs N.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../server/src/parse/parsedDocument';
import { lint, toDiagnostic } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';
import { outline } from '../../server/src/service/symbols';
import { leakExcerpt, lineLengths, rangesOutside, secretsIn } from '../fuzz/checks';
import { secretsStillMarked } from '../fuzz/inputs';
import { formatReport, runFuzz } from '../fuzz/harness';

const SEED = 20261201;
const RUNS = 150;

test('fuzz checks: a range outside the document and a secret in another case are caught', () => {
  const lengths = lineLengths('ab\r\ncd\ne');
  assert.deepEqual(lengths, [2, 2, 1]);
  assert.deepEqual(
    rangesOutside({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } }, lengths),
    [],
  );
  assert.deepEqual(
    rangesOutside([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } }], lengths),
    ['0.range: 1:0-1:3 (3 lines)'],
  );
  assert.deepEqual(rangesOutside({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, lengths), [
    ': 3:0-3:0 (3 lines)',
  ]);
  assert.deepEqual(rangesOutside({ start: { line: 1, character: 1 }, end: { line: 0, character: 1 } }, lengths), [
    ': 1:1-0:1 (3 lines)',
  ]);
  assert.deepEqual(secretsIn(['Unknown key `S3CR3TFUZZABC`'], ['S3cr3tFuzzAbc', 'S3cr3tFuzzXyz']), ['S3cr3tFuzzAbc']);
  assert.deepEqual(secretsIn(['nothing here'], ['S3cr3tFuzzAbc']), []);
  assert.equal(leakExcerpt(['a', 'key `s3cr3tfuzzabc`'], ['S3cr3tFuzzAbc']), '"key `<SECRET>`"');
});

test(`fuzz: seed ${SEED}, ${RUNS} inputs against dist/server.js`, { timeout: 300_000 }, async (t) => {
  const report = await runFuzz({ seed: SEED, runs: RUNS });
  t.diagnostic(formatReport(report));
  assert.ok(report.requests >= RUNS * 20, `the harness asked ${report.requests} requests`);
  const failures = report.failures.map(
    (failure) =>
      `[${failure.kind}] input ${failure.input} ${failure.method} ${failure.position ?? ''}: ${failure.detail} (${failure.operations.join('; ')})`,
  );
  assert.deepEqual(failures, []);
});

test('after an edit, a planted secret counts while the lines marking it as a secret survive', () => {
  const input = {
    text: '',
    secrets: ['S3cr3tFuzzAbc', 'S3cr3tFuzzXyz'],
    operations: [],
    markers: { S3cr3tFuzzAbc: ['password: S3cr3tFuzzAbc'], S3cr3tFuzzXyz: ['password: |', 'S3cr3tFuzzXyz'] },
  };
  assert.deepEqual(secretsStillMarked(input, 'a:\r\n    password: S3cr3tFuzzAbc\r\n  password: |\n  S3cr3tFuzzXyz\n'), [
    'S3cr3tFuzzAbc',
    'S3cr3tFuzzXyz',
  ]);
  assert.deepEqual(secretsStillMarked(input, 'passw- S3cr3tFuzzAbc\npass: |\nS3cr3tFuzzXyz\n'), []);
});

test('reproducer (seed 3, input 2740): a secret joined onto the app ID line by an edit is no longer marked', () => {
  // The edit deleted `…4t6w1r0cd`, the region line and the first `password: >-` up to the first secret's line,
  // which now ends the app ID's line: the text no longer says it is a secret (nothing could redact it), though
  // `password: >-` (the second secret's key line) and the secret still occur in the text.
  const dir = join(__dirname, '..', 'fixtures', 'reproducers');
  const opened = readFileSync(join(dir, 'fuzz-secret-joined-to-app-id.sinchcp.yaml'), 'utf8');
  const edited = readFileSync(join(dir, 'fuzz-secret-joined-to-app-id.edited.sinchcp.yaml'), 'utf8');
  const [first, second] = ['S3cr3tFuzz96Ku8Wet53', 'S3cr3tFuzzEqFp6azGmE'];
  const input = {
    text: opened,
    secrets: [first, second],
    operations: [],
    markers: { [first]: ['password: >-', first], [second]: ['password: >-', second] },
  };
  assert.deepEqual(secretsStillMarked(input, opened), [first, second]);
  assert.ok(edited.includes(`    - appId: 01hzx3k7m2q9v5b8n*a  ${first}\npassword: >-\n  ${second}\n`));
  assert.deepEqual(secretsStillMarked(input, edited), [second]);
  // The server redacts every secret the text still marks: none of the edited text's findings shows the second.
  const doc = parseText(edited);
  const shown = lint(doc, defaultSettings).map((result) => {
    const d = toDiagnostic(doc, result);
    return d.message + JSON.stringify(d.data);
  });
  assert.deepEqual(secretsIn([...shown, JSON.stringify(outline(doc))], [second]), []);
});
