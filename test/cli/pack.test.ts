// The installable CLI package: `npm run pack:cli` writes a tarball with the bundled cli.js and no dependencies;
// npm installs it into an empty project (offline: there is nothing to fetch), and the installed
// `sinchcp-lint` checks the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT, tempDir } from './runCli';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });

/** The YAML recipes of the README's "Use in CI" section, in order: GitHub Actions, GitLab CI, pre-commit. */
function readmeRecipes() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Use in CI\n');
  assert.ok(start >= 0, 'README has a "Use in CI" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parseYaml(match[1]!));
}

/** A recipe's shell command, run as CI would in the consumer project (the package is already installed). */
function runStep(command: string, cwd: string) {
  const result = spawnSync('bash', ['-e', '-c', command], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test(
  'pack:cli → a tarball npm installs into an empty project; its sinchcp-lint checks the examples',
  { timeout: 120_000 },
  () => {
    const out = tempDir();
    // The script itself (npm run pack:cli = build + this); the suite runs after `npm run build`.
    const tarball = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(tarball, join(out, `sinchcp-lint-${version}.tgz`));
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(listed, [
      'package/LICENSE',
      'package/README.md',
      'package/THIRD-PARTY-NOTICES.md',
      'package/cli.js',
      'package/package.json',
    ]);
    const manifest = JSON.parse(readFileSync(join(out, 'cli-package', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.bin, { 'sinchcp-lint': 'cli.js' });
    assert.equal(manifest.version, version);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'])
      assert.equal(manifest[field], undefined, field);
    const notices = readFileSync(join(out, 'cli-package', 'THIRD-PARTY-NOTICES.md'), 'utf8');
    for (const bundled of ['yaml', 'zod', 'vscode-languageserver-types'])
      assert.match(notices, new RegExp(`^## ${bundled} `, 'm'));

    const project = tempDir();
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'ci-consumer', version: '1.0.0', private: true }),
    );
    npm(['install', '--save-dev', '--offline', tarball], project);
    assert.deepEqual(
      readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')),
      ['sinchcp-lint'],
      'no dependencies came along',
    );
    const bin = join(project, 'node_modules', '.bin', 'sinchcp-lint');
    assert.ok(existsSync(bin));

    const lint = spawnSync(bin, [join(ROOT, 'examples')], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /onboarding-mistakes\.sinchcp\.yaml/);
    assert.match(lint.stdout, /^ {2}11:14 +error +App ID '01hzx3k7m2q9v5b8n4t6w1r0cd'.*app-id-case$/m);
    assert.match(lint.stdout, /problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 2 files/);
    assert.equal(
      npm(['exec', '--offline', '--', 'sinchcp-lint', '--version'], project).trim(),
      version,
      'npx sinchcp-lint works too',
    );
    const clean = spawnSync(bin, [join(ROOT, 'examples', 'acme-eu.sinchcp.yaml'), '--format', 'github'], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, '');
  },
);

test(
  "the README's CI recipes: their commands, run on the installed package, do what the recipes say",
  { timeout: 120_000 },
  () => {
    const [github, gitlab, preCommit] = readmeRecipes();
    const out = tempDir();
    const tarball = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const project = tempDir();
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'ci-consumer', version: '1.0.0', private: true }),
    );
    npm(['install', '--save-dev', '--offline', tarball], project);
    cpSync(join(ROOT, 'examples'), join(project, 'examples'), { recursive: true });

    // GitHub Actions. (`npm ci` is what installed the package in the recipe; here the tarball did.)
    const steps = github.jobs['sinchcp-lint'].steps as {
      name?: string;
      run?: string;
      uses?: string;
      with?: Record<string, string>;
    }[];
    const runs = steps.filter((step) => step.run && step.run !== 'npm ci');
    assert.equal(runs.length, 2);
    const sarifStep = runStep(runs[0]!.run!, project);
    assert.equal(sarifStep.code, 0, `findings (exit 1) must not stop the job before the upload: ${sarifStep.stderr}`);
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const sarif = JSON.parse(readFileSync(join(project, upload.with!.sarif_file!), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
    const annotations = runStep(runs[1]!.run!, project);
    assert.equal(annotations.code, 1, 'errors fail the job');
    assert.match(annotations.stdout, /^::error file=examples\/onboarding-mistakes\.sinchcp\.yaml,line=\d+,col=\d+,/m);
    const unchecked = runStep(runs[0]!.run!.replace(' . ', ' missing-folder '), project);
    assert.notEqual(unchecked.code, 0, 'an input that cannot be checked (exit 2) still fails the SARIF step');
    assert.match(unchecked.stderr, /cannot read missing-folder: ENOENT/);

    // GitLab CI.
    const job = gitlab['sinchcp-lint'] as { script: string[]; artifacts: { reports: { codequality: string } } };
    const script = job.script.filter((line) => line !== 'npm ci');
    assert.equal(script.length, 2);
    assert.equal(runStep(script[0]!, project).code, 0);
    const report = JSON.parse(readFileSync(join(project, job.artifacts.reports.codequality), 'utf8')) as {
      check_name: string;
    }[];
    assert.ok(report.some((issue) => issue.check_name === 'app-id-case'));
    assert.equal(runStep(script[1]!, project).code, 1, 'errors fail the job');

    // pre-commit: the recipe names the hook this repository declares (precommit.test.ts runs it).
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
    }[];
    assert.deepEqual(
      preCommit.repos[0].hooks.map((hook: { id: string }) => hook.id),
      hooks.map((hook) => hook.id),
    );
    assert.deepEqual(
      hooks.map((hook) => [hook.id, hook.entry, hook.language]),
      [['sinchcp-lint', 'sinchcp-lint', 'node']],
    );
  },
);
