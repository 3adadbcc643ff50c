// Runs the bundled sinchcp-lint (dist/cli.js, built by `npm run build`) as a user does, in a child process.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const VALID = join(ROOT, 'examples', 'acme-eu.sinchcp.yaml');
export const MISTAKES = join(ROOT, 'examples', 'onboarding-mistakes.sinchcp.yaml');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The timeout turns a hang (e.g. a read blocked on a FIFO) into a failed test instead of a stuck suite. */
export function runCli(args: string[], options: SpawnSyncOptions = {}, cli = CLI): CliRun {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    ...options,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** The unprivileged account the permission tests run the CLI as, when the suite runs as root. */
const NOBODY = 65534;
export const runningAsRoot = process.getuid?.() === 0;

/**
 * The CLI as a user without special rights. Root ignores permission bits (it reads a mode-000 folder and
 * writes a read-only file), so as root the child runs as `nobody`; as any other user it runs as that user.
 * Either way the permission error is real, produced by the kernel, not simulated.
 */
export function runCliUnprivileged(args: string[], options: SpawnSyncOptions = {}): CliRun {
  if (!runningAsRoot) return runCli(args, options);
  return runCli(args, { cwd: tmpdir(), ...options, uid: NOBODY, gid: NOBODY }, cliCopyForEveryone());
}

let everyonesCli: string | undefined;
/** The checkout may sit where `nobody` cannot reach (e.g. under /root); the bundle is one self-contained file. */
function cliCopyForEveryone(): string {
  if (!everyonesCli) {
    const dir = tempDir();
    everyonesCli = join(dir, 'cli.js');
    copyFileSync(CLI, everyonesCli);
    chmodSync(everyonesCli, 0o644);
  }
  return everyonesCli;
}

/** A fresh temporary folder, readable by the unprivileged account too (mkdtemp makes it 0700). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sinchcp-cli-'));
  chmodSync(dir, 0o755);
  return dir;
}
