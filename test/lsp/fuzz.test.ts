// The fuzz harness (test/fuzz) in the suite: a fixed seed and a couple of hundred mutated and hostile inputs
// against the bundled server. Every failure must be zero, except those of the known defects listed below.
// Long runs: npm run fuzz -- --seed S --runs N.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leakExcerpt, lineLengths, rangesOutside, secretsIn } from '../fuzz/checks';
import { formatReport, runFuzz, type Failure } from '../fuzz/harness';

const SEED = 20261201;
const RUNS = 150;

/**
 * Defects the harness finds on main whose fixes are on the branch robust-analysis (which owns parsing, rules
 * and the services). The coordinator removes this list after merging that branch: the run must then be clean.
 */
const KNOWN_DEFECTS: { defect: string; matches(failure: Failure): boolean }[] = [
  {
    defect: 'completion never returns in a file whose first line is empty above an indented line ("\\n b", "\\n\\n  x")',
    matches: (f) => f.kind === 'cut-off' && f.method === 'textDocument/completion',
  },
  {
    defect: 'the YAML parser overflows the stack on deep nesting before the nesting guard runs',
    matches: (f) => f.kind === 'internal-error' && f.detail.includes('Maximum call stack size exceeded'),
  },
  {
    defect: 'messages and data quote raw source: unknown-key, yaml-syntax, invalid-value, "should be a list", an env name built from a value',
    matches: (f) => f.kind === 'secret-shown' && f.method === 'publishDiagnostics',
  },
  {
    defect: 'a secret pasted after an app ID or into a name shows in symbols and fix titles',
    matches: (f) => f.kind === 'secret-shown' && ['textDocument/documentSymbol', 'textDocument/codeAction'].includes(f.method),
  },
  {
    defect: 'a 20,000+ character line, a long flow list or 1,000+ levels of nesting take seconds (no size or depth limit before the parse)',
    matches: (f) => ['cut-off', 'over-time-limit'].includes(f.kind)
      && f.operations.some((op) => /~(20000|100000) characters| (1000|3000|10000) deep/.test(op)),
  },
];

test('fuzz checks: a range outside the document and a secret in another case are caught', () => {
  const lengths = lineLengths('ab\r\ncd\ne');
  assert.deepEqual(lengths, [2, 2, 1]);
  assert.deepEqual(rangesOutside({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } }, lengths), []);
  assert.deepEqual(rangesOutside([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } }], lengths), ['0.range: 1:0-1:3 (3 lines)']);
  assert.deepEqual(rangesOutside({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, lengths), [': 3:0-3:0 (3 lines)']);
  assert.deepEqual(rangesOutside({ start: { line: 1, character: 1 }, end: { line: 0, character: 1 } }, lengths), [': 1:1-0:1 (3 lines)']);
  assert.deepEqual(secretsIn(['Unknown key `S3CR3TFUZZABC`'], ['S3cr3tFuzzAbc', 'S3cr3tFuzzXyz']), ['S3cr3tFuzzAbc']);
  assert.deepEqual(secretsIn(['nothing here'], ['S3cr3tFuzzAbc']), []);
  assert.equal(leakExcerpt(['a', 'key `s3cr3tfuzzabc`'], ['S3cr3tFuzzAbc']), '"key `<SECRET>`"');
});

test(`fuzz: seed ${SEED}, ${RUNS} inputs against dist/server.js`, { timeout: 300_000 }, async (t) => {
  const report = await runFuzz({ seed: SEED, runs: RUNS });
  t.diagnostic(formatReport(report));
  assert.ok(report.requests >= RUNS * 20, `the harness asked ${report.requests} requests`);
  const known = new Map<string, number>();
  const unexpected: string[] = [];
  for (const failure of report.failures) {
    const defect = KNOWN_DEFECTS.find((k) => k.matches(failure));
    if (defect) known.set(defect.defect, (known.get(defect.defect) ?? 0) + 1);
    else unexpected.push(`[${failure.kind}] input ${failure.input} ${failure.method} ${failure.position ?? ''}: ${failure.detail} (${failure.operations.join('; ')})`);
  }
  for (const [defect, count] of known) t.diagnostic(`known defect (${count}): ${defect}`);
  assert.deepEqual(unexpected, []);
});
