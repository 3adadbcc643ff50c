// Hostile input: whatever the editor holds, the language service answers without throwing, and every range
// it gives (diagnostics, quick-fix edits, fix-all) lies inside the document. Runs against whatever rules the
// registry holds at the time, so it keeps guarding rules as they land. fast-check prints the seed and the
// shrunk counterexample on failure; re-run one with `HOSTILE_SEED=<seed>`, search harder with `HOSTILE_RUNS`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseText, type ParsedDocument } from '../../server/src/parse/parsedDocument';
import { diagnose, lint } from '../../server/src/service/diagnostics';
import { actionsFor } from '../../server/src/service/codeActions';
import { fixAll } from '../../server/src/service/fixAll';
import { applyEdits } from '../../server/src/service/edits';
import { defaultSettings, parseSettings, type Settings } from '../../server/src/service/settings';
import { allRules } from '../../server/src/rules/registry';
import { generate, prng } from '../bench/generate';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SEEDS: string[] = [
  readFileSync(join(EXAMPLES, 'acme-eu.sinchcp.yaml'), 'utf8'),
  readFileSync(join(EXAMPLES, 'onboarding-mistakes.sinchcp.yaml'), 'utf8'),
  generate({ lines: 60, seed: 1 }).text,
  generate({ lines: 120, seed: 2, mistakeRate: 0.3 }).text,
];
/** Every rule on, at the lowest severity: nothing is filtered out by settings. */
const ALL_ON: Settings = parseSettings({ rules: Object.fromEntries(allRules.map((r) => [r.name, 'info'])) });
const SEED = Number(process.env.HOSTILE_SEED ?? 20240611);
/** Bounded so the file runs in well under 20 s; `HOSTILE_RUNS=5000` to search harder. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 150);

// ---- the invariants -----------------------------------------------------------------------------------------

/** Line lengths as LSP counts them: lines end at \r\n, \r or \n; the length excludes the line break. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertRangeInside(
  what: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  lines: number[],
): void {
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length,
      `${what}: ${name} line ${p.line} outside 0..${lines.length - 1}`,
    );
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line]!,
      `${what}: ${name} character ${p.character} beyond line ${p.line}'s length ${lines[p.line]}`,
    );
  }
  const before =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: start ${JSON.stringify(range.start)} after end ${JSON.stringify(range.end)}`);
}

function assertSpanInside(what: string, span: { start: number; end: number }, length: number): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end),
    `${what}: non-integer span ${JSON.stringify(span)}`,
  );
  assert.ok(
    span.start >= 0 && span.start <= span.end && span.end <= length,
    `${what}: span ${JSON.stringify(span)} outside 0..${length}`,
  );
}

/**
 * Checks one text with every rule on: diagnostics, every code action of every finding, fix-all. A rule that
 * throws is a failure too: the server logs it and carries on, but the user silently loses that rule's findings.
 */
function checkText(text: string, settings: Settings = ALL_ON): { diagnostics: number; doc: ParsedDocument } {
  const errors: string[] = [];
  const doc = parseText(text);
  const lines = lineLengths(text);
  const diagnostics = diagnose(doc, settings, (rule, error) => errors.push(`rule ${rule} threw: ${stack(error)}`));
  assert.equal(errors.length, 0, errors.join('\n'));
  for (const d of diagnostics) assertRangeInside(`${d.code} diagnostic`, d.range, lines);

  for (const result of lint(doc, settings)) {
    // Offsets before conversion: positionAt clamps, which would hide a span past the end.
    assertSpanInside(`${result.rule.name} finding`, result.finding.span, text.length);
    const actions = actionsFor(doc, result, (error) =>
      errors.push(`fixes of ${result.rule.name} threw: ${stack(error)}`),
    );
    assert.equal(errors.length, 0, errors.join('\n'));
    for (const action of actions) {
      for (const edit of action.edits) {
        assertSpanInside(`${result.rule.name} "${action.title}" edit`, edit.span, text.length);
        assertRangeInside(
          `${result.rule.name} "${action.title}" edit`,
          {
            start: doc.textDocument.positionAt(edit.span.start),
            end: doc.textDocument.positionAt(edit.span.end),
          },
          lines,
        );
      }
      if (action.edits.length) parseText(applyEdits(text, action.edits));
    }
  }

  const fixed = fixAll(doc, settings);
  assert.equal(typeof fixed.text, 'string');
  diagnose(parseText(fixed.text), settings);
  return { diagnostics: diagnostics.length, doc };
}

function stack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
}

// ---- mutations ----------------------------------------------------------------------------------------------

const HOSTILE_CHARS = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '&',
  '*',
  '!',
  '%',
  '#',
  '|',
  '>',
  '?',
  '@',
  '`',
  ',',
  ' ',
  '  ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\uD800',
  '\uDC00',
  '\uFEFF',
  '\u2028',
  '😀',
  '\uD83D',
  'é',
  '${env:',
  '&a ',
  '*a',
  '---\n',
  '...\n',
  '<<: ',
  '!!binary ',
  '%YAML 1.1\n',
  '? ',
];

type Mutation =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'splice'; from: number; length: number; to: number; seed: number }
  | { kind: 'duplicate'; line: number; count: number }
  | { kind: 'indent'; line: number; delta: number; tab: boolean }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'truncate'; at: number };

/** Positions are fractions of the current text, so a mutation means something whatever came before it. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fraction, length: fc.nat({ max: 200 }) }),
  fc.record({
    kind: fc.constant('splice' as const),
    from: fraction,
    length: fc.nat({ max: 300 }),
    to: fraction,
    seed: fc.nat({ max: SEEDS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), line: fraction, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('indent' as const),
    line: fraction,
    delta: fc.integer({ min: -6, max: 6 }),
    tab: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fraction,
    text: fc.oneof(
      fc.constantFrom(...HOSTILE_CHARS),
      fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
  }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fraction }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fraction, b: fraction }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

function mutate(text: string, m: Mutation): string {
  const at = (f: number, n: number) => Math.min(n, Math.floor(f * (n + 1)));
  const lines = text.split('\n');
  const line = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  switch (m.kind) {
    case 'cut': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'splice': {
      const source = SEEDS[m.seed]!;
      const from = at(m.from, source.length);
      const i = at(m.to, text.length);
      return text.slice(0, i) + source.slice(from, from + m.length) + text.slice(i);
    }
    case 'duplicate': {
      const i = line(m.line);
      lines.splice(i, 0, ...Array<string>(m.count).fill(lines[i]!));
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(m.line);
      const current = lines[i]!;
      lines[i] =
        m.delta >= 0
          ? (m.tab ? '\t' : ' ').repeat(m.delta) + current
          : current.replace(new RegExp(`^[ \\t]{0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'deleteLine':
      lines.splice(line(m.line), 1);
      return lines.join('\n');
    case 'swapLines': {
      const a = line(m.a);
      const b = line(m.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, at(m.at, text.length));
  }
}

// ---- tests --------------------------------------------------------------------------------------------------

test('the seeds themselves pass the invariants', () => {
  for (const text of SEEDS) checkText(text);
});

test('mutated files (cut, splice, duplicate, re-indent, hostile characters): no exception, every range inside', () => {
  fc.assert(
    fc.property(
      fc.nat({ max: SEEDS.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 12 }),
      (seed, mutations) => {
        checkText(mutations.reduce(mutate, SEEDS[seed]!));
      },
    ),
    { seed: SEED, numRuns: RUNS, endOnFailure: false },
  );
});

test('CRLF and lone-CR line breaks: ranges inside', () => {
  for (const text of SEEDS) {
    checkText(text.replace(/\n/g, '\r\n'));
    checkText(text.replace(/\n/g, '\r'));
    checkText(text.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')));
  }
});

test(
  'a 100,000-line file: the check completes with every range inside (no time asserted)',
  { timeout: 300_000 },
  () => {
    const file = generate({ lines: 100_000, seed: 7 });
    assert.ok(file.lineCount >= 99_000);
    const doc = parseText(file.text);
    const lines = lineLengths(file.text);
    const errors: string[] = [];
    const diagnostics = diagnose(doc, ALL_ON, (rule, error) => errors.push(`${rule}: ${stack(error)}`));
    assert.equal(errors.length, 0, errors.join('\n'));
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) assertRangeInside(`${d.code} diagnostic`, d.range, lines);
  },
);

const BILLION_LAUGHS =
  [
    'lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
  ].join('\n') + '\n';

test('alias bombs and alias cycles: no exception, no hang', { timeout: 60_000 }, () => {
  // The bomb is not silently accepted: yaml-syntax says the file was not checked, at the first alias.
  const bomb = checkText(BILLION_LAUGHS).doc;
  const unchecked = lint(bomb, ALL_ON).filter((r) => r.rule.name === 'yaml-syntax');
  assert.equal(unchecked.length, 1);
  assert.match(unchecked[0]!.finding.message, /alias bomb/);
  assert.equal(bomb.text.slice(unchecked[0]!.finding.span.start, unchecked[0]!.finding.span.start + 3), '*a0');
  // The bomb inside an otherwise valid file, aimed at the lists the rules walk.
  const valid = SEEDS[0]!;
  checkText(`${BILLION_LAUGHS}${valid.replace('channels: [WHATSAPP, SINCH_CHAT]', 'channels: *a9')}`);
  checkText(valid.replace('queues:\n', `bomb: ${BILLION_LAUGHS.split('\n')[0]!.slice('lol0: '.length)}\nqueues:\n`));
  checkText(
    valid
      .replace(/^messagingServices:/m, 'messagingServices: &svc')
      .replace(/^queues:[\s\S]*$/m, 'queues: *svc\nextra: [*svc, *svc, *svc]\n'),
  );
  checkText('a: &a { k: *a, l: [*a, *a] }\nversion: 1\n');
  checkText('messagingServices: &a [ *a, { name: x, authentications: *a } ]\n');
  checkText(`version: 1\ntenant: &t\n  name: acme\n  landscape: eu-c1\n  <<: *t\n`);
  // A long chain of aliases, each nesting the one before: deep once expanded, small as text.
  checkText(
    Array.from({ length: 3000 }, (_, i) => (i === 0 ? 'a0: &a0 [x]' : `a${i}: &a${i} [*a${i - 1}]`)).join('\n'),
  );
});

test(
  'deeply nested collections (10,000 levels, flow and block): no exception, at most a yaml-syntax finding',
  { timeout: 60_000 },
  () => {
    const deep = [
      '['.repeat(10_000),
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{'.repeat(10_000),
      'a: ' + '{a: '.repeat(10_000),
      'a: ' + '{'.repeat(10_000),
      '- '.repeat(10_000) + 'x',
      '? '.repeat(10_000) + 'x',
      'messagingServices: ' + '['.repeat(10_000) + ']'.repeat(10_000),
      'version: 1\nconversationApi:\n  apps: ' + '[{appId: '.repeat(10_000),
      Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      // Just under and over the nesting limit, with keys that are collections (yaml stringifies those).
      'a: ' + '{'.repeat(120),
      '? '.repeat(120) + 'x',
      'a: ' + '{'.repeat(200),
    ];
    for (const text of deep) {
      // Twice: the fatal V8 abort this guards against came on the second parse of the same depth.
      for (let i = 0; i < 2; i++) {
        const { doc } = checkText(text);
        const codes = new Set(lint(doc, ALL_ON).map((r) => r.rule.name));
        codes.delete('yaml-syntax');
        for (const code of codes)
          assert.ok(
            ['unknown-key', 'missing-key', 'invalid-value'].includes(code),
            `unexpected ${code} on ${text.slice(0, 20)}…`,
          );
      }
    }
  },
);

test('binary bytes as a document (utf8 and latin1 decodings, alone and after a valid prefix)', () => {
  const random = prng(SEED);
  for (let i = 0; i < 12; i++) {
    const bytes = Buffer.from(
      Array.from({ length: 2_000 + Math.floor(random() * 30_000) }, () => Math.floor(random() * 256)),
    );
    for (const encoding of ['utf8', 'latin1'] as const) {
      const binary = bytes.toString(encoding);
      checkText(binary);
      checkText(SEEDS[i % SEEDS.length]!.slice(0, 400 + i * 50) + binary);
    }
  }
});

test('default settings (not only all-on) keep the invariants on the mistakes example and a generated file', () => {
  checkText(SEEDS[1]!, defaultSettings);
  checkText(SEEDS[3]!, defaultSettings);
});
