// The .vsix as `npm run package` writes it (vsce, with the repository's .vscodeignore allow-list, from the
// dist/ the suite runs after): it holds every rule's page, so "Show documentation" and a diagnostic's code open
// the page offline, and the bundles the extension runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules/registry';
import { ROOT, tempDir } from './runCli';

test("the .vsix ships docs/: every rule's page, its index, and the bundles", { timeout: 120_000 }, () => {
  const vsix = join(tempDir(), 'sinchcp.vsix');
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--skip-license',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '-o',
      vsix,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const listed = new Set(execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n'));
  const missing = allRules.map((rule) => `extension/docs/rules/${rule.name}.md`).filter((path) => !listed.has(path));
  assert.deepEqual(missing, []);
  for (const path of ['extension/docs/README.md', 'extension/dist/extension.js', 'extension/dist/server.js'])
    assert.ok(listed.has(path), path);
  assert.ok(
    ![...listed].some((path) => path.includes('node_modules/') || path.endsWith('.map')),
    'no dependencies or source maps',
  );
});
