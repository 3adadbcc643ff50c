// The nesting guard runs before anything recursive: whatever the shape (block lists on one line, explicit keys,
// flow brackets, indentation) and however deep the stack already is when the parse is called, a file nested too
// deep gives one yaml-syntax finding instead of a stack overflow inside `yaml`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_NESTING, parseText } from '../../server/src/parse/parsedDocument';
import { lexWithinNesting } from '../../server/src/parse/nesting';
import { lint } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/service/settings';

const REPRODUCERS = join(__dirname, '..', 'fixtures', 'reproducers');

/** How many frames of a small recursive function fit on this thread's stack right now. */
function stackFrames(): number {
  let depth = 0;
  const down = (): void => {
    depth++;
    down();
  };
  try {
    down();
  } catch {
    /* RangeError: the stack is full */
  }
  return depth;
}

/** Runs `body` with about `frames` frames of a small recursive function on the stack. */
function atStackDepth<T>(frames: number, body: () => T): T {
  const down = (n: number): T => (n <= 0 ? body() : down(n - 1));
  return down(frames);
}

/** Lines longer than the line-length limit are turned away before nesting is measured: these stay under it. */
const DEEP: [string, string][] = [
  ['4,000 `- ` on one line under a key', 'version: 1\nqueues:\n' + '- '.repeat(4_000) + 'x'],
  ['3,999 `- ` on one line under a key', 'version: 1\nqueues:\n' + '- '.repeat(3_999) + 'x'],
  ['4,000 `- ` followed by a dedented line', 'version: 1\nqueues:\n' + '- '.repeat(4_000) + 'x\ntenant: {}\n'],
  ['4,000 `? `', '? '.repeat(4_000) + 'x\na: 1\n'],
  ['9,000 `[`', 'a: ' + '['.repeat(9_000) + '\nb: 1\n'],
  ['2,000 `{a: `', '{a: '.repeat(2_000) + '\n'],
  ['5,000 `[` over 50 lines', Array.from({ length: 50 }, () => '['.repeat(100)).join('\n') + '\n'],
  [
    '1,000 lines, each indented one more',
    Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n',
  ],
  [
    '600 `- ` lines, each indented two more',
    Array.from({ length: 600 }, (_, i) => `${' '.repeat(2 * i)}- `).join('\n') + 'x\ny: 1\n',
  ],
];

/** The inputs of the reports, whichever limit turns them away first (their lines are 20,000 characters). */
const REPORTED: [string, string][] = [
  ['10,000 `- ` on one line under a key', 'version: 1\nqueues:\n' + '- '.repeat(10_000) + 'x'],
  ['9,999 `- ` on one line under a key', 'version: 1\nqueues:\n' + '- '.repeat(9_999) + 'x'],
  ['reproducer parser-stack-overflow-1.yaml', readFileSync(join(REPRODUCERS, 'parser-stack-overflow-1.yaml'), 'utf8')],
  ['reproducer parser-stack-overflow-2.yaml', readFileSync(join(REPRODUCERS, 'parser-stack-overflow-2.yaml'), 'utf8')],
];

function assertOneNestingFinding(
  label: string,
  text: string,
  message = new RegExp(`nested more than ${MAX_NESTING} levels`),
): void {
  const doc = parseText(text);
  const results = lint(doc, defaultSettings);
  const syntax = results.filter((r) => r.rule.name === 'yaml-syntax');
  assert.equal(syntax.length, 1, `${label}: ${JSON.stringify(results.map((r) => r.finding.message))}`);
  assert.match(syntax[0]!.finding.message, message);
  const { start, end } = syntax[0]!.finding.span;
  assert.ok(start >= 0 && end <= text.length && end - start === 1, `${label}: span ${start}-${end}`);
}

test('a file nested too deep gives one yaml-syntax finding, at any stack depth', { timeout: 120_000 }, () => {
  const frames = stackFrames();
  for (const share of [0, 0.5, 0.8]) {
    for (const [label, text] of DEEP) {
      atStackDepth(Math.floor(frames * share), () =>
        assertOneNestingFinding(`${label} (stack ${share * 100}% used)`, text),
      );
    }
    for (const [label, text] of REPORTED) {
      atStackDepth(Math.floor(frames * share), () =>
        assertOneNestingFinding(`${label} (stack ${share * 100}% used)`, text, /so the file is not checked/),
      );
    }
  }
});

test('the guard points where the nesting goes too deep', () => {
  const text = 'version: 1\nqueues:\n' + '- '.repeat(4_000) + 'x';
  const at = parseText(text).yaml.errors[0]!.pos[0];
  assert.ok(at > 'version: 1\nqueues:\n'.length && at < 'version: 1\nqueues:\n'.length + 2 * MAX_NESTING, `at ${at}`);
});

test('nesting the format uses (and well beyond it) is parsed as before', () => {
  const text = 'version: 1\nqueues:\n' + '- '.repeat(30) + 'x\ntenant:\n  name: acme\n';
  const doc = parseText(text);
  assert.deepEqual(
    doc.yaml.errors.map((e) => e.code),
    [],
  );
  assert.equal(lexWithinNesting(text, MAX_NESTING).tooDeepAt, undefined);
  const flow = `a: ${'['.repeat(40)}${']'.repeat(40)}\n`;
  assert.deepEqual(
    parseText(flow).yaml.errors.map((e) => e.code),
    [],
  );
});

test('brackets and dashes inside comments, quoted values and block scalars do not count as nesting', () => {
  const text =
    [
      'version: 1',
      `# ${'[ '.repeat(500)}`,
      `name: "${'['.repeat(500)}"`,
      'notes: |',
      ...Array.from({ length: 3 }, () => `  ${'- '.repeat(500)}`),
      'other: 1',
    ].join('\n') + '\n';
  assert.equal(lexWithinNesting(text, MAX_NESTING).tooDeepAt, undefined);
  assert.deepEqual(
    parseText(text).yaml.errors.map((e) => e.code),
    [],
  );
});

test('the lexemes measured are the whole text, so the parser sees exactly the file', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'acme-eu.sinchcp.yaml'), 'utf8');
  const { lexemes, tooDeepAt } = lexWithinNesting(text, MAX_NESTING);
  assert.equal(tooDeepAt, undefined);
  // eslint-disable-next-line no-control-regex -- yaml's lexer marks a document, a flow end and a scalar with them
  assert.equal(lexemes.join('').replace(/[\x02\x18\x1f]/g, ''), text);
});
