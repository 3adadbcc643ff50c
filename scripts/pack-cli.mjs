// `npm run pack:cli`: the standalone sinchcp-lint package. It holds the bundled dist/cli.js (built by
// `npm run build` just before), so it has no dependencies: package.json from server/src/cli/package/ with this
// repository's version, the package README and LICENSE, and the licences of the libraries bundled into
// cli.js (found from its source map). Writes dist/sinchcp-lint-VERSION.tgz (or into `--out DIR`) and prints
// its path. Run it through `npm run pack:cli`, which builds first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const template = join(root, 'server', 'src', 'cli', 'package');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'dist');
const staging = join(out, 'cli-package');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });

const manifest = JSON.parse(readFileSync(join(template, 'package.json'), 'utf8'));
manifest.version = version;
writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(join(template, 'README.md'), join(staging, 'README.md'));
copyFileSync(join(template, 'LICENSE'), join(staging, 'LICENSE'));

// The bundle without its source-map comment (the map stays in dist/; the package does not ship it).
const bundle = readFileSync(join(root, 'dist', 'cli.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
writeFileSync(join(staging, 'cli.js'), bundle, { mode: 0o755 });

/** Every package whose code esbuild put into cli.js, with its licence text (MIT and ISC ask for it). */
const map = JSON.parse(readFileSync(join(root, 'dist', 'cli.js.map'), 'utf8'));
const packages = [
  ...new Set(
    map.sources.flatMap((source) => {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
      return match ? [match[1]] : [];
    }),
  ),
].sort();
const notices = ['# Third-party notices', '', 'cli.js bundles the following packages.', ''];
for (const name of packages) {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licenseFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
  if (!licenseFile) throw new Error(`${name}: no licence file to ship`);
  notices.push(
    `## ${name} ${pkg.version} (${pkg.license})`,
    '',
    '```',
    readFileSync(join(dir, licenseFile), 'utf8').trim(),
    '```',
    '',
  );
}
writeFileSync(join(staging, 'THIRD-PARTY-NOTICES.md'), notices.join('\n'));

const tarball = `sinchcp-lint-${version}.tgz`;
if (existsSync(join(out, tarball))) rmSync(join(out, tarball));
execFileSync('npm', ['pack', '--silent', '--pack-destination', out], {
  cwd: staging,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (!existsSync(join(out, tarball))) throw new Error(`npm pack did not write ${tarball}`);
console.log(join(out, tarball));
