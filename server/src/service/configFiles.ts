// Which files are sinchcp configuration files (docs/format.md), finding them below a folder, and reading them
// safely. Shared by the CLI (paths given on the command line) and the server (the workspace's Problems).
//
// Reading is defensive because a workspace can hold anything under a config file's name: a FIFO (a plain
// open() for reading blocks until a writer appears, forever), a symlink to /dev/zero (endless), a huge file.
// So: only regular files are read, opened non-blocking, and never more than MAX_CONFIG_FILE_BYTES.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  readdirSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import {
  open as openAsync,
  readdir as readdirAsync,
  realpath as realpathAsync,
  stat as statAsync,
} from 'node:fs/promises';
import { join } from 'node:path';

const CONFIG_NAME = /(^|\.)sinchcp\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const FIRST_LINE_MARK = /^#\s*sinchcp/;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** Config files larger than this are not read (a real one is a few KiB; 2 MiB is far beyond any tenant). */
export const MAX_CONFIG_FILE_BYTES = 2 * 1024 * 1024;

/**
 * O_NONBLOCK makes open() return at once on a FIFO instead of waiting for a writer; on a regular file it
 * changes nothing. Windows has no such flag (and no FIFOs in the file system).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 64 * 1024;

export type ReadFailure = 'not-a-file' | 'too-large' | 'unreadable';
export type ConfigReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: ReadFailure; /** For a person: why, without file contents. */ detail: string };

function notAFile(stats: Stats): ConfigReadResult {
  const kind = stats.isDirectory()
    ? 'a folder'
    : stats.isFIFO()
      ? 'a named pipe'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  return { ok: false, reason: 'not-a-file', detail: `not a regular file (${kind})` };
}

function tooLarge(limit: number): ConfigReadResult {
  return { ok: false, reason: 'too-large', detail: `larger than ${formatBytes(limit)}, the most sinchcp reads` };
}

function unreadable(error: unknown): ConfigReadResult {
  const code = (error as NodeJS.ErrnoException)?.code;
  return { ok: false, reason: 'unreadable', detail: code ?? String((error as Error)?.message ?? error) };
}

export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Reads a config file as UTF-8: only a regular file (symlinks followed), at most `limit` bytes, counted while
 * reading (a file that grows while it is read is still cut off). Never blocks on a FIFO or reads a device.
 */
export function readConfigTextSync(path: string, limit = MAX_CONFIG_FILE_BYTES): ConfigReadResult {
  let fd: number | undefined;
  try {
    const before = statSync(path); // a device or FIFO is rejected before it is even opened
    if (!before.isFile()) return notAFile(before);
    fd = openSync(path, OPEN_FLAGS);
    const stats = fstatSync(fd); // the file opened may not be the one stat saw
    if (!stats.isFile()) return notAFile(stats);
    if (stats.size > limit) return tooLarge(limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) return tooLarge(limit);
      chunks.push(chunk.subarray(0, read));
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return unreadable(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The same as readConfigTextSync, without blocking the event loop (the server's workspace scan). */
export async function readConfigText(
  path: string,
  limit = MAX_CONFIG_FILE_BYTES,
  /** Read only this many bytes (a peek; not a failure). */ headBytes?: number,
): Promise<ConfigReadResult> {
  let handle: Awaited<ReturnType<typeof openAsync>> | undefined;
  try {
    const before = await statAsync(path);
    if (!before.isFile()) return notAFile(before);
    handle = await openAsync(path, OPEN_FLAGS);
    const stats = await handle.stat();
    if (!stats.isFile()) return notAFile(stats);
    if (headBytes !== undefined) {
      const head = Buffer.alloc(headBytes);
      const { bytesRead } = await handle.read(head, 0, headBytes, 0);
      return { ok: true, text: head.subarray(0, bytesRead).toString('utf8') };
    }
    if (stats.size > limit) return tooLarge(limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return tooLarge(limit);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle?.close();
  }
}

export function isConfigFileName(name: string): boolean {
  return CONFIG_NAME.test(name);
}

/**
 * A regular file (symlinks followed) that is a config file by name, or a YAML file whose first line is a
 * `# sinchcp…` comment. A FIFO or device is never one, whatever its name: whoever asks is about to read it.
 */
export function isConfigFile(path: string, name = path): boolean {
  if (!isRegularFile(path)) return false;
  if (isConfigFileName(name)) return true;
  if (!YAML_NAME.test(name)) return false;
  return FIRST_LINE_MARK.test(readHeadSync(path, 64));
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first bytes of a regular file ('' for anything else), with the same care as readConfigTextSync. */
function readHeadSync(path: string, count: number): string {
  let fd: number | undefined;
  try {
    if (!statSync(path).isFile()) return '';
    fd = openSync(path, OPEN_FLAGS);
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(count);
    const read = readSync(fd, buffer, 0, count, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface FindOptions {
  /** Stop after visiting this many directory entries (a huge workspace must not stall the server). */
  maxEntries?: number;
}

/** A folder or config file the search could not look into, and why (an errno code such as EACCES). */
export interface SearchProblem {
  path: string;
  detail: string;
}

export interface SearchResult {
  files: string[];
  problems: SearchProblem[];
}

/**
 * Config files below a folder, sorted, skipping dependency and VCS folders. Symlinks are followed to regular
 * files and folders; a folder already visited (by its real path) is not entered again, so link loops end.
 * Only regular files are listed: a FIFO or device named like a config file is left out. Folders that cannot
 * be listed, and config-named entries that cannot be examined (e.g. a dangling symlink), are reported.
 */
export function searchConfigFiles(root: string, options: FindOptions = {}): SearchResult {
  const files: string[] = [];
  const problems: SearchProblem[] = [];
  const visited = new Set<string>();
  let budget = options.maxEntries ?? 20000;
  const walk = (dir: string, depth: number) => {
    if (depth > 12 || budget <= 0) return;
    let entries;
    try {
      const real = realpathSync(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (--budget <= 0) return;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (isConfigFileName(entry.name)) {
            problems.push({ path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
          }
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path, depth + 1);
      } else if (isFile && isConfigFile(path, entry.name)) {
        files.push(path);
      }
    }
  };
  walk(root, 0);
  return { files, problems };
}

/**
 * searchConfigFiles without blocking the event loop (the server's workspace scan): the same files in the same
 * order. `shouldStop` is asked between folders, so a scan can be abandoned (e.g. on a settings change).
 */
export async function searchConfigFilesAsync(
  root: string,
  options: FindOptions & { shouldStop?: () => boolean } = {},
): Promise<SearchResult> {
  const files: string[] = [];
  const problems: SearchProblem[] = [];
  const visited = new Set<string>();
  let budget = options.maxEntries ?? 20000;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 12 || budget <= 0 || options.shouldStop?.()) return;
    let entries;
    try {
      const real = await realpathAsync(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdirAsync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (--budget <= 0) return;
      const path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await statAsync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (isConfigFileName(entry.name)) {
            problems.push({ path, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
          }
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path, depth + 1);
      } else if (isFile && (await isConfigFileAsync(path, entry.name))) {
        files.push(path);
      }
    }
  };
  await walk(root, 0);
  return { files, problems };
}

/** isConfigFile without blocking the event loop. */
export async function isConfigFileAsync(path: string, name = path): Promise<boolean> {
  const isFile = await statAsync(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!isFile) return false;
  if (isConfigFileName(name)) return true;
  if (!YAML_NAME.test(name)) return false;
  const head = await readConfigText(path, Number.MAX_SAFE_INTEGER, 64);
  return head.ok && FIRST_LINE_MARK.test(head.text);
}
