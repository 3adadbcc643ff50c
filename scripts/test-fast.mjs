// `npm run test:fast`: the development loop. The unit, LSP and CLI tests of `npm run test:node`, without the slow
// ones: the mutation fuzzing of the parser and the server, the 20,000-line hostile documents, and the CLI
// package and pre-commit runs (each installs or packs a package). `npm test` (what CI runs) runs everything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const SLOW = [
  'test/unit/hostile.test.ts', // mutated and binary documents, hundreds of parses
  'test/lsp/fuzz.test.ts', // the fuzz harness against the bundled server
  'test/lsp/hostile.test.ts', // hostile and 20,000-line documents over LSP
  'test/cli/pack.test.ts', // npm pack + install of the CLI package, the README's CI recipes
  'test/cli/precommit.test.ts', // Debian's pre-commit running the hook
];
for (const file of SLOW) {
  if (!existsSync(join(root, file)))
    throw new Error(`scripts/test-fast.mjs: ${file} no longer exists; update the list`);
}
const files = ['test/unit', 'test/lsp', 'test/cli']
  .flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => `${dir}/${name}`),
  )
  .filter((file) => !SLOW.includes(file));
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
