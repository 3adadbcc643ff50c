// The CI formats: GitHub workflow commands (golden, with every character GitHub's toolkit escapes), GitLab Code
// Quality, and SARIF validated against the SARIF 2.1.0 JSON Schema, with fingerprints that survive unrelated
// edits and never depend on a secret's value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { escapeData, escapeProperty } from '../../server/src/cli/github';
import { formatReport, type LintReport } from '../../server/src/cli/formatters';
import { FINGERPRINT_KEY } from '../../server/src/cli/fingerprints';
import { allRules } from '../../server/src/rules/registry';
import { MISTAKES, ROOT, runCli, tempDir, VALID } from './runCli';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function golden(name: string, actual: string) {
  const path = join(FIXTURES, name);
  if (UPDATE) writeFileSync(path, actual);
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `${name} (UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change)`,
  );
}

function diagnostic(
  line: number,
  character: number,
  severity: DiagnosticSeverity,
  code: string,
  message: string,
): Diagnostic {
  return { range: { start: { line, character }, end: { line: line + 1, character: 2 } }, severity, code, message };
}

/** Messages and a file name holding every character GitHub's toolkit escapes: % CR LF, and : , in properties. */
const TRICKY: LintReport = {
  files: [
    {
      file: '/repo/tenants/we,ird:name.sinchcp.yaml',
      diagnostics: [
        diagnostic(
          0,
          0,
          DiagnosticSeverity.Error,
          'app-id-case',
          '100% wrong: a, b\r\nsecond line\rthird\nfourth %0A stays literal',
        ),
        diagnostic(4, 9, DiagnosticSeverity.Warning, 'unknown-key', 'key `a:b,c` is unknown'),
        diagnostic(9, 1, DiagnosticSeverity.Information, 'processing-mode', 'plain'),
      ],
    },
  ],
  failures: [{ path: '/repo/gone,1:2.sinchcp.yaml', message: 'cannot read /repo/gone,1:2.sinchcp.yaml: ENOENT' }],
};

test("github: escaping as GitHub's toolkit does it", () => {
  assert.equal(escapeData('a%b\rc\nd:e,f'), 'a%25b%0Dc%0Ad:e,f');
  assert.equal(escapeProperty('a%b\rc\nd:e,f'), 'a%25b%0Dc%0Ad%3Ae%2Cf');
});

test('github: golden output with every escaped character, 1-based positions, error/warning/notice', () => {
  golden(
    'github-escaping.golden.txt',
    formatReport('github', TRICKY, { color: false, version: '0.0.0', cwd: '/repo' }) + '\n',
  );
});

test('github: the examples as annotations, one per finding, paths relative to the working folder', () => {
  const { code, stdout } = runCli(['--format', 'github', 'examples/'], { cwd: ROOT });
  assert.equal(code, 1);
  const json = JSON.parse(runCli(['--format', 'json', 'examples/'], { cwd: ROOT }).stdout) as {
    diagnostics: unknown[];
  }[];
  const lines = stdout.trimEnd().split('\n');
  assert.equal(
    lines.length,
    json.reduce((sum, r) => sum + r.diagnostics.length, 0),
  );
  for (const line of lines) {
    assert.match(
      line,
      /^::(error|warning|notice) file=examples\/onboarding-mistakes\.sinchcp\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=sinchcp-lint [a-z-]+::[^\r\n]+$/,
    );
  }
  assert.ok(
    lines.some((line) =>
      line.startsWith(
        '::error file=examples/onboarding-mistakes.sinchcp.yaml,line=11,col=14,endLine=11,endColumn=40,title=sinchcp-lint app-id-case::' +
          "App ID '01hzx3k7m2q9v5b8n4t6w1r0cd'",
      ),
    ),
    'the app-id-case finding at 11:14-11:40',
  );
});

test('github: an input that cannot be checked is an error annotation too, and the exit code is 2', () => {
  const { code, stdout } = runCli(['--format', 'github', 'nope.sinchcp.yaml'], { cwd: ROOT });
  assert.equal(code, 2);
  assert.equal(
    stdout,
    '::error file=nope.sinchcp.yaml,title=sinchcp-lint%3A not checked::cannot read nope.sinchcp.yaml: ENOENT\n',
  );
});

test('gitlab: golden Code Quality report', () => {
  golden('gitlab.golden.json', formatReport('gitlab', TRICKY, { color: false, version: '0.0.0', cwd: '/repo' }) + '\n');
});

test('gitlab: the examples, with a unique fingerprint per issue', () => {
  const { code, stdout } = runCli(['--format', 'gitlab', 'examples/', VALID], { cwd: ROOT });
  assert.equal(code, 1);
  const issues = JSON.parse(stdout) as {
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; positions: { begin: { line: number } } };
  }[];
  assert.ok(issues.length > 10);
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  assert.ok(issues.every((i) => i.location.path === 'examples/onboarding-mistakes.sinchcp.yaml'));
  assert.ok(issues.every((i) => ['info', 'minor', 'major'].includes(i.severity)));
  const appIdCase = issues.find((i) => i.check_name === 'app-id-case')!;
  assert.equal(appIdCase.severity, 'major');
  assert.equal(appIdCase.location.positions.begin.line, 11);
});

function sarifValidator(): { (log: unknown): boolean; errors?: unknown } {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const compiled = ajv.compile(
    JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')),
  );
  const validate = (log: unknown) => {
    const valid = compiled(log);
    validate.errors = compiled.errors;
    return valid;
  };
  validate.errors = undefined as unknown;
  return validate;
}

test('sarif: validates against the SARIF 2.1.0 JSON Schema (and the validator does reject a broken log)', () => {
  const validate = sarifValidator();
  const { code, stdout } = runCli(['--format', 'sarif', 'examples/'], { cwd: ROOT });
  assert.equal(code, 1);
  const sarif = JSON.parse(stdout);
  assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  const broken = structuredClone(sarif);
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false, 'a 0 line is not SARIF');

  const failed = JSON.parse(runCli(['--format', 'sarif', 'nope.sinchcp.yaml', VALID], { cwd: ROOT }).stdout);
  assert.ok(validate(failed), JSON.stringify(validate.errors, null, 2));
  assert.equal(failed.runs[0].invocations[0].executionSuccessful, false);
  assert.deepEqual(
    failed.runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text),
    ['cannot read nope.sinchcp.yaml: ENOENT'],
  );
});

test('sarif: every rule with descriptions, docs and default level; paths relative to %SRCROOT%', () => {
  const { stdout } = runCli(['--format', 'sarif', 'examples/'], { cwd: ROOT });
  const run = JSON.parse(stdout).runs[0];
  const rules = run.tool.driver.rules as {
    id: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    helpUri: string;
    help: { text: string; markdown: string };
    defaultConfiguration: { level: string };
  }[];
  assert.deepEqual(
    rules.map((r) => r.id),
    allRules.map((r) => r.name),
  );
  for (const [index, rule] of allRules.entries()) {
    const entry = rules[index]!;
    assert.equal(entry.shortDescription.text, rule.summary);
    assert.ok(entry.fullDescription.text.startsWith(rule.summary));
    // No web address exists for the docs: the help names the rule's page, which the repository (and the .vsix) holds.
    assert.equal(entry.helpUri, undefined);
    const page = `docs/rules/${rule.name}.md`;
    assert.ok(existsSync(join(ROOT, page)), page);
    assert.ok(entry.help.markdown.includes(page) && entry.help.text.includes(page));
    assert.equal(entry.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
  }
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${ROOT}/`);
  for (const result of run.results) {
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, {
      uri: 'examples/onboarding-mistakes.sinchcp.yaml',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(rules[result.ruleIndex]!.id, result.ruleId);
    assert.match(result.partialFingerprints[FINGERPRINT_KEY], /^[0-9a-f]{32}:\d+$/);
  }
  assert.equal(run.columnKind, 'utf16CodeUnits');
});

function sarifResults(file: string, cwd: string) {
  const { stdout } = runCli(['--format', 'sarif', file], { cwd });
  return (
    JSON.parse(stdout).runs[0].results as {
      ruleId: string;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { region: { startLine: number } } }[];
    }[]
  ).map((r) => ({
    rule: r.ruleId,
    fingerprint: r.partialFingerprints[FINGERPRINT_KEY]!,
    line: r.locations[0]!.physicalLocation.region.startLine,
  }));
}

test('sarif: fingerprints survive unrelated edits (lines inserted above, another value changed)', () => {
  const dir = tempDir();
  const file = join(dir, 'draft.sinchcp.yaml');
  const original = readFileSync(MISTAKES, 'utf8');
  writeFileSync(file, original);
  const before = sarifResults(file, dir);
  assert.equal(new Set(before.map((r) => r.fingerprint)).size, before.length, 'unique within the file');

  // Three comment lines on top and the first app's name changed: every finding moves down, none changes.
  const edited = original
    .replace(/^(# .*\n)/, '$1# a\n# b\n# c\n')
    .replace('name: ACME support EU', 'name: ACME support Europe');
  assert.notEqual(edited, original);
  writeFileSync(file, edited);
  const after = sarifResults(file, dir);
  const editedLine = original.split('\n').findIndex((line) => line.includes('name: ACME support EU')) + 1;
  const unchanged = before.filter((r) => r.line !== editedLine);
  assert.ok(unchanged.length >= 10);
  for (const finding of unchanged) {
    const same = after.find((r) => r.fingerprint === finding.fingerprint);
    assert.ok(same, `${finding.rule} at line ${finding.line} lost its fingerprint`);
    assert.equal(same.line, finding.line + 3);
  }
});

test('sarif: identical findings on identical lines get distinct fingerprints, numbered in order', () => {
  const dir = tempDir();
  const file = join(dir, 'twins.sinchcp.yaml');
  const line = '      - address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp.sinchconversation.com\n';
  const text = readFileSync(VALID, 'utf8');
  const at = text.indexOf('      - address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp');
  assert.ok(at > 0);
  writeFileSync(file, text.slice(0, at) + line + line + text.slice(at));
  const twins = sarifResults(file, dir).filter((r) => r.rule === 'app-id-case');
  assert.equal(twins.length, 2);
  const [hash1, n1] = twins[0]!.fingerprint.split(':');
  const [hash2, n2] = twins[1]!.fingerprint.split(':');
  assert.equal(hash1, hash2);
  assert.deepEqual([n1, n2], ['1', '2']);
});

test("sarif: a plaintext secret's fingerprint does not depend on the secret (a hash of it could be reversed)", () => {
  const dir = tempDir();
  const text = readFileSync(VALID, 'utf8');
  assert.match(text, /password: \$\{env:ACME_EU_WEBHOOK_SECRET\}/);
  const fingerprintsWith = (secret: string) => {
    const file = join(dir, 'secret.sinchcp.yaml');
    writeFileSync(file, text.replace('password: ${env:ACME_EU_WEBHOOK_SECRET}', `password: ${secret}`));
    return sarifResults(file, dir)
      .filter((r) => r.rule === 'plaintext-secret')
      .map((r) => r.fingerprint);
  };
  const first = fingerprintsWith('Hunter2-very-secret');
  assert.equal(first.length, 1, 'the literal is flagged');
  assert.deepEqual(fingerprintsWith('Other-secret-9876'), first);
});

test("stylish: a message's first line stays in its row with the rule; the later lines go beneath, at the message's column", () => {
  const report: LintReport = {
    files: [
      {
        file: 'a.sinchcp.yaml',
        diagnostics: [
          diagnostic(2, 4, DiagnosticSeverity.Error, 'unknown-app', 'What is wrong.\nWhere to look.\nWhy.'),
        ],
      },
    ],
    failures: [],
  };
  const lines = formatReport('stylish', report, { color: false, version: '0.0.0', cwd: '/repo' }).split('\n');
  assert.deepEqual(lines.slice(0, 4), [
    'a.sinchcp.yaml',
    '  3:5      error    What is wrong.  unknown-app',
    '                    Where to look.',
    '                    Why.',
  ]);
  assert.equal(lines[1]!.indexOf('What'), lines[2]!.indexOf('Where'));
});

test("the CI formats keep a message's lines: GitHub escapes them (%0A), SARIF, GitLab and JSON hold them as they are", () => {
  const { stdout: github } = runCli(['--format', 'github', 'examples/'], { cwd: ROOT });
  assert.ok(
    github.split('\n').some((line) => /::[^\n]*\S%0A\S/.test(line)),
    'a multi-line message as one annotation',
  );
  const sarif = JSON.parse(runCli(['--format', 'sarif', 'examples/'], { cwd: ROOT }).stdout);
  assert.ok(sarif.runs[0].results.some((r: { message: { text: string } }) => r.message.text.includes('\n')));
  const gitlab = JSON.parse(runCli(['--format', 'gitlab', 'examples/'], { cwd: ROOT }).stdout) as {
    description: string;
  }[];
  assert.ok(gitlab.some((issue) => issue.description.includes('\n')));
});
