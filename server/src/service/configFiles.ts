// Which files are sinchcp configuration files (FORMAT.md), and finding them below a folder. Shared by the
// CLI (folders given on the command line) and the server (the workspace's Problems).
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const CONFIG_NAME = /(^|\.)sinchcp\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const FIRST_LINE_MARK = /^#\s*sinchcp/;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export function isConfigFileName(name: string): boolean {
  return CONFIG_NAME.test(name);
}

/** A config file by name, or a YAML file whose first line is a `# sinchcp…` comment. */
export function isConfigFile(path: string, name = path): boolean {
  if (isConfigFileName(name)) return true;
  return YAML_NAME.test(name) && FIRST_LINE_MARK.test(readFirstBytes(path, 64));
}

function readFirstBytes(path: string, count: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
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

/** Config files below a folder, sorted, skipping dependency and VCS folders. */
export function findConfigFiles(root: string, options: FindOptions = {}): string[] {
  const found: string[] = [];
  let budget = options.maxEntries ?? 20000;
  const walk = (dir: string, depth: number) => {
    if (depth > 12 || budget <= 0) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (--budget <= 0) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path, depth + 1);
      } else if (entry.isFile() && isConfigFile(path, entry.name)) {
        found.push(path);
      }
    }
  };
  walk(root, 0);
  return found;
}
