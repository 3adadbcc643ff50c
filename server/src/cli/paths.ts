// How CI formats name a file: relative to the folder sinchcp-lint runs in (the repository root in CI), with
// forward slashes; a file outside it keeps its absolute path.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export function relativeToCwd(file: string, cwd: string): string | undefined {
  const path = relative(cwd, resolve(cwd, file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

export function displayPath(file: string, cwd: string): string {
  return relativeToCwd(file, cwd) ?? resolve(cwd, file).split(sep).join('/');
}
