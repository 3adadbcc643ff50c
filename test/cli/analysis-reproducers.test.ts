// sinchcp-lint on the inputs that used to kill it or slip through: each reproducer gives its findings and exit 1,
// never a stack trace; a file that is not a configuration is an error too; no literal secret is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const REPRODUCERS = join(ROOT, 'test', 'fixtures', 'reproducers');

function lint(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

for (const name of ['parser-stack-overflow-1.yaml', 'parser-stack-overflow-2.yaml', 'slow-long-lines.yaml']) {
  test(`reproducer ${name}: one yaml-syntax error, exit 1, no stack trace`, () => {
    const { code, stdout, stderr } = lint(join(REPRODUCERS, name));
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const [report] = JSON.parse(stdout) as { diagnostics: { code: string; message: string }[] }[];
    assert.deepEqual(
      report!.diagnostics.map((d) => d.code),
      ['yaml-syntax'],
    );
    assert.match(report!.diagnostics[0]!.message, /so the file is not checked/);
  });
}

test('reproducer secret-echo-multiline-value.yaml: findings without the literal password', () => {
  const { code, stdout } = lint(join(REPRODUCERS, 'secret-echo-multiline-value.yaml'));
  assert.equal(code, 1);
  assert.ok(stdout.includes('"diagnostics"'));
  assert.ok(!stdout.toLowerCase().includes('kq8z-plain'), 'no part of the secret is printed');
});

test('empty, comments-only, a list, binary: each is reported as not a configuration (exit 1)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinchcp-not-config-'));
  const files = {
    'empty.sinchcp.yaml': '',
    'comments.sinchcp.yaml': '# todo\n',
    'list.sinchcp.yaml': '- a\n',
    'binary.sinchcp.yaml': '\u0000\u0001PNG',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { code, stdout } = lint(...Object.keys(files).map((name) => join(dir, name)));
  assert.equal(code, 1);
  const reports = JSON.parse(stdout) as { diagnostics: { code: string; message: string }[] }[];
  assert.equal(reports.length, 4);
  for (const report of reports) {
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      ['missing-key'],
    );
    assert.match(
      report.diagnostics[0]!.message,
      /^This file [^\n]*\.\n.*needs 'version', 'tenant' and 'messagingServices'/,
    );
  }
});
