// The files a run checks: each PATH as given (a folder is searched for config files), and the inputs that
// cannot be checked, each with the reason. Nothing here reads a file's contents.
import { statSync } from 'node:fs';
import { searchConfigFiles } from '../service/configFiles';
import type { InputFailure } from './formatters';

export interface GatheredInputs {
  files: string[];
  failures: InputFailure[];
  /** Said on standard error, but not a failure: e.g. a folder with no config files in it. */
  notes: string[];
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error);
}

export function gatherInputs(paths: readonly string[]): GatheredInputs {
  const result: GatheredInputs = { files: [], failures: [], notes: [] };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory(); // follows symlinks
    } catch (error) {
      result.failures.push({ path, message: `cannot read ${path}: ${errorCode(error)}` });
      continue;
    }
    if (!isDirectory) {
      result.files.push(path); // the read says whether it is a regular file
      continue;
    }
    const found = searchConfigFiles(path);
    for (const problem of found.problems) {
      result.failures.push({ path: problem.path, message: `cannot read ${problem.path}: ${problem.detail}` });
    }
    if (!found.files.length && !found.problems.length)
      result.notes.push(`no config files (*.sinchcp.yaml) found in ${path}`);
    result.files.push(...found.files);
  }
  return result;
}
