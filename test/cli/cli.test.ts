// sinchcp-lint as a user runs it: the bundled dist/cli.js in a child process, on files and folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPTIONS } from '../../server/src/cli/args';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const VALID = join(ROOT, 'examples', 'acme-eu.sinchcp.yaml');
const MISTAKES = join(ROOT, 'examples', 'onboarding-mistakes.sinchcp.yaml');

/** The CLI in a child process; the timeout turns a hang (e.g. a read blocked on a FIFO) into a failure. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sinchcp-cli-'));
}

test('a valid file: exit 0, stylish says no problems', () => {
  const { code, stdout } = run(VALID);
  assert.equal(code, 0);
  assert.match(stdout, /1 file checked, no problems/);
});

test('the mistakes example: exit 1, stylish lists rule names with 1-based positions', () => {
  const { code, stdout } = run(MISTAKES);
  assert.equal(code, 1);
  assert.match(stdout, /onboarding-mistakes\.sinchcp\.yaml/);
  assert.match(stdout, /^ {2}11:14 +error +App ID '01hzx3k7m2q9v5b8n4t6w1r0cd'.*app-id-case$/m);
  assert.match(stdout, /problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 file/);
});

test('--format json prints one array of files with 0-based LSP ranges', () => {
  const { code, stdout } = run('--format', 'json', MISTAKES, VALID);
  assert.equal(code, 1);
  const reports = JSON.parse(stdout) as {
    file: string;
    diagnostics: { code: string; severity: string; message: string; range: unknown }[];
  }[];
  assert.deepEqual(
    reports.map((r) => r.file),
    [MISTAKES, VALID],
  );
  assert.deepEqual(reports[1]!.diagnostics, []);
  const appIdCase = reports[0]!.diagnostics.find((d) => d.code === 'app-id-case')!;
  assert.deepEqual(appIdCase.range, { start: { line: 10, character: 13 }, end: { line: 10, character: 39 } });
  assert.equal(appIdCase.severity, 'error');
  assert.deepEqual(Object.keys(appIdCase).sort(), ['code', 'message', 'range', 'severity']);
});

test('--format sarif prints SARIF 2.1.0 with 1-based regions and rule metadata', () => {
  const { code, stdout } = run('--format', 'sarif', MISTAKES);
  assert.equal(code, 1);
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'sinchcp-lint');
  const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'app-id-case');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region, {
    startLine: 11,
    startColumn: 14,
    endLine: 11,
    endColumn: 40,
  });
  assert.ok(
    run0.tool.driver.rules.some(
      (r: { id: string; help: { text: string } }) =>
        r.id === 'app-id-case' && r.help.text.includes('docs/rules/app-id-case.md'),
    ),
  );
});

test('--rule changes a severity, and off removes the rule', () => {
  const dir = tempDir();
  const file = join(dir, 'lower.sinchcp.yaml');
  writeFileSync(
    file,
    readFileSync(VALID, 'utf8').replace(
      '- address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp',
      '- address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp',
    ),
  );
  assert.equal(run(file).code, 1);
  const warned = run('--format', 'json', '--rule', 'app-id-case=warning', file);
  assert.equal(warned.code, 0);
  assert.deepEqual(
    JSON.parse(warned.stdout)[0].diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]),
    [['app-id-case', 'warning']],
  );
  const off = run('--format', 'json', '--rule', 'app-id-case=off', file);
  assert.equal(off.code, 0);
  assert.deepEqual(JSON.parse(off.stdout)[0].diagnostics, []);
});

test('--max-warnings: over the limit exits 1, within it exits 0', () => {
  const dir = tempDir();
  const file = join(dir, 'lower.sinchcp.yaml');
  writeFileSync(
    file,
    readFileSync(VALID, 'utf8').replace(
      '- address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp',
      '- address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp',
    ),
  );
  assert.equal(run('--rule', 'app-id-case=warning', '--max-warnings', '0', file).code, 1);
  assert.equal(run('--rule', 'app-id-case=warning', '--max-warnings', '1', file).code, 0);
});

test('a folder is searched for config files (by name and by first-line marker), skipping node_modules', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'tenants', 'eu'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  copyFileSync(VALID, join(dir, 'tenants', 'eu', 'acme.sinchcp.yaml'));
  copyFileSync(MISTAKES, join(dir, 'tenants', 'marked.yaml')); // first line: "# sinchcp: …"
  writeFileSync(join(dir, 'tenants', 'other.yaml'), 'unrelated: true\n');
  copyFileSync(MISTAKES, join(dir, 'node_modules', 'x', 'dep.sinchcp.yaml'));
  const { code, stdout } = run('--format', 'json', dir);
  assert.equal(code, 1);
  assert.deepEqual(
    JSON.parse(stdout).map((r: { file: string }) => r.file),
    [join(dir, 'tenants', 'eu', 'acme.sinchcp.yaml'), join(dir, 'tenants', 'marked.yaml')],
  );
});

test('an unreadable or missing file exits 2 and says why', () => {
  const missing = run(join(tempDir(), 'nope.sinchcp.yaml'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nope\.sinchcp\.yaml: ENOENT/);
  assert.doesNotMatch(missing.stdout, /no problems/, 'nothing on stdout may say all is well');
  if (process.getuid?.() !== 0) {
    // root reads anything: mode bits cannot make a file unreadable
    const file = join(tempDir(), 'locked.sinchcp.yaml');
    writeFileSync(file, 'version: 1\n');
    chmodSync(file, 0o000);
    assert.equal(run(file).code, 2);
  }
  const dirAsFile = tempDir();
  mkdirSync(join(dirAsFile, 'x.sinchcp.yaml'));
  const emptyFolder = run(join(dirAsFile, 'x.sinchcp.yaml'));
  assert.equal(emptyFolder.code, 0, 'a folder named like a config file is searched, not read');
  assert.match(emptyFolder.stderr, /no config files \(\*\.sinchcp\.yaml\) found in /);
});

test('bad usage exits 2 with the usage text', () => {
  for (const args of [
    [],
    ['--format', 'xml', VALID],
    ['--rule', 'nope=error', VALID],
    ['--rule', 'app-id-case=loud', VALID],
    ['--max-warnings', 'x', VALID],
    ['--bogus', VALID],
    // Number() reads these as 0, 16 and 10; only plain decimal digits are a count of warnings.
    ['--max-warnings', '', VALID],
    ['--max-warnings', '0x10', VALID],
    ['--max-warnings', '1e1', VALID],
    ['--max-warnings', '-1', VALID],
    ['--max-warnings', '1.5', VALID],
    ['--max-warnings', ' 3', VALID],
    ['--stdin-filename', 'a.sinchcp.yaml', VALID],
    ['--stdin', VALID],
    ['--format', 'sarif2', VALID],
  ]) {
    const { code, stderr } = run(...args);
    assert.equal(code, 2, `args ${args.join(' ')}`);
    assert.match(stderr, /Usage: sinchcp-lint/);
  }
});

test('--fix writes safe fixes, reports them, and a second run changes nothing', () => {
  const dir = tempDir();
  const file = join(dir, 'mistakes.sinchcp.yaml');
  copyFileSync(MISTAKES, file);
  const first = run('--fix', '--format', 'json', file);
  assert.match(first.stderr, /fixed .*mistakes\.sinchcp\.yaml: .*app-id-case/);
  const fixed = readFileSync(file, 'utf8');
  assert.notEqual(fixed, readFileSync(MISTAKES, 'utf8'));
  assert.ok(!fixed.includes('01hzx3k7m2q9v5b8n4t6w1r0cd'), 'lowercase app IDs are uppercased');
  const remaining = JSON.parse(first.stdout)[0].diagnostics as { code: string }[];
  assert.ok(!remaining.some((d) => d.code === 'app-id-case'));
  const second = run('--fix', file);
  assert.doesNotMatch(second.stderr, /fixed/);
  assert.equal(readFileSync(file, 'utf8'), fixed);
  assert.equal(second.code, first.code);
});

test('--fix leaves a clean file untouched (not even rewritten)', () => {
  const dir = tempDir();
  const file = join(dir, 'acme.sinchcp.yaml');
  copyFileSync(VALID, file);
  const before = readFileSync(file);
  const { code, stderr } = run('--fix', file);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.deepEqual(readFileSync(file), before);
});

test('the build exports the format as a JSON Schema for other editors', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'dist', 'sinchcp.schema.json'), 'utf8'));
  assert.deepEqual(schema.required, ['version', 'tenant', 'messagingServices']);
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.properties.tenant.properties.landscape.enum, ['eu-c1', 'na-w2', 'au-s2', 'af-s1']);
  assert.match(schema.properties.tenant.properties.name.description, /tenant name/);
});

test('--help documents every option and the three exit codes; --version prints the package version', () => {
  const help = run('--help');
  assert.equal(help.code, 0);
  for (const [name, option] of Object.entries(OPTIONS)) {
    assert.match(help.stdout, new RegExp(`--${name}\\b`), `--${name} is in --help`);
    if ('short' in option) assert.match(help.stdout, new RegExp(`-${option.short}, --${name}\\b`));
  }
  assert.match(
    help.stdout,
    /^Exit codes:\n {2}0 {2}no errors.*\n {2}1 {2}errors found.*\n {2}2 {2}bad usage, or an input that could not be checked/m,
  );
  const version = run('--version');
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
});
