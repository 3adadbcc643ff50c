// The version of the extension, the server and the CLI: package.json's, injected by esbuild (`define` in
// esbuild.mjs) into every bundle. Unbundled (the tests, under tsx) it is read from package.json itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const SINCHCP_VERSION: string | undefined;

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest && 'version' in manifest ? manifest.version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

export const VERSION: string = typeof SINCHCP_VERSION === 'string' ? SINCHCP_VERSION : packageVersion();
