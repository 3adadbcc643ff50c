// The installable CLI package: `npm run pack:cli` writes a tarball with the bundled cli.js and no dependencies;
// npm installs it into an empty project (offline: there is nothing to fetch), and the installed
// `sinchcp-lint` checks the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './runCli';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, {
  cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
});

test('pack:cli → a tarball npm installs into an empty project; its sinchcp-lint checks the examples', { timeout: 120_000 }, () => {
  const out = tempDir();
  // The script itself (npm run pack:cli = build + this); the suite runs after `npm run build`.
  const tarball = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' }).trim();
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(tarball, join(out, `sinchcp-lint-${version}.tgz`));
  const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(listed, ['package/LICENSE', 'package/README.md', 'package/THIRD-PARTY-NOTICES.md', 'package/cli.js', 'package/package.json']);
  const manifest = JSON.parse(readFileSync(join(out, 'cli-package', 'package.json'), 'utf8'));
  assert.deepEqual(manifest.bin, { 'sinchcp-lint': 'cli.js' });
  assert.equal(manifest.version, version);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) assert.equal(manifest[field], undefined, field);
  const notices = readFileSync(join(out, 'cli-package', 'THIRD-PARTY-NOTICES.md'), 'utf8');
  for (const bundled of ['yaml', 'zod', 'vscode-languageserver-types']) assert.match(notices, new RegExp(`^## ${bundled} `, 'm'));

  const project = tempDir();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-consumer', version: '1.0.0', private: true }));
  npm(['install', '--save-dev', '--offline', tarball], project);
  assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')), ['sinchcp-lint'], 'no dependencies came along');
  const bin = join(project, 'node_modules', '.bin', 'sinchcp-lint');
  assert.ok(existsSync(bin));

  const lint = spawnSync(bin, [join(ROOT, 'examples')], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /onboarding-mistakes\.sinchcp\.yaml/);
  assert.match(lint.stdout, /^ {2}11:14 +error +App ID `01hzx3k7m2q9v5b8n4t6w1r0cd`.*app-id-case$/m);
  assert.match(lint.stdout, /problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 2 files/);
  assert.equal(npm(['exec', '--offline', '--', 'sinchcp-lint', '--version'], project).trim(), version, 'npx sinchcp-lint works too');
  const clean = spawnSync(bin, [join(ROOT, 'examples', 'acme-eu.sinchcp.yaml'), '--format', 'github'], { cwd: project, encoding: 'utf8' });
  assert.equal(clean.status, 0);
  assert.equal(clean.stdout, '');
});
