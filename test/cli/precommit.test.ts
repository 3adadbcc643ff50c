// The pre-commit hook (.pre-commit-hooks.yaml) run for real by Debian's pre-commit, installed with apt when it
// is missing: in a fixture repository whose .pre-commit-config.yaml pins this repository, the hook passes on a
// good file, fails on a bad one naming the problem, and is not given unrelated YAML. Installing the hook runs `npm install` and `npm pack` of this repository (its prepack
// builds dist/cli.js); all traffic except the npm registry's is sent to a dead proxy, so a hook install that
// downloaded anything else (e.g. a Node.js build) would fail here. Each install takes about a minute.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isConfigFileName } from '../../server/src/service/configFiles';
import { MISTAKES, ROOT, runningAsRoot, tempDir, VALID } from './runCli';

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** Debian's pre-commit, installed when missing; a reason to skip only when apt itself cannot be used. */
function ensurePreCommit(): string | undefined {
  if (has('pre-commit', ['--version'])) return undefined;
  if (!has('apt-get', ['--version'])) return 'pre-commit is not installed and apt-get is not available to install it';
  if (!runningAsRoot) return 'pre-commit is not installed, and installing it with apt-get needs root';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore', timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '-qq', 'pre-commit'], { env, stdio: 'ignore', timeout: 300_000 });
  assert.ok(has('pre-commit', ['--version']), 'apt-get installed pre-commit');
  return undefined;
}

/** Only the npm registry is reachable: every other HTTP(S) request goes to a closed port. */
function onlyNpmRegistryEnv(preCommitHome: string): NodeJS.ProcessEnv {
  const registry = new URL(execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim()).hostname;
  const deadProxy = 'http://127.0.0.1:9';
  return {
    ...process.env,
    PRE_COMMIT_HOME: preCommitHome,
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    no_proxy: registry,
    NO_PROXY: registry,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

function fixtureRepo(files: Record<string, string>): string {
  const repo = tempDir();
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: repo,
      stdio: 'ignore',
    });
  git('init', '-q');
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(repo, name, '..'), { recursive: true });
    copyFileSync(source, join(repo, name));
  }
  git('add', '.');
  return repo;
}

function preCommit(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('pre-commit', args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function skipUnlessPreCommit(t: TestContext): boolean {
  const reason = ensurePreCommit();
  if (reason) t.skip(reason);
  return !reason;
}

test(
  'pre-commit runs the hook from this repository: passes on a good file, fails on a bad one and names the problem',
  { timeout: 900_000 },
  (t) => {
    if (!skipUnlessPreCommit(t)) return;
    // A team's .pre-commit-config.yaml pinned to this repository's commit. (`pre-commit try-repo` writes the same
    // config, but into a throwaway store: a second call would install the hook again, a minute each time.)
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const scratch = tempDir();
    const config = join(scratch, '.pre-commit-config.yaml');
    writeFileSync(
      config,
      `repos:\n  - repo: ${JSON.stringify(ROOT)}\n    rev: ${rev}\n    hooks:\n      - id: sinchcp-lint\n`,
    );
    const unrelated = join(scratch, 'notes.yaml');
    writeFileSync(unrelated, 'broken: [yaml\n');
    const repo = fixtureRepo({
      'good.sinchcp.yaml': VALID,
      'notes.yaml': unrelated,
      '.pre-commit-config.yaml': config,
    });
    const env = onlyNpmRegistryEnv(tempDir());

    const good = preCommit(['run', '--all-files', '--verbose'], repo, env);
    assert.equal(good.code, 0, good.output);
    assert.match(good.output, /^sinchcp-lint\.+Passed$/m);
    assert.match(
      good.output,
      /✓ 1 file checked, no problems/,
      'only the config file was given to the hook, not notes.yaml',
    );

    mkdirSync(join(repo, 'tenants'));
    copyFileSync(MISTAKES, join(repo, 'tenants', 'draft.sinchcp.yaml'));
    execFileSync('git', ['add', '.'], { cwd: repo });
    const bad = preCommit(['run', '--all-files'], repo, env);
    assert.equal(bad.code, 1, bad.output);
    assert.match(bad.output, /^sinchcp-lint\.+Failed$/m);
    assert.match(bad.output, /^tenants\/draft\.sinchcp\.yaml$/m);
    assert.match(bad.output, /^ {2}11:14 +error +App ID '01hzx3k7m2q9v5b8n4t6w1r0cd'.*app-id-case$/m);
    assert.match(bad.output, /problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 2 files/);
    assert.doesNotMatch(bad.output, /notes\.yaml/);
  },
);

test("the hook's `files` pattern picks the same names as the CLI's folder search", () => {
  const [hook] = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { files: string }[];
  assert.ok(hook!.files.startsWith('(?i)'), 'case-insensitive, like the CLI');
  const pattern = new RegExp(hook!.files.slice('(?i)'.length), 'i'); // Python's inline flag, as a JavaScript flag
  const names = [
    'acme.sinchcp.yaml',
    'acme.sinchcp.yml',
    'sinchcp.yaml',
    'sinchcp.yml',
    'tenants/eu/ACME.SINCHCP.YAML',
    'a.b.sinchcp.yaml',
    'xsinchcp.yaml',
    'sinchcp.yaml.bak',
    'acme.yaml',
    'sinchcp/acme.yaml',
    'sinchcp.json',
  ];
  for (const name of names) assert.equal(pattern.test(name), isConfigFileName(basename(name)), name);
});
