// Bundles the entry points into dist/: the VS Code client, the language server
// (standalone: `node dist/server.js --stdio`) and the sinchcp-lint CLI. Everything is bundled, so the
// .vsix ships no node_modules. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entryPoints = {
  server: 'server/src/lsp/main.ts',
  cli: 'server/src/cli/main.ts',
  // The `sinchcp` bin: import from the Sinch project, webhook plan and apply.
  sinchcp: 'server/src/cli/sinchcpMain.ts',
};
if (existsSync('client/src/extension.ts')) entryPoints.extension = 'client/src/extension.ts';

/**
 * The `yaml` parser reads `process.env.LOG_TOKENS` once per token (and the composer `LOG_STREAM` once per
 * document) to decide on debug logging. A read of process.env is a slow exotic-object access: on a 2,000-line
 * file those reads were a fifth of the parse (npm run bench). The bundle has no use for that debug output.
 */
const yamlDebugEnvOff = {
  name: 'yaml-debug-env-off',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ },
      async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        return { contents: source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false'), loader: 'js' };
      },
    );
  },
};

/**
 * zod re-exports its ~40 message translations (`z.locales`) from its main entry, so a bundle holds all of them:
 * a quarter of server.js, parsed and compiled at every start of the server and of each analysis worker (the
 * first squiggle waits for both). sinchcp speaks English only (zod's default, `en`), so the bundle keeps that one.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";\n',
      loader: 'js',
    }));
  },
};

/** The one version (package.json's), written into every bundle: server/src/protocol/version.ts reads it. */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const options = {
  plugins: [yamlDebugEnvOff, zodEnglishOnly],
  define: { SINCHCP_VERSION: JSON.stringify(version) },
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
  // The JSON Schema of the format, for editors other than VS Code, generated from the zod schema.
  const printer = 'dist/.print-json-schema.js';
  await esbuild.build({
    ...options,
    entryPoints: ['server/src/schema/printJsonSchema.ts'],
    outdir: undefined,
    outfile: printer,
    sourcemap: false,
  });
  const { execFileSync } = await import('node:child_process');
  writeFileSync('dist/sinchcp.schema.json', execFileSync(process.execPath, [printer], { encoding: 'utf8' }));
  rmSync(printer);
}
