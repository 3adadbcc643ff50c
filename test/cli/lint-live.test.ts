// `sinchcp-lint --live` as CI runs it (the bundled dist/cli.js in a child process) against the local double:
// live findings are ordinary findings in every format, errors and warnings give exit 1, a clean project
// exit 0, no credentials exit 2 with one line, and each failure gives one clear finding.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SinchDouble } from '../sinch/double';
import {
  cleanProject,
  doubleEnv,
  EU_WEBHOOK_SECRET,
  FOREIGN_PROJECT_ID,
  PROJECT_ID,
  SECRET_MARKERS,
  startDouble,
  US_WEBHOOK_SECRET,
} from '../sinch/fixtures';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CLEAN = readFileSync(join(ROOT, 'test', 'fixtures', 'sinch', 'import-empty.golden.yaml'), 'utf8');
let double: SinchDouble;
let file: string;

interface JsonReport {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number } } }[];
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

const secrets = { SINCH_EU_WEBHOOK_SECRET: EU_WEBHOOK_SECRET, SINCH_US_WEBHOOK_SECRET: US_WEBHOOK_SECRET };

async function liveJson(env: Record<string, string>, path = file) {
  const result = await run(['--live', '--format', 'json', path], env);
  for (const secret of [...SECRET_MARKERS, ...double.issuedTokens]) {
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), 'a secret or token in the output');
  }
  const reports = JSON.parse(result.stdout) as JsonReport[];
  return { ...result, found: reports[0]!.diagnostics.map((d) => [d.range.start.line, d.code, d.severity, d.message]) };
}

before(async () => {
  double = await startDouble();
  file = join(mkdtempSync(join(tmpdir(), 'sinchcp-live-')), 'acme.sinchcp.yaml');
  writeFileSync(file, CLEAN);
});
after(async () => {
  await double.stop();
});
beforeEach(() => {
  double.seed(cleanProject());
  double.clearFailures();
});

test('a clean project: exit 0, no finding', async () => {
  const { code, found } = await liveJson(doubleEnv(double, secrets));
  assert.deepEqual(found, []);
  assert.equal(code, 0);
});

test('drift: exit 1, the live finding in json, stylish and sarif', async () => {
  const project = cleanProject();
  project.apps[0]!.app = { ...project.apps[0]!.app, processing_mode: 'CONVERSATION' };
  double.seed(project);
  const { code, found } = await liveJson(doubleEnv(double, secrets));
  assert.equal(code, 1, 'a live warning fails the run');
  assert.deepEqual(
    found.map(([line, rule, severity]) => [line, rule, severity]),
    [[22, 'live-processing-mode', 'warning']],
  );
  const stylish = await run(['--live', file], doubleEnv(double, secrets));
  assert.equal(stylish.code, 1);
  assert.match(
    stylish.stdout,
    /^ {2}23:23 +warning +App '01HZX3K7M2Q9V5B8N4T6W1R0CD' runs in processing mode 'CONVERSATION'.*live-processing-mode$/m,
  );
  const sarif = await run(['--live', '--format', 'sarif', file], doubleEnv(double, secrets));
  const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string }[];
  assert.deepEqual(
    results.map((r) => r.ruleId),
    ['live-processing-mode'],
  );
});

test('without credentials: exit 2 with one line', async () => {
  const { code, stdout, stderr } = await run(['--live', file], { SINCHCP_AUTH_URL: double.authUrl });
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    'sinchcp-lint: --live needs set SINCH_KEY_ID and SINCH_KEY_SECRET (Sinch dashboard > Settings > Access keys) in the environment.\n',
  );
});

test('network down, 401 and 403 each give one live-connection finding with what to check', async () => {
  const down = await liveJson(doubleEnv(double, { ...secrets, SINCHCP_AUTH_URL: 'http://127.0.0.1:9/oauth2/token' }));
  assert.equal(down.code, 1);
  assert.deepEqual(down.found, [
    [
      8,
      'live-connection',
      'error',
      'Live check: Could not reach the Sinch authentication endpoint: check the network connection (and SINCHCP_AUTH_URL / SINCHCP_CONVERSATION_URL if you set them).',
    ],
  ]);
  const refused = await liveJson(doubleEnv(double, { ...secrets, SINCH_KEY_SECRET: 'wrong' }));
  assert.deepEqual(
    refused.found.map(([line, rule]) => [line, rule]),
    [[8, 'live-connection']],
  );
  assert.match(
    String(refused.found[0]![3]),
    /^Live check: Sinch refused the access key \(401\): check the key ID and key secret/,
  );
  const foreignFile = join(mkdtempSync(join(tmpdir(), 'sinchcp-live-')), 'foreign.sinchcp.yaml');
  writeFileSync(foreignFile, CLEAN.replaceAll(PROJECT_ID, FOREIGN_PROJECT_ID));
  const foreign = await liveJson(doubleEnv(double, secrets), foreignFile);
  assert.deepEqual(
    foreign.found.map(([line, rule]) => [line, rule]),
    [[8, 'live-connection']],
  );
  assert.match(String(foreign.found[0]![3]), /^Live check: The access key has no access to this project \(403\)/);
});

test('429 with Retry-After, then success: no finding', async () => {
  double.fail({ host: 'eu', status: 429, retryAfter: '1' });
  const { code, found } = await liveJson(doubleEnv(double, secrets));
  assert.deepEqual(found, []);
  assert.equal(code, 0);
});
