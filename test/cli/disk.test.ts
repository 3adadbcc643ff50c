// What sinchcp-lint does with what a disk can hold under a config file's name: FIFOs, devices, huge files,
// symlinks (and their loops), folders it may not list, files it may not write. Each case once hung, read
// without limit, was skipped, or passed with exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CONFIG_FILE_BYTES } from '../../server/src/service/configFiles';
import { MISTAKES, ROOT, runCli, runCliUnprivileged, runningAsRoot, tempDir, VALID } from './runCli';

const NO_STACK_TRACE = /^\s+at /m;

function mkfifo(path: string) {
  execFileSync('mkfifo', [path]);
}

test('a FIFO named like a config file is reported as not a regular file, not read (it blocked forever)', () => {
  const dir = tempDir();
  const fifo = join(dir, 'x.sinchcp.yaml');
  mkfifo(fifo);
  const direct = runCli([fifo]);
  assert.equal(direct.code, 2, `exit code (null: it hung) — stderr: ${direct.stderr}`);
  assert.match(direct.stderr, /not checked .*x\.sinchcp\.yaml: not a regular file \(a named pipe\)/);
  assert.doesNotMatch(direct.stdout, /no problems/);

  // In a folder, the FIFO (also one named like a marked YAML file, which isConfigFile peeks into) is left out.
  mkfifo(join(dir, 'marked.yaml'));
  copyFileSync(VALID, join(dir, 'good.sinchcp.yaml'));
  const folder = runCli(['--format', 'json', dir]);
  assert.equal(folder.code, 0, folder.stderr);
  assert.deepEqual(
    JSON.parse(folder.stdout).map((r: { file: string }) => r.file),
    [join(dir, 'good.sinchcp.yaml')],
  );
});

test('a symlink to /dev/zero is not read (it was read without limit)', () => {
  const dir = tempDir();
  const link = join(dir, 'y.sinchcp.yaml');
  symlinkSync('/dev/zero', link);
  const { code, stderr, stdout } = runCli([link]);
  assert.equal(code, 2);
  assert.match(stderr, /not checked .*y\.sinchcp\.yaml: not a regular file \(a device\)/);
  assert.doesNotMatch(stdout, /no problems/);
});

test(`a file over ${MAX_CONFIG_FILE_BYTES} bytes is not checked: one line saying so, exit 2`, () => {
  const dir = tempDir();
  const big = join(dir, 'big.sinchcp.yaml');
  writeFileSync(big, `version: 1\n${'#'.repeat(MAX_CONFIG_FILE_BYTES)}\n`);
  const small = join(dir, 'acme.sinchcp.yaml');
  copyFileSync(VALID, small);
  const { code, stderr, stdout } = runCli(['--format', 'json', big, small]);
  assert.equal(code, 2);
  assert.equal(stderr, `sinchcp-lint: not checked ${big}: larger than 2 MiB, the most sinchcp-lint reads\n`);
  assert.deepEqual(
    JSON.parse(stdout).map((r: { file: string }) => r.file),
    [small],
    'the other file is still checked',
  );
});

test('config files and folders reached through symlinks are checked; a link loop ends', () => {
  const dir = tempDir();
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(join(elsewhere, 'eu'), { recursive: true });
  copyFileSync(VALID, join(elsewhere, 'real.sinchcp.yaml'));
  copyFileSync(MISTAKES, join(elsewhere, 'eu', 'draft.sinchcp.yaml'));
  const root = join(dir, 'repo');
  mkdirSync(root);
  symlinkSync(join(elsewhere, 'real.sinchcp.yaml'), join(root, 'linked.sinchcp.yaml'));
  symlinkSync(join(elsewhere, 'eu'), join(root, 'tenants'));
  symlinkSync('.', join(root, 'loop')); // repo/loop/loop/… forever, unless visited folders are remembered
  symlinkSync(root, join(elsewhere, 'eu', 'back')); // a longer loop through both folders
  const { code, stdout, stderr } = runCli(['--format', 'json', root]);
  assert.equal(code, 1, stderr);
  assert.deepEqual(
    JSON.parse(stdout).map((r: { file: string }) => r.file),
    [join(root, 'linked.sinchcp.yaml'), join(root, 'tenants', 'draft.sinchcp.yaml')],
  );
});

test('a dangling symlink named like a config file is reported, exit 2', () => {
  const dir = tempDir();
  copyFileSync(VALID, join(dir, 'acme.sinchcp.yaml'));
  symlinkSync(join(dir, 'gone.yaml'), join(dir, 'broken.sinchcp.yaml'));
  symlinkSync(join(dir, 'gone'), join(dir, 'unrelated-link')); // not a config name: not our business
  const { code, stderr, stdout } = runCli([dir]);
  assert.equal(code, 2);
  assert.equal(stderr, `sinchcp-lint: cannot read ${join(dir, 'broken.sinchcp.yaml')}: ENOENT\n`);
  assert.match(stdout, /✖ 1 input could not be checked \(see above\); the 1 file checked has no problems/);
});

test('a folder that cannot be listed exits 2 with the reason, and nothing says "no problems"', () => {
  // Permission bits do not stop root, so the CLI runs as an unprivileged user (see runCliUnprivileged).
  const dir = tempDir();
  copyFileSync(VALID, join(dir, 'acme.sinchcp.yaml'));
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  copyFileSync(MISTAKES, join(locked, 'hidden.sinchcp.yaml'));
  chmodSync(locked, 0o000);
  try {
    const inside = runCliUnprivileged([dir]);
    assert.equal(inside.code, 2, inside.stderr);
    assert.equal(inside.stderr, `sinchcp-lint: cannot read ${locked}: EACCES\n`);
    assert.doesNotMatch(inside.stdout, /✓/);
    const itself = runCliUnprivileged(['--format', 'json', locked]);
    assert.equal(itself.code, 2);
    assert.equal(itself.stderr, `sinchcp-lint: cannot read ${locked}: EACCES\n`);
    assert.equal(itself.stdout, '[]\n');
    const stylish = runCliUnprivileged([locked]);
    assert.equal(stylish.stdout, '✖ 1 input could not be checked (see above)\n');
  } finally {
    chmodSync(locked, 0o755);
  }
});

test('a PATH through a file (ENOTDIR) exits 2 with the reason', () => {
  const { code, stderr, stdout } = runCli([join(VALID, 'inside')]);
  assert.equal(code, 2);
  assert.equal(stderr, `sinchcp-lint: cannot read ${join(VALID, 'inside')}: ENOTDIR\n`);
  assert.equal(stdout, '✖ 1 input could not be checked (see above)\n');
});

test('--fix on a file that cannot be written: reported, exit 2, after the findings of every file', () => {
  const dir = tempDir();
  const readOnly = join(dir, 'readonly.sinchcp.yaml');
  const writable = join(dir, 'writable.sinchcp.yaml');
  copyFileSync(MISTAKES, readOnly);
  copyFileSync(MISTAKES, writable);
  chmodSync(readOnly, 0o444);
  // The unprivileged user may write this one (as root, it is handed to nobody); not the other one.
  if (runningAsRoot) chownSync(writable, 65534, 65534);
  chmodSync(dir, 0o755);
  const { code, stdout, stderr } = runCliUnprivileged(['--fix', '--format', 'json', readOnly, writable]);
  assert.equal(code, 2, stderr);
  assert.doesNotMatch(stderr, NO_STACK_TRACE);
  assert.match(
    stderr,
    new RegExp(
      `^sinchcp-lint: cannot write the fixes to ${readOnly}: EACCES \\(the file is unchanged; its problems are listed as found\\)$`,
      'm',
    ),
  );
  assert.match(stderr, new RegExp(`^sinchcp-lint: fixed ${writable}: .*app-id-case`, 'm'));
  assert.equal(readFileSync(readOnly, 'utf8'), readFileSync(MISTAKES, 'utf8'));
  const reports = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[];
  assert.deepEqual(
    reports.map((r) => r.file),
    [readOnly, writable],
  );
  assert.ok(
    reports[0]!.diagnostics.some((d) => d.code === 'app-id-case'),
    'the unchanged file keeps its findings',
  );
  assert.ok(!reports[1]!.diagnostics.some((d) => d.code === 'app-id-case'), 'the fixed file is reported after the fix');
});

test('an input that makes the checker throw costs that input (exit 2, no stack trace), not the report', () => {
  // A valid file with one pasted line of 10,000 nested `- `: the YAML parser overflowed the stack, and the CLI
  // died with an uncaught RangeError and a screen of minified code. (Whether the parse still throws is the
  // parser guard's business; the CLI must survive either way.)
  const deep = join(ROOT, 'test', 'fixtures', 'cli', 'parser-stack-overflow.sinchcp.yaml');
  const { code, stdout, stderr } = runCli(['--format', 'json', deep, VALID]);
  assert.ok(code === 1 || code === 2, `exit ${code}: ${stderr}`);
  assert.doesNotMatch(stderr, NO_STACK_TRACE);
  const reports = JSON.parse(stdout) as { file: string }[];
  assert.ok(
    reports.some((r) => r.file === VALID),
    'the other file is still reported',
  );
});
