// --stdin / --stdin-filename, --fix with standard input, --quiet and --output-file, with the exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MISTAKES, runCli, tempDir, VALID } from './runCli';

type JsonReport = { file: string; diagnostics: { code: string; severity: string }[] }[];

test('--stdin checks standard input and reports it under --stdin-filename (default <stdin>)', () => {
  const named = runCli(['--stdin', '--stdin-filename', 'tenants/draft.sinchcp.yaml', '--format', 'json'], {
    input: readFileSync(MISTAKES, 'utf8'),
  });
  assert.equal(named.code, 1);
  const reports = JSON.parse(named.stdout) as JsonReport;
  assert.deepEqual(
    reports.map((r) => r.file),
    ['tenants/draft.sinchcp.yaml'],
  );
  const fromFile = JSON.parse(runCli(['--format', 'json', MISTAKES]).stdout) as JsonReport;
  assert.deepEqual(reports[0]!.diagnostics, fromFile[0]!.diagnostics, 'the same findings as the file on disk');

  const unnamed = runCli(['--stdin'], { input: readFileSync(VALID, 'utf8') });
  assert.equal(unnamed.code, 0);
  assert.equal(unnamed.stdout, '✓ 1 file checked, no problems\n');
  const unnamedMistakes = runCli(['--stdin'], { input: readFileSync(MISTAKES, 'utf8') });
  assert.match(unnamedMistakes.stdout, /^<stdin>$/m);
});

test('--stdin --fix prints exactly the fixed text; the report and what was fixed go to standard error', () => {
  const dir = tempDir();
  const file = join(dir, 'draft.sinchcp.yaml');
  copyFileSync(MISTAKES, file);
  const onDisk = runCli(['--fix', '--format', 'json', file]);
  const { code, stdout, stderr } = runCli(
    ['--stdin', '--fix', '--format', 'json', '--stdin-filename', 'draft.sinchcp.yaml'],
    { input: readFileSync(MISTAKES, 'utf8') },
  );
  assert.equal(stdout, readFileSync(file, 'utf8'), 'the same text --fix writes to the file');
  assert.notEqual(stdout, readFileSync(MISTAKES, 'utf8'));
  assert.equal(code, onDisk.code);
  assert.match(stderr, /^sinchcp-lint: fixed draft\.sinchcp\.yaml: .*app-id-case/m);
  const report = JSON.parse(stderr.slice(stderr.indexOf('['))) as JsonReport;
  assert.deepEqual(report[0]!.diagnostics, (JSON.parse(onDisk.stdout) as JsonReport)[0]!.diagnostics);

  const clean = runCli(['--stdin', '--fix'], { input: readFileSync(VALID, 'utf8') });
  assert.equal(clean.code, 0);
  assert.equal(clean.stdout, readFileSync(VALID, 'utf8'), 'nothing to fix: the text unchanged');
});

test('--stdin reads at most 2 MiB: more is reported, exit 2', () => {
  const { code, stdout, stderr } = runCli(['--stdin', '--stdin-filename', 'big.sinchcp.yaml'], {
    input: 'x'.repeat(2 * 1024 * 1024 + 1),
  });
  assert.equal(code, 2);
  assert.equal(stderr, 'sinchcp-lint: not checked big.sinchcp.yaml: larger than 2 MiB, the most sinchcp-lint reads\n');
  assert.equal(stdout, '✖ 1 input could not be checked (see above)\n');
});

test('--quiet reports errors only; --max-warnings still counts the hidden warnings', () => {
  const all = JSON.parse(runCli(['--format', 'json', MISTAKES]).stdout) as JsonReport;
  const quiet = runCli(['--quiet', '--format', 'json', MISTAKES]);
  assert.equal(quiet.code, 1);
  const shown = (JSON.parse(quiet.stdout) as JsonReport)[0]!.diagnostics;
  assert.deepEqual(
    shown,
    all[0]!.diagnostics.filter((d) => d.severity === 'error'),
  );
  assert.ok(
    all[0]!.diagnostics.some((d) => d.severity !== 'error'),
    'the example has warnings or infos to hide',
  );

  const dir = tempDir();
  const file = join(dir, 'warned.sinchcp.yaml');
  writeFileSync(
    file,
    readFileSync(VALID, 'utf8').replace(
      '- address: 01HZX3K7M2Q9V5B8N4T6W1R0CD@whatsapp',
      '- address: 01hzx3k7m2q9v5b8n4t6w1r0cd@whatsapp',
    ),
  );
  const onlyWarning = runCli(['--quiet', '--rule', 'app-id-case=warning', file]);
  assert.equal(onlyWarning.code, 0);
  assert.equal(onlyWarning.stdout, '✓ 1 file checked, no problems\n');
  const limited = runCli(['--quiet', '--rule', 'app-id-case=warning', '--max-warnings', '0', file]);
  assert.equal(limited.code, 1);
  assert.equal(limited.stderr, 'sinchcp-lint: 1 warning, more than --max-warnings 0\n');
});

test('--output-file writes the report there (creating its folder), not to standard output', () => {
  const dir = tempDir();
  const out = join(dir, 'reports', 'sinchcp.sarif');
  const { code, stdout, stderr } = runCli(['--format', 'sarif', '--output-file', out, MISTAKES]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr, '');
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
  const same = runCli(['--format', 'sarif', MISTAKES]);
  assert.equal(readFileSync(out, 'utf8'), same.stdout);
});

test('--output-file that cannot be written: exit 2 with the reason', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'taken'));
  const { code, stderr } = runCli(['--output-file', join(dir, 'taken'), VALID]);
  assert.equal(code, 2);
  assert.equal(stderr, `sinchcp-lint: cannot write the report to ${join(dir, 'taken')}: EISDIR\n`);
});
